import { parseBundleArgs, type BundleCommand } from './bundle'
import { parseReportArgs, type ReportCommand } from './report'
import { parseVerifyArgs, type VerifyCommand } from './verify'

export interface ScanCommand {
  kind: 'scan'
  /** The export to read; '' with --sample, which reads the bundled sample instead. */
  path: string
  /** --sample: the synthetic sample export that ships in resources/. */
  sample: boolean
  json: boolean
  hash: boolean
  /** A column-mapping file (exportscope.mapping/1) for voice-history CSVs with an unknown header. */
  mapping: string | null
  /** Decode every recording and group them by voice (slower: one decode per recording). */
  voices?: boolean
}

export type Command = { kind: 'help' } | { kind: 'version' } | ScanCommand | BundleCommand | VerifyCommand | ReportCommand | { kind: 'usage-error'; message: string }

const SCAN_FLAGS = new Set(['--json', '--no-hash', '--sample', '--voices'])
const MAPPING = '--mapping'

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'usage-error', message: 'no command given.' }
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv
  if (options.includes('--help') || options.includes('-h') || argv[0] === 'help') return { kind: 'help' }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) return { kind: 'version' }

  const [command, ...rest] = argv
  if (command === 'bundle') return parseBundleArgs(rest)
  if (command === 'verify') return parseVerifyArgs(rest)
  if (command === 'report') return parseReportArgs(rest)
  if (command !== 'scan') return { kind: 'usage-error', message: `unknown command "${command}".` }

  const flags = new Set<string>()
  const positionals: string[] = []
  let mapping: string | null = null
  let onlyPositionals = false
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!
    if (!onlyPositionals && arg === '--') onlyPositionals = true
    else if (!onlyPositionals && (arg === MAPPING || arg.startsWith(`${MAPPING}=`))) {
      // '--mapping --json' means the file was forgotten; a file really named '-x' can be given as '--mapping=-x'.
      const value = arg === MAPPING ? (rest[i + 1]?.startsWith('-') ? undefined : rest[++i]) : arg.slice(MAPPING.length + 1)
      if (!value) return { kind: 'usage-error', message: 'the option --mapping needs the path of a mapping file (exportscope.mapping/1).' }
      if (mapping !== null) return { kind: 'usage-error', message: 'give --mapping once; one file can hold any number of mappings.' }
      mapping = value
    } else if (!onlyPositionals && arg.startsWith('-') && arg !== '-') {
      if (!SCAN_FLAGS.has(arg)) return { kind: 'usage-error', message: `scan does not know the option ${arg}.` }
      flags.add(arg)
    } else positionals.push(arg)
  }
  const sample = flags.has('--sample')
  if (sample && positionals.length > 0) return { kind: 'usage-error', message: 'scan --sample reads the bundled sample export, so it takes no path.' }
  if (!sample && positionals.length !== 1) {
    return { kind: 'usage-error', message: positionals.length === 0 ? 'scan needs the path of an archive, a folder or one part of an export (or --sample).' : 'scan takes one path; to read a multipart export, give any one of its parts.' }
  }
  return { kind: 'scan', path: sample ? '' : positionals[0]!, sample, json: flags.has('--json'), hash: !flags.has('--no-hash'), mapping, ...(flags.has('--voices') ? { voices: true } : {}) }
}
