import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { Writable } from 'node:stream'
import { ArchiveOpenError, hashArchive } from '../core/archive'
import type { OpenedArchive } from '../core/archive/types'
import { builtInProviders } from '../core/providers'
import { openSession, type Session } from '../core/session'
import { judgementOf } from '../core/report/judgement'
import type { ByteSink } from '../core/report/json-bytes'
import { writeReportJson } from '../core/report/report-json'
import type { ScanReport } from '../core/report/types'
import { buildScanReport, buildScanReportParts, type FileHash, type ReportRecordings } from '../core/report/scan-report'
import type { Problem } from '../shared/model/archive'
import type { ColumnMapping } from '../shared/model/recording'
import type { ScanCommand } from './args'
import { bytes, oneLine, plural, printable, seconds } from './format'
import { EXIT_CANCELLED, EXIT_CANNOT_OPEN, EXIT_OK, type CliIo } from './io'
import { createProgress, failWith } from './progress'
import { formatSummary } from './summary'

export type ScanOptions = Omit<ScanCommand, 'kind' | 'sample'> & { sample?: boolean }

const since = (start: number) => Math.round(performance.now() - start)

export async function scan(options: ScanOptions, io: CliIo): Promise<number> {
  const started = performance.now()
  const progress = createProgress(io.stderr, io.env)
  const fail = failWith(progress, io.stderr)

  // Read before the archive is opened, so a typo in the mapping costs nothing.
  let mappings: ColumnMapping[] = []
  if (options.mapping !== null) {
    const loaded = await loadMappings(options.mapping)
    if ('error' in loaded) return fail(EXIT_CANNOT_OPEN, `${printable(options.mapping)}: ${printable(oneLine(loaded.error))}`)
    mappings = loaded.mappings
  }

  let path = options.path
  if (options.sample) {
    try {
      // The committed resources/sample-export.zip; where none ships, the generator makes the same bytes once.
      // Loaded here only: the fallback brings the whole generator, which no other scan needs.
      const { samplePath } = await import('../core/generate/sample')
      path = await samplePath(join(tmpdir(), 'exportscope-sample'))
    } catch (err) {
      return fail(EXIT_CANNOT_OPEN, `the sample export could not be found or made: ${printable(oneLine(err instanceof Error ? err.message : String(err)))}`)
    }
  }

  // The hash runs in a worker thread, started once the archive is listed, so it goes on while the providers read.
  let hashing: Promise<{ hashes: FileHash[] } | { problem: Problem }> | null = null
  let hashStarted = 0
  let showHashing = false
  const registry = builtInProviders()
  let readStarted = 0
  let session: Session
  try {
    session = await openSession(path, {
      signal: io.signal,
      mappings,
      providers: registry,
      onProgress: (p) => {
        if (p.open) progress.opening(p.open)
        else if (p.read) progress.reading(registry.get(p.read.provider)?.name ?? p.read.provider, p.read)
      },
      onListed: (archive) => {
        const open = since(started)
        progress.done(`listed ${plural(archive.entries.length, 'entry', 'entries')} of ${printable(basename(archive.path))} (${archive.format}, ${bytes(archive.bytes)}) in ${seconds(open)}`)
        if (options.hash && archive.format !== 'folder') {
          hashStarted = performance.now()
          hashing = hashParts(archive, io.signal, (done, total) => {
            if (showHashing) progress.hashing(archive.parts.length, done, total)
          })
          // Without a listener a cancelled hash would be an unhandled rejection while reading fails first.
          hashing.catch(() => undefined)
        }
        readStarted = performance.now()
        progress.reading("the export's files")
      },
      onRead: async ({ reading }) => {
        const by = reading.providers.length > 0 ? ` with ${reading.providers.map((p) => p.name).join(', ')}` : ''
        progress.done(`read ${plural(reading.recordings.length, 'recording')} and ${plural(reading.devices.length, 'device')}${by} in ${seconds(since(readStarted))}`)
        return []
      }
    })
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    if (err instanceof ArchiveOpenError) return fail(EXIT_CANNOT_OPEN, printable(err.message))
    throw err
  }

  const { archive, reading } = session
  let analysis = session.analysis
  try {
    // Loaded only with --voices: a plain scan never decodes audio. The voice rules then judge again.
    const voices = options.voices ? await (await import('../core/voices/scan')).scanVoices(archive, reading, io.signal, progress) : null
    if (voices) {
      session.useVoices(() => voices.evidence)
      analysis = await session.verdictsChanged()
    }
    const timings: Record<string, number> = { ...session.timings }
    const problems = [...archive.problems, ...session.problems]
    let hashes: FileHash[] | null = null
    if (hashing) {
      showHashing = true
      const result = await (hashing as Promise<{ hashes: FileHash[] } | { problem: Problem }>)
      timings.hash = since(hashStarted)
      if ('hashes' in result) progress.done(`computed the SHA-256 of ${bytes(archive.bytes)} in ${seconds(timings.hash)}`)
      else progress.clear()
      if ('problem' in result) problems.push(result.problem)
      else hashes = result.hashes
    }

    const reportStarted = performance.now()
    const input = { archive: { ...pick(archive), problems }, reading, hashes, judgement: judgementOf(analysis) }
    // The JSON report makes its recordings a batch at a time as it writes them; the summary and
    // the voices (which add to each recording) take them all at once.
    let report: ScanReport
    let recordings: ReportRecordings | undefined
    if (options.json && !voices) ({ report, recordings } = buildScanReportParts(input))
    else report = buildScanReport(input)
    timings.report = since(reportStarted)
    timings.total = since(started)
    report.timings = timings
    voices?.addTo(report)

    if (options.json) await writeReportJson(report, sinkOf(io.stdout), recordings)
    else io.stdout.write(formatSummary(report, hashed(options, archive)))
    return EXIT_OK
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    throw err
  } finally {
    await session.close()
  }
}

