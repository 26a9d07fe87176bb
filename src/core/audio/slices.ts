import { nextTurn } from '../next-turn'

/** Work between two yields to the event loop: a request arriving meanwhile waits at most about this long. */
const BUDGET_MS = 8
/** Items between two looks at the clock. */
const STEP = 512

/**
 * Runs `run(from, to)` over [0, count) in slices, in order, and yields to the event loop (setImmediate,
 * so I/O and timers go first) whenever a slice run ends past the budget: for set-up over 100,000
 * recordings on the engine's thread, which otherwise held it half a second while the renderer's next
 * request waited. Stops before the next slice once `stopped()` says so; true when it ran to the end.
 */
export async function inSlices(count: number, run: (from: number, to: number) => void, stopped: () => boolean, budgetMs = BUDGET_MS): Promise<boolean> {
  let since = performance.now()
  for (let from = 0; from < count; from += STEP) {
    if (stopped()) return false
    run(from, Math.min(count, from + STEP))
    if (performance.now() - since >= budgetMs) {
      await nextTurn()
      since = performance.now()
    }
  }
  return !stopped()
}
