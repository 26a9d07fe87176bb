export type Command =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'scan'; path: string; json: boolean; hash: boolean }
  | { kind: 'usage-error'; message: string }

const SCAN_FLAGS = new Set(['--json', '--no-hash'])

export function parseArgs(argv: readonly string[]): Command {
  if (argv.length === 0) return { kind: 'usage-error', message: 'no command given.' }
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv
  if (options.includes('--help') || options.includes('-h') || argv[0] === 'help') return { kind: 'help' }
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v' || argv[0] === '-V')) return { kind: 'version' }

  const [command, ...rest] = argv
  if (command !== 'scan') return { kind: 'usage-error', message: `unknown command "${command}".` }

  const flags = new Set<string>()
  const positionals: string[] = []
  let onlyPositionals = false
  for (const arg of rest) {
    if (!onlyPositionals && arg === '--') onlyPositionals = true
    else if (!onlyPositionals && arg.startsWith('-') && arg !== '-') {
      if (!SCAN_FLAGS.has(arg)) return { kind: 'usage-error', message: `scan does not know the option ${arg}.` }
      flags.add(arg)
    } else positionals.push(arg)
  }
  if (positionals.length !== 1) {
    return { kind: 'usage-error', message: positionals.length === 0 ? 'scan needs the path of an archive, a folder or one part of an export.' : 'scan takes one path; to read a multipart export, give any one of its parts.' }
  }
  return { kind: 'scan', path: positionals[0]!, json: flags.has('--json'), hash: !flags.has('--no-hash') }
}
