import type { Peaks } from './types'

/** Int16 full scale; a bucket at or above CLIP of it is drawn as clipping. */
const FULL = 32767
const CLIP = 0.99 * FULL

/**
 * A recording's peaks folded into `buckets` loudness values for a list row: each the largest
 * |sample| of its span as 0..99, and 100 where the audio reaches full scale (clipping).
 */
export function rowWave(peaks: Pick<Peaks, 'min' | 'max'>, buckets: number): number[] {
  const n = Math.min(peaks.min.length, peaks.max.length)
  const out = new Array<number>(buckets).fill(0)
  if (n === 0) return out
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor((b * n) / buckets)
    const to = Math.max(from + 1, Math.floor(((b + 1) * n) / buckets))
    let top = 0
    for (let i = from; i < to && i < n; i++) top = Math.max(top, Math.abs(peaks.max[i]!), Math.abs(peaks.min[i]!))
    out[b] = top >= CLIP ? 100 : Math.min(99, Math.round((top / FULL) * 99))
  }
  return out
}
