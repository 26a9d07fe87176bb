export interface Timed<T> {
  /** Milliseconds since the epoch. */
  t: number
  item: T
}

export interface TimeMatch<A, R> {
  pairs: Array<[A, R]>
  unmatchedAudio: A[]
  unmatchedRows: R[]
}

/** The first index of sorted `rs` whose time is above `t` (`orEqual`: at or above it). */
export function boundOf(rs: ReadonlyArray<Timed<unknown>>, t: number, orEqual: boolean): number {
  let lo = 0
  let hi = rs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (rs[mid]!.t < t || (!orEqual && rs[mid]!.t === t)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The rows not taken yet, found in near-constant time: a free row points at itself, a taken one past
 * itself (both ways), and a walk over taken rows shortens the pointers it followed.
 */
class FreeRows {
  // next[i] for row i, next[n] the end; prev[i + 1] for row i, prev[0] the start.
  private readonly next: Int32Array
  private readonly prev: Int32Array

  constructor(n: number) {
    this.next = Int32Array.from({ length: n + 1 }, (_, i) => i)
    this.prev = Int32Array.from({ length: n + 1 }, (_, i) => i)
  }

  /** The first free row at or after `i` (n when none). */
  after(i: number): number {
    return follow(this.next, i)
  }

  isFree(i: number): boolean {
    return this.next[i] === i
  }

  /** The last free row at or before `i` (-1 when none). */
  before(i: number): number {
    return i < 0 ? -1 : follow(this.prev, i + 1) - 1
  }

  take(i: number): void {
    this.next[i] = i + 1
    this.prev[i + 1] = i
  }
}

/** Where the pointers from `i` lead, each pointer on the way set to it (so a run of taken rows is walked once). */
function follow(to: Int32Array, i: number): number {
  let end = i
  while (to[end] !== end) end = to[end]!
  while (i !== end) {
    const step = to[i]!
    to[i] = end
    i = step
  }
  return end
}

/**
 * Pairs audio with metadata rows by time: each audio, in time order, takes the closest free row whose
 * time lies in [audio - maxLagMs, audio - minLagMs] (audio can be named a few seconds after its item),
 * the earliest of equally close ones. Sorting, then a search and a free-row step per audio: 100,000
 * of each stay cheap even when all share one second (a pass over the rows per audio made 20,000
 * Google items and files of one time cost 2.4 s, and the square beyond).
 */
export function matchByTime<A, R>(audio: ReadonlyArray<Timed<A>>, rows: ReadonlyArray<Timed<R>>, minLagMs: number, maxLagMs: number): TimeMatch<A, R> {
  const as = audio.filter((a) => Number.isFinite(a.t)).sort((x, y) => x.t - y.t)
  const rs = rows.filter((r) => Number.isFinite(r.t)).sort((x, y) => x.t - y.t)
  const free = new FreeRows(rs.length)
  const pairs: Array<[A, R]> = []
  const unmatchedAudio: A[] = audio.filter((a) => !Number.isFinite(a.t)).map((a) => a.item)
  for (const a of as) {
    const low = a.t - maxLagMs
    const high = a.t - minLagMs
    // The free rows closest to the audio on either side of it, within the window.
    const split = boundOf(rs, a.t, false)
    let left = free.before(Math.min(split, boundOf(rs, high, false)) - 1)
    if (left >= 0 && rs[left]!.t < low) left = -1
    // The earliest free row of that time (the walk above found the last).
    if (left >= 0) left = free.after(boundOf(rs, rs[left]!.t, true))
    let right = free.after(Math.max(split, boundOf(rs, low, true)))
    if (right < rs.length && rs[right]!.t > high) right = rs.length
    let best = -1
    if (left >= 0 && right < rs.length) best = a.t - rs[left]!.t <= rs[right]!.t - a.t ? left : right
    else if (left >= 0) best = left
    else if (right < rs.length) best = right
    if (best < 0) unmatchedAudio.push(a.item)
    else {
      free.take(best)
      pairs.push([a.item, rs[best]!.item])
    }
  }
  const unmatchedRows = rs.filter((_, i) => free.isFree(i)).map((r) => r.item)
  for (const r of rows) if (!Number.isFinite(r.t)) unmatchedRows.push(r.item)
  return { pairs, unmatchedAudio, unmatchedRows }
}

/**
 * Of `audio` (sorted by time), those whose time lies within [t + minLagMs, t + maxLagMs] of some row:
 * the only ones matchByTime could pair with them, in the same order. Windows that overlap are walked
 * once, so the cost follows the rows and the audio near them, not all the audio beside them.
 */
export function audioNearRows<A>(audio: ReadonlyArray<Timed<A>>, rowTimes: readonly number[], minLagMs: number, maxLagMs: number): Array<Timed<A>> {
  const times = rowTimes.filter(Number.isFinite).sort((x, y) => x - y)
  const near: Array<Timed<A>> = []
  for (let j = 0; j < times.length; ) {
    const from = times[j]! + minLagMs
    let to = times[j]! + maxLagMs
    while (++j < times.length && times[j]! + minLagMs <= to) to = times[j]! + maxLagMs
    for (let k = boundOf(audio, from, true); k < audio.length && audio[k]!.t <= to; k++) near.push(audio[k]!)
  }
  return near
}
