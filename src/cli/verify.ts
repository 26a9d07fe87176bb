import { plural, printable } from './format'
import { EXIT_CANCELLED, EXIT_CANNOT_OPEN, EXIT_OK, type CliIo } from './io'
import { parseOptions } from './options'
import { createProgress } from './progress'

/** Something differs: a file of the bundle, the manifest's hash, the export or one of its entries. */
export const EXIT_DIFFERS = 3

export interface VerifyCommand {
  kind: 'verify'
  bundle: string
  against: string | null
}

export function parseVerifyArgs(argv: readonly string[]): VerifyCommand | { kind: 'usage-error'; message: string } {
  const parsed = parseOptions('verify', argv, { values: ['--against'], flags: [] })
  if ('error' in parsed) return { kind: 'usage-error', message: parsed.error }
  if (parsed.positionals.length !== 1) return { kind: 'usage-error', message: parsed.positionals.length === 0 ? 'verify needs the path of a bundle.' : 'verify takes one bundle.' }
  return { kind: 'verify', bundle: parsed.positionals[0]!, against: parsed.values['--against'] ?? null }
}

/** `exportscope verify`: 0 when everything matches, 3 with the differences listed, 2 when a file cannot be opened. */
export async function verify(options: Omit<VerifyCommand, 'kind'>, io: CliIo): Promise<number> {
  const progress = createProgress(io.stderr, io.env)
  const { ArchiveOpenError } = await import('../core/archive')
  const { verifyBundle } = await import('../core/complaint/bundle/verify')
  let result
  try {
    result = await verifyBundle(options.bundle, {
      against: options.against ?? undefined,
      signal: io.signal,
      onProgress: (p) => (p.phase === 'archive' ? progress.hashing(1, p.done, p.total) : undefined)
    })
  } catch (err) {
    progress.clear()
    if (io.signal?.aborted) {
      io.stderr.write('exportscope: cancelled.\n')
      return EXIT_CANCELLED
    }
    if (err instanceof ArchiveOpenError) {
      io.stderr.write(`exportscope: ${printable(err.message)}\n`)
      return EXIT_CANNOT_OPEN
    }
    throw err
  }
  progress.clear()
  const { checked, differences } = result
  const what = `${plural(checked.files, 'file')} of the bundle${options.against ? `, ${plural(checked.entries, 'entry', 'entries')} of the export and its SHA-256` : ''}`
  if (differences.length === 0) {
    io.stdout.write(`OK: ${what} match.\nManifest SHA-256 ${result.manifestSha256}: the value the letters print.\n`)
    return EXIT_OK
  }
  const lines = differences.map((d) => {
    const values = d.expected !== undefined ? `\n    expected ${d.expected}${d.actual !== undefined ? `\n    found    ${d.actual}` : ''}` : ''
    return `  ${d.kind}  ${printable(d.where)}: ${printable(d.message)}${values}`
  })
  io.stdout.write(`DIFFERS: ${plural(differences.length, 'difference')} (checked ${what}):\n${lines.join('\n')}\n`)
  return EXIT_DIFFERS
}
