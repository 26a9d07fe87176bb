/**
 * For each of the first `count` of `rows` (indices into `points`, rows of `dims`), its `k` nearest
 * among all of `rows` by Euclidean distance, nearest first, as positions in `rows`, flat: count × k.
 * Ties keep the earlier row; a row with fewer than k others has -1 after them. All pairs, so for the
 * sample the grouping decides on (at most ~1,500 clips), never a whole export.
 */
export function nearestRows(points: Float32Array, dims: number, rows: ArrayLike<number>, k: number, count = rows.length): Int32Array {
  const m = rows.length
  const out = new Int32Array(count * k).fill(-1)
  const bestD = new Float64Array(k)
  for (let a = 0; a < count; a++) {
    const x = rows[a]! * dims
    let found = 0
    for (let b = 0; b < m; b++) {
      if (b === a) continue
      const y = rows[b]! * dims
      let d = 0
      for (let t = 0; t < dims; t++) {
        const v = points[x + t]! - points[y + t]!
        d += v * v
      }
      if (found === k && d >= bestD[k - 1]!) continue
      // Insertion into the short sorted list of the nearest so far.
      let at = found < k ? found++ : k - 1
      while (at > 0 && bestD[at - 1]! > d) {
        bestD[at] = bestD[at - 1]!
        out[a * k + at] = out[a * k + at - 1]!
        at--
      }
      bestD[at] = d
      out[a * k + at] = b
    }
  }
  return out
}
