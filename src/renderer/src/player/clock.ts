/** Playback time as m:ss.t (tenths): recordings are seconds long, and a tenth is what a person hears. */
export function formatClock(seconds: number): string {
  const s = Number.isFinite(seconds) && seconds > 0 ? seconds : 0
  const tenths = Math.floor(s * 10)
  const m = Math.floor(tenths / 600)
  const rest = (tenths % 600) / 10
  return `${m}:${rest.toFixed(1).padStart(4, '0')}`
}
