// What the benches that run each measurement in a fresh process share: taking options off the
// command line, running a measurement in a child, the live heap after a full GC, and min / median
// figures. Asserts nothing.
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** The value after `name` in `args`, both taken out of it (so what is left are the files). */
function takeOption(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  if (at < 0) return undefined
  const value = args[at + 1]
  args.splice(at, 2)
  return value
}

/**
 * The options of a bench that runs this tree and an older src/ in turns: `--runs N` (5) and
 * `--old SRC`; what is left of the command line are its inputs, at least one (else `usage`, exit 2).
 */
export function inTurnsArgs(usage: string): { runs: number; old: string | undefined; files: string[] } {
  const files = process.argv.slice(2)
  const runs = Math.max(1, Number(takeOption(files, '--runs') ?? 5) || 5)
  const old = takeOption(files, '--old')
  if (files.length === 0) {
    process.stderr.write(`usage: ${usage}\n`)
    process.exit(2)
  }
  return { runs, old, files }
}

/** Runs `script` with `args` under tsx in a fresh node process and answers the JSON on its last line of stdout. */
export function inFreshProcess<T>(script: string, args: string[]): T {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as T
}

/** Live heap and array buffers after two full GCs (gc is exposed here, so no flag is needed at launch). */
export function liveBytes(): number {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  gc()
  gc()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!
/** "min / median", rounded. */
export const minMedian = (xs: number[]): string => `${Math.round(Math.min(...xs))} / ${Math.round(median(xs))}`
export const loadAverage = (): string => loadavg().map((x) => x.toFixed(2)).join(' ')
