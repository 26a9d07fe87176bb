import { access } from 'node:fs/promises'
import { basename } from 'node:path'
import type { ComplaintFacts, EvidenceSummary } from '../shared/model/complaint'
import { bytes, plural, printable, seconds } from './format'
import { readFacts } from './facts'
import { EXIT_CANCELLED, EXIT_CANNOT_OPEN, EXIT_OK, type CliIo } from './io'
import { parseOptions } from './options'
import { createProgress, failWith } from './progress'

export interface BundleCommand {
  kind: 'bundle'
  archive: string
  out: string
  /** A case file saved by the app (exportscope.case/1): its marks decide, its custody log goes in. */
  casePath: string | null
  /** The complaint's facts (ComplaintFacts as JSON): the letters made from them go into the bundle. */
  factsPath: string | null
  sealed: boolean
  excerpts: number
}

export function parseBundleArgs(argv: readonly string[]): BundleCommand | { kind: 'usage-error'; message: string } {
  const parsed = parseOptions('bundle', argv, { values: ['--out', '--case', '--facts', '--excerpts'], flags: ['--sealed-originals'] })
  if ('error' in parsed) return { kind: 'usage-error', message: parsed.error }
  const { positionals, values, flags } = parsed
  if (positionals.length !== 1) return { kind: 'usage-error', message: positionals.length === 0 ? 'bundle needs the path of the export.' : 'bundle takes one export; to read a multipart export, give any one of its parts.' }
  if (!values['--out']) return { kind: 'usage-error', message: 'bundle needs --out <bundle.zip>, the file to write.' }
  const excerpts = values['--excerpts'] === undefined ? 5 : Number(values['--excerpts'])
  if (!Number.isInteger(excerpts) || excerpts < 0 || excerpts > 50) return { kind: 'usage-error', message: '--excerpts takes a whole number from 0 to 50.' }
  return { kind: 'bundle', archive: positionals[0]!, out: values['--out'], casePath: values['--case'] ?? null, factsPath: values['--facts'] ?? null, sealed: flags.has('--sealed-originals'), excerpts }
}

const since = (start: number) => Math.round(performance.now() - start)

