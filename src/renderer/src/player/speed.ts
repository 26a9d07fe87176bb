/** The speeds offered, slowest first; [ and ] step through them. */
export const SPEEDS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const

/** One step slower or faster from `rate`, staying within the offered speeds. */
export function nextSpeed(rate: number, dir: 1 | -1): number {
  const at = SPEEDS.findIndex((s) => s >= rate)
  const i = Math.max(0, Math.min(SPEEDS.length - 1, (at < 0 ? SPEEDS.length - 1 : at) + dir))
  return SPEEDS[i]!
}
