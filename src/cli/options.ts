/** What a command accepts besides its positionals: options that take a value, and plain flags. */
export interface OptionSpec {
  values: readonly string[]
  flags: readonly string[]
}

export type ParsedOptions = { positionals: string[]; values: Record<string, string>; flags: Set<string> } | { error: string }

/**
 * Options as `--name value` or `--name=value`, plain flags, positionals, and `--` before a path
 * that starts with a dash. A value option given twice or without its value is an error.
 */
export function parseOptions(command: string, argv: readonly string[], spec: OptionSpec): ParsedOptions {
  const positionals: string[] = []
  const values: Record<string, string> = {}
  const flags = new Set<string>()
  let onlyPositionals = false
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      positionals.push(arg)
      continue
    }
    if (arg === '--') {
      onlyPositionals = true
      continue
    }
    const eq = arg.indexOf('=')
    const name = eq > 0 ? arg.slice(0, eq) : arg
    if (spec.values.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : argv[i + 1]?.startsWith('-') ? undefined : argv[++i]
      if (!value) return { error: `the option ${name} needs a value.` }
      if (name in values) return { error: `give ${name} once.` }
      values[name] = value
    } else if (spec.flags.includes(arg)) flags.add(arg)
    else return { error: `${command} does not know the option ${arg}.` }
  }
  return { positionals, values, flags }
}
