import v8 from 'node:v8'
import vm from 'node:vm'
import fc from 'fast-check'
import { buildCorpus, targets, type Target } from './targets'

/** Longer than this for one input is a hang, whether or not it ends later. */
export const HANG_MS = 2000

export interface FuzzFailure {
  target: string
  index: number
  kind: 'crash' | 'hang'
  message: string
  ms: number
  /** The input, so it can become a regression test (left out past 256 KiB). */
  base64: string | null
}

export interface TargetFigures {
  name: string
  runs: number
  slowestMs: number
  totalMs: number
}

export interface FuzzReport {
  runs: number
  seed: number
  failures: FuzzFailure[]
  targets: TargetFigures[]
  rss: { afterWarmup: number; end: number; peak: number }
  /** V8 heap in use after a collection (when run with --expose-gc): what a leak would grow. */
  heap: { afterWarmup: number; end: number }
  ms: number
}

export interface FuzzOptions {
  runs: number
  seed?: number
  /** Only these targets (by name). */
  only?: string[]
  onProgress?: (done: number, total: number) => void
}

const BATCH = 25

/** Splits `runs` over the targets by weight, every target at least one run. */
export function shares(list: readonly Pick<Target, 'name' | 'weight'>[], runs: number): number[] {
  const total = list.reduce((n, t) => n + t.weight, 0)
  const counts = list.map((t) => Math.max(1, Math.floor((runs * t.weight) / total)))
  // The rounding remainder goes to the first targets, so the counts add up to `runs` when runs ≥ targets.
  for (let i = 0, left = runs - counts.reduce((a, b) => a + b, 0); left > 0; i = (i + 1) % counts.length, left--) counts[i]!++
  return counts
}

async function timed(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number; hung: boolean }> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), HANG_MS)))
  try {
    const r = await Promise.race([run().then(() => 'done' as const), hang])
    const ms = performance.now() - started
    return { error: null, ms, hung: r === 'hang' || ms > HANG_MS }
  } catch (error) {
    const ms = performance.now() - started
    return { error: error ?? new Error('threw a nullish value'), ms, hung: ms > HANG_MS }
  } finally {
    clearTimeout(timer)
  }
}

/** A full collection before each memory reading, so a reading shows what is kept, not what is waiting. */
function collector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc
  if (exposed) return exposed
  try {
    // Vitest's workers start without --expose-gc; the flag can still be turned on for a new context.
    v8.setFlagsFromString('--expose-gc')
    return vm.runInNewContext('gc') as () => void
  } catch {
    return undefined
  }
}
const gc = collector()

/** Runs `runs` inputs over every reader and says what broke, how slow it was and how memory went. */
export async function runFuzz(options: FuzzOptions): Promise<FuzzReport> {
  const started = performance.now()
  const seed = options.seed ?? 20261123
  const corpus = await buildCorpus()
  const failures: FuzzFailure[] = []
  const figures: TargetFigures[] = []
  let peak = process.memoryUsage().rss
  let afterWarmup = 0
  let heapAfterWarmup = 0
  let done = 0
  try {
    const list = targets(corpus).filter((t) => !options.only?.length || options.only.includes(t.name))
    if (list.length === 0) throw new Error(`No fuzz target is named ${options.only?.join(', ')}.`)
    // One untimed input per target first: loading a reader (pdf.js starts a fake worker, ~1 s) is not a hang.
    for (const target of list) await target.run(fc.sample(target.inputs, { numRuns: 1, seed })[0]!).catch(() => undefined)
    const counts = shares(list, options.runs)
    const total = counts.reduce((a, b) => a + b, 0)
    for (const [ti, target] of list.entries()) {
      const fig: TargetFigures = { name: target.name, runs: 0, slowestMs: 0, totalMs: 0 }
      figures.push(fig)
      for (let index = 0; index < counts[ti]!; ) {
        // Inputs come in small batches, so 10,000 of them are never held at once.
        const batch = fc.sample(target.inputs, { numRuns: Math.min(BATCH, counts[ti]! - index), seed: seed + ti * 1_000_003 + index })
        for (const input of batch) {
          const r = await timed(() => target.run(input))
          fig.runs++
          fig.totalMs += r.ms
          fig.slowestMs = Math.max(fig.slowestMs, r.ms)
          if (r.error || r.hung) {
            const message = r.error ? (r.error instanceof Error ? (r.error.stack ?? r.error.message) : String(r.error)) : `took ${Math.round(r.ms)} ms`
            failures.push({ target: target.name, index, kind: r.error ? 'crash' : 'hang', message, ms: r.ms, base64: input.length <= 256 * 1024 ? input.toString('base64') : null })
          }
          index++
          done++
          if (done % 10 === 0) peak = Math.max(peak, process.memoryUsage().rss)
          if (done === Math.ceil(total / 10)) {
            gc?.()
            afterWarmup = process.memoryUsage().rss
            heapAfterWarmup = process.memoryUsage().heapUsed
          }
          options.onProgress?.(done, total)
        }
      }
    }
  } finally {
    await corpus.dispose()
  }
  gc?.()
  const { rss: end, heapUsed } = process.memoryUsage()
  peak = Math.max(peak, end)
  return {
    runs: done,
    seed,
    failures,
    targets: figures,
    rss: { afterWarmup: afterWarmup || end, end, peak },
    heap: { afterWarmup: heapAfterWarmup || heapUsed, end: heapUsed },
    ms: performance.now() - started
  }
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MB`

export function formatReport(r: FuzzReport): string {
  const lines = [`${r.runs} inputs (seed ${r.seed}) in ${(r.ms / 1000).toFixed(1)} s`, '', 'target         runs  slowest ms  mean ms']
  for (const t of r.targets) lines.push(`${t.name.padEnd(13)} ${String(t.runs).padStart(6)} ${t.slowestMs.toFixed(0).padStart(11)} ${(t.totalMs / Math.max(1, t.runs)).toFixed(1).padStart(8)}`)
  const crashes = r.failures.filter((f) => f.kind === 'crash').length
  const hangs = r.failures.filter((f) => f.kind === 'hang').length
  lines.push('', `crashes: ${crashes}   hangs over ${HANG_MS} ms: ${hangs}`)
  lines.push(`RSS: ${mb(r.rss.afterWarmup)} after the first tenth, ${mb(r.rss.end)} at the end, peak ${mb(r.rss.peak)}`)
  lines.push(`heap in use: ${mb(r.heap.afterWarmup)} after the first tenth, ${mb(r.heap.end)} at the end${gc ? '' : ' (no --expose-gc: not collected first)'}`)
  for (const f of r.failures.slice(0, 20)) lines.push('', `${f.kind} in ${f.target} #${f.index} (${f.ms.toFixed(0)} ms): ${f.message.split('\n').slice(0, 6).join('\n  ')}`, `  input: ${f.base64 ? `${f.base64.slice(0, 120)}${f.base64.length > 120 ? '…' : ''}` : '(too large to keep)'}`)
  return lines.join('\n')
}
