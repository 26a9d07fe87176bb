// What the benches read from their command line: `--name value` options, `--runs N` and bare sizes.
const args = process.argv.slice(2)

/** The value after `--name`, or undefined. */
export function option(name: string): string | undefined {
  const at = args.indexOf(name)
  return at >= 0 ? args[at + 1] : undefined
}

/** `--runs N` (at least 1), or `fallback`. */
export const runs = (fallback = 3): number => Math.max(1, Number(option('--runs') ?? fallback) || fallback)

/** The bare whole numbers given (the value of --runs apart), or `fallback` when there are none. */
export function sizes(fallback: number[]): number[] {
  const given = args.filter((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--runs').map(Number)
  return given.length > 0 ? given : fallback
}