/**
 * Where the JSON report's bytes go. A stream (the process's stdout) writes them and says when it is
 * done with them, so the writer can fill the buffer again; that also waits whenever a pipe is full.
 * A plain collector (tests) keeps what it gets: it is given text.
 */
function sinkOf(out: CliIo['stdout']): ByteSink {
  if (out instanceof Writable) return (bytes) => new Promise<void>((resolve, reject) => void out.write(bytes, (err) => (err ? reject(err) : resolve())))
  return (bytes) => void out.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
}

const hashed = (options: ScanOptions, archive: OpenedArchive) => options.hash && archive.format !== 'folder'

const pick = ({ path, format, bytes, parts, entries }: OpenedArchive) => ({ path, format, bytes, parts, entries })

async function loadMappings(path: string): Promise<{ mappings: ColumnMapping[] } | { error: string }> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (err as Error).message
    return { error: `The mapping file cannot be read: ${why}.` }
  }
  try {
    // The mapping file's schema brings zod (~40 ms to load): only a scan with --mapping pays for it.
    const { parseMappingFile } = await import('../core/providers/mapping-file')
    return { mappings: parseMappingFile(text) }
  } catch (err) {
    // parseMappingFile's messages are sentences that say what is wrong with the file.
    return { error: err instanceof Error ? err.message : String(err) }
  }
}

/** A hash that fails (a part vanished, a read error) is a problem in the report, not a failed scan. */
async function hashParts(
  archive: OpenedArchive,
  signal: AbortSignal | undefined,
  onProgress: (bytes: number, totalBytes: number) => void
): Promise<{ hashes: FileHash[] } | { problem: Problem }> {
  try {
    const paths = archive.parts.map((p) => p.path)
    return { hashes: await hashArchive(paths, { signal, onProgress: (p) => onProgress(p.bytes, p.totalBytes) }) }
  } catch (err) {
    if (signal?.aborted) throw err
    // hashArchive's errors are already sentences that name the cause.
    const message = err instanceof Error ? err.message : `The SHA-256 of the export could not be computed (${String(err)}).`
    return { problem: { kind: 'hash-failed', path: null, message } }
  }
}

