// What the benches that run each measurement in a fresh process share: taking options off the
// command line, the live heap after a full GC, and min / median figures. Asserts nothing.
import { loadavg } from 'node:os'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** The value after `name` in `args`, both taken out of it (so what is left are the files). */
export function takeOption(args: string[], name: string): string | undefined {
  const at = args.indexOf(name)
  if (at < 0) return undefined
  const value = args[at + 1]
  args.splice(at, 2)
  return value
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
