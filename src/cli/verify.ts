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
  /** The root's SHA-256 as printed in a letter already sent. */
  root: string | null
}

export function parseVerifyArgs(argv: readonly string[]): VerifyCommand | { kind: 'usage-error'; message: string } {
  const parsed = parseOptions('verify', argv, { values: ['--against', '--root'], flags: [] })
  if ('error' in parsed) return { kind: 'usage-error', message: parsed.error }
  if (parsed.positionals.length !== 1) return { kind: 'usage-error', message: parsed.positionals.length === 0 ? 'verify needs the path of a bundle.' : 'verify takes one bundle.' }
  const root = parsed.values['--root'] ?? null
  if (root !== null && !/^[0-9a-fA-F]{64}$/.test(root.trim())) return { kind: 'usage-error', message: '--root takes the SHA-256 printed in the letter: 64 hex digits.' }
  return { kind: 'verify', bundle: parsed.positionals[0]!, against: parsed.values['--against'] ?? null, root }
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
      expectRoot: options.root ?? undefined,
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
  const { checked, differences, letters, rootSha256 } = result
  const texts = letters.filter((l) => l.citesRoot !== null).length
  const pdfs = letters.length - texts
  const what = [
    `${plural(checked.files, 'file')} against the root SHA256SUMS`,
    ...(letters.length > 0 ? [`${plural(texts, 'letter text')} citing the root's SHA-256${pdfs > 0 ? ` (${plural(pdfs, 'PDF letter')} not searched: ${pdfs === 1 ? 'its text twin is' : 'their text twins are'})` : ''}`] : []),
    ...(options.against ? [`${plural(checked.entries, 'entry', 'entries')} of the export and its SHA-256`] : [])
  ].join('; ')
  const rootLine = rootSha256 ? `Root SHA256SUMS, SHA-256 ${rootSha256}: the value the letters print.\n` : ''
  if (differences.length === 0) {
    const meaning = options.root
      ? 'It is the value you gave with --root: this is the bundle the letter cites, unchanged.\n'
      : `OK means the bundle is consistent with itself${options.against ? ' and with the export' : ''}. Someone who changes a file and rewrites SHA256SUMS gets a consistent bundle too: only the value in the letters already sent tells them apart (compare it, or give it with --root).\n`
    io.stdout.write(`OK: ${what} match.\n${rootLine}${meaning}`)
    return EXIT_OK
  }
  const lines = differences.map((d) => {
    const values = d.expected !== undefined ? `\n    expected ${printable(d.expected)}${d.actual !== undefined ? `\n    found    ${printable(d.actual)}` : ''}` : ''
    return `  ${d.kind}  ${printable(d.where)}: ${printable(d.message)}${values}`
  })
  const nowRoot = rootSha256 ? `Root SHA256SUMS of this bundle as it is now: SHA-256 ${rootSha256}.\n` : ''
  io.stdout.write(`DIFFERS: ${plural(differences.length, 'difference')} (checked ${what}):\n${lines.join('\n')}\n${nowRoot}`)
  return EXIT_DIFFERS
}
