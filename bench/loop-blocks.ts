/**
 * The event loop's longest block from now, as a 5 ms timer's greatest lateness: `stop()` ends the
 * watch and answers it; `after(ms)` waits until at least `ms` have passed since the start, then stops.
 */
export function loopBlocks(): { stop(): number; after(ms: number): Promise<number> } {
  const start = performance.now()
  let last = start
  let worst = 0
  const tick = setInterval(() => {
    const now = performance.now()
    worst = Math.max(worst, now - last - 5)
    last = now
  }, 5)
  const stop = () => {
    clearInterval(tick)
    return Math.max(worst, performance.now() - last - 5)
  }
  return {
    stop,
    async after(ms) {
      await new Promise((r) => setTimeout(r, Math.max(0, start + ms - performance.now())))
      return stop()
    }
  }
}
