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

/**
 * Pairs audio with metadata rows by time: each audio takes the closest free row whose time lies in
 * [audio - maxLagMs, audio - minLagMs] (audio can be named a few seconds after its item). Linear after
 * sorting, so 100,000 of each stay cheap.
 */
export function matchByTime<A, R>(audio: ReadonlyArray<Timed<A>>, rows: ReadonlyArray<Timed<R>>, minLagMs: number, maxLagMs: number): TimeMatch<A, R> {
  const as = [...audio].sort((x, y) => x.t - y.t)
  const rs = [...rows].sort((x, y) => x.t - y.t)
  const used = new Uint8Array(rs.length)
  const pairs: Array<[A, R]> = []
  const unmatchedAudio: A[] = []
  let lo = 0
  for (const a of as) {
    while (lo < rs.length && (used[lo] || rs[lo]!.t < a.t - maxLagMs)) lo++
    let best = -1
    for (let i = lo; i < rs.length && rs[i]!.t <= a.t - minLagMs; i++) {
      if (used[i]) continue
      if (best < 0 || Math.abs(a.t - rs[i]!.t) < Math.abs(a.t - rs[best]!.t)) best = i
    }
    if (best < 0) unmatchedAudio.push(a.item)
    else {
      used[best] = 1
      pairs.push([a.item, rs[best]!.item])
    }
  }
  return { pairs, unmatchedAudio, unmatchedRows: rs.filter((_, i) => !used[i]).map((r) => r.item) }
}
