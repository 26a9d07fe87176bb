import { basename } from 'node:path'
import { ArchiveOpenError, hashArchive, openArchive } from '../core/archive'
import type { OpenedArchive } from '../core/archive/types'
import { buildScanReport, type FileHash } from '../core/report/scan-report'
import type { Problem } from '../shared/model/archive'
import { bytes, plural, printable, seconds } from './format'
import { EXIT_CANCELLED, EXIT_CANNOT_OPEN, EXIT_OK, type CliIo } from './io'
import { createProgress, type Progress } from './progress'
import { formatSummary } from './summary'

export interface ScanOptions {
  path: string
  json: boolean
  hash: boolean
}

const since = (start: number) => Math.round(performance.now() - start)

export async function scan(options: ScanOptions, io: CliIo): Promise<number> {
  const started = performance.now()
  const progress = createProgress(io.stderr, io.env)
  const fail = (code: number, line: string) => {
    progress.clear()
    io.stderr.write(`exportscope: ${line}\n`)
    return code
  }

  let archive: OpenedArchive
  try {
    archive = await openArchive(options.path, { signal: io.signal, onProgress: (p) => progress.opening(p) })
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    if (err instanceof ArchiveOpenError) return fail(EXIT_CANNOT_OPEN, printable(err.message))
    throw err
  }

  try {
    const open = since(started)
    const timings: Record<string, number> = { open }
    progress.done(`listed ${plural(archive.entries.length, 'entry', 'entries')} of ${printable(basename(archive.path))} (${archive.format}, ${bytes(archive.bytes)}) in ${seconds(open)}`)

    const hashed = options.hash && archive.format !== 'folder'
    const problems = [...archive.problems]
    let hashes: FileHash[] | null = null
    if (hashed) {
      const hashStarted = performance.now()
      const result = await hashParts(archive, io.signal, progress)
      timings.hash = since(hashStarted)
      if ('problem' in result) problems.push(result.problem)
      else hashes = result.hashes
    }

    const reportStarted = performance.now()
    const report = buildScanReport({ archive: { ...pick(archive), problems }, hashes })
    timings.report = since(reportStarted)
    timings.total = since(started)
    report.timings = timings

    io.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatSummary(report, hashed))
    return EXIT_OK
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    throw err
  } finally {
    await archive.close()
  }
}

const pick = ({ path, format, bytes, parts, entries }: OpenedArchive) => ({ path, format, bytes, parts, entries })

/** A hash that fails (a part vanished, a read error) is a problem in the report, not a failed scan. */
async function hashParts(archive: OpenedArchive, signal: AbortSignal | undefined, progress: Progress): Promise<{ hashes: FileHash[] } | { problem: Problem }> {
  const started = performance.now()
  const files = archive.parts.length
  progress.hashing(files, 0, archive.bytes)
  try {
    const paths = archive.parts.map((p) => p.path)
    const hashes = await hashArchive(paths, { signal, onProgress: (p) => progress.hashing(files, p.bytes, p.totalBytes) })
    progress.done(`computed the SHA-256 of ${bytes(archive.bytes)} in ${seconds(since(started))}`)
    return { hashes }
  } catch (err) {
    if (signal?.aborted) throw err
    progress.clear()
    // hashArchive's errors are already sentences that name the cause.
    const message = err instanceof Error ? err.message : `The SHA-256 of the export could not be computed (${String(err)}).`
    return { problem: { kind: 'hash-failed', path: null, message } }
  }
}