/** `exportscope bundle`: the evidence ZIP for the recordings whose verdict (or the person's mark) is foreign. */
export async function bundle(options: Omit<BundleCommand, 'kind'>, io: CliIo): Promise<number> {
  const started = performance.now()
  const progress = createProgress(io.stderr, io.env)
  const fail = failWith(progress, io.stderr)
  // Loaded here, not at start-up: `scan` should not pay for jszip and the complaint engine.
  const { ArchiveOpenError } = await import('../core/archive')
  const { buildManifest, evidenceSummary, writeBundle } = await import('../core/complaint/bundle')
  const { loadEvidence, readCaseFile, CaseFileError } = await import('../core/complaint/bundle/load')

  // Evidence is never overwritten without the person deleting it first.
  if (await access(options.out).then(
    () => true,
    () => false
  )) {
    return fail(EXIT_CANNOT_OPEN, `${options.out} already exists; give another --out, or delete it first.`)
  }
  let caseFile = null
  try {
    caseFile = options.casePath === null ? null : await readCaseFile(options.casePath)
  } catch (err) {
    return fail(EXIT_CANNOT_OPEN, (err as Error).message)
  }
  let facts = null
  if (options.factsPath !== null) {
    const checked = await readFacts(options.factsPath)
    if ('problem' in checked) return fail(EXIT_CANNOT_OPEN, checked.problem)
    facts = checked.facts
  }

  let loaded
  try {
    loaded = await loadEvidence(options.archive, { caseFile, signal: io.signal, onOpen: (p) => progress.opening(p) })
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    if (err instanceof ArchiveOpenError || err instanceof CaseFileError) return fail(EXIT_CANNOT_OPEN, err.message)
    throw err
  }
  const { archive, reading, analysis } = loaded
  try {
    progress.done(`read ${plural(reading.recordings.length, 'recording')} of ${basename(archive.path)} (${archive.format}, ${bytes(archive.bytes)})`)
    const built = await buildManifest({
      archive,
      reading,
      verdicts: analysis.recordingVerdicts,
      findings: analysis.findings,
      marks: caseFile?.recordings ?? {},
      signal: io.signal,
      onProgress: (p) => (p.phase === 'archive' ? progress.hashing(archive.parts.length, p.done, p.total) : undefined)
    })
    const m = built.manifest
    progress.done(`hashed ${plural(m.entries.length + m.sources.length, 'listed entry', 'listed entries')} and the export`)
    if (m.unreadable.length > 0) io.stderr.write(`exportscope: ${plural(m.unreadable.length, 'flagged entry', 'flagged entries')} could not be read (the export is damaged); the manifest names them under "unreadable", without a hash.\n`)
    if (m.entries.length === 0) io.stderr.write('exportscope: no recording of this export is foreign by the detector or by a mark; the manifest lists none.\n')
    if (options.sealed) io.stderr.write("exportscope: WARNING: --sealed-originals puts the other person's recordings into the bundle; hand it only to whoever asked for them, over a secure channel.\n")
    const written = await writeBundle({
      manifest: built,
      // Made once the root is known: they print its SHA-256.
      letters: facts ? (root) => lettersFor(facts, evidenceSummary(m, built.sha256, root.sha256), io) : undefined,
      custodyLog: caseFile?.custody ?? [],
      excerpts: options.excerpts,
      sealedOriginals: options.sealed,
      out: options.out,
      signal: io.signal
    })
    progress.done(`wrote the bundle in ${seconds(since(started))}`)
    // The case's own log must show this export too, as the app's does; without it the next bundle
    // made from the same case would not list this one.
    if (options.casePath !== null) {
      const { caseFileLogger } = await import('../core/complaint/bundle/retention')
      const entry = written.custodyEntry
      try {
        await caseFileLogger(options.casePath, () => entry.time)(entry.action, `${entry.detail}; root SHA256SUMS SHA-256 ${written.rootSha256}`)
      } catch (err) {
        io.stderr.write(`exportscope: the bundle is written, but its custody line could not be added to ${printable(options.casePath)}: ${printable(err instanceof Error ? err.message : String(err))}\n`)
      }
    }
    const lines = [
      `Bundle      ${printable(written.path)} (${bytes(written.bytes)}, ${written.files.length + 1 + written.letters.length} files)`,
      `Listed      ${plural(m.entries.length, 'audio file')} of ${plural(m.summary.recordings, 'recording')}, ${plural(m.sources.length, 'metadata file')}${options.sealed ? '; sealed originals included' : '; no audio, redacted excerpts only'}`,
      `Export      ${printable(m.archive.name)}  SHA-256 ${m.archive.sha256}`,
      `Manifest    SHA-256 ${written.manifestSha256}  (the same for the same export and marks)`,
      `Root        SHA256SUMS, SHA-256 ${written.rootSha256}  (print it in every letter${written.letters.length > 0 ? `; the ${plural(written.letters.length, 'letter file')} inside do` : ''})`,
      `Bundle SHA  ${written.sha256}`,
      `Marks       ${caseFile ? `from ${printable(basename(options.casePath!))}: ${m.summary.includedByMark} added, ${m.summary.excludedByMark} left out` : 'none (no --case given): the detector alone decided'}`
    ]
    io.stdout.write(`${lines.join('\n')}\n`)
    return EXIT_OK
  } catch (err) {
    if (io.signal?.aborted) return fail(EXIT_CANCELLED, 'cancelled.')
    throw err
  } finally {
    await archive.close()
  }
}


// The recipient's own letters; the victim's letter and the follow-up are made apart, when needed.
const BUNDLED_LETTERS = ['controller-notice', 'art77-complaint', 'breach-report'] as const

/** The letters (PDF and text) printing the bundle root's SHA-256; without a letters engine the bundle goes without them, said on stderr. */
async function lettersFor(facts: ComplaintFacts, evidence: EvidenceSummary, io: CliIo): Promise<{ name: string; bytes: Uint8Array }[]> {
  const { complaintLetters } = await import('../core/complaint/letters-adapter')
  try {
    return await complaintLetters.files(facts, evidence, BUNDLED_LETTERS, { today: new Date().toISOString().slice(0, 10) })
  } catch (err) {
    io.stderr.write(`exportscope: the bundle goes without letters: ${printable(err instanceof Error ? err.message : String(err))} Write them with "exportscope report".\n`)
    return []
  }
}
