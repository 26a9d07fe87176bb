/**
 * Average-linkage agglomerative clustering of a few hundred to a couple of thousand points, cut
 * where the closest two groups are farther apart than `cut`. All pairs, so only ever run on a sample.
 *
 * The nearest-neighbour chain: follow each group's nearest neighbour until two groups are each
 * other's nearest, merge them, and go on from where the chain is left. Average linkage is
 * reducible (a merged group is never nearer to a third than the nearer of its two parts), so this
 * makes the same merges as always merging the closest pair, in about n² steps rather than n³. For
 * the same reason a group whose nearest neighbour is beyond `cut` never comes within it: it is set
 * aside for good.
 *
 * `points` holds `n` rows of `dims` values one after another.
 */
export function averageLinkage(points: Float32Array, n: number, dims: number, cut: number): Int32Array {
  const d = new Float32Array(n * n)
  for (let i = 0; i < n; i++) {
    const a = i * dims
    for (let j = i + 1; j < n; j++) {
      const b = j * dims
      let s = 0
      for (let k = 0; k < dims; k++) {
        const x = points[a + k]! - points[b + k]!
        s += x * x
      }
      d[i * n + j] = d[j * n + i] = Math.sqrt(s)
    }
  }
  const size = new Int32Array(n).fill(1)
  /** Still taking part: neither merged into another group nor set aside. */
  const live = new Uint8Array(n).fill(1)
  const parent = Int32Array.from({ length: n }, (_, i) => i)
  const chain = new Int32Array(n)
  let length = 0
  let scan = 0
  for (;;) {
    if (length === 0) {
      while (scan < n && !live[scan]) scan++
      if (scan === n) break
      chain[length++] = scan
    }
    const a = chain[length - 1]!
    // Ties go to the group before `a` in the chain, so the chain cannot go round in a circle.
    let b = length > 1 ? chain[length - 2]! : -1
    let bd = b >= 0 ? d[a * n + b]! : Infinity
    const row = a * n
    for (let j = 0; j < n; j++) {
      if (j === a || !live[j]) continue
      const x = d[row + j]!
      if (x < bd) ((bd = x), (b = j))
    }
    if (b < 0 || bd > cut) {
      live[a] = 0
      length--
      continue
    }
    if (length > 1 && b === chain[length - 2]) {
      // b joins a: a's distances become the size-weighted average (Lance-Williams for average linkage).
      const sa = size[a]!
      const sb = size[b]!
      for (let j = 0; j < n; j++) {
        if (!live[j] || j === a || j === b) continue
        const x = (sa * d[row + j]! + sb * d[b * n + j]!) / (sa + sb)
        d[row + j] = d[j * n + a] = x
      }
      size[a] = sa + sb
      live[b] = 0
      parent[b] = a
      length -= 2
      // The merged group may lie behind where a new chain is started from.
      if (a < scan) scan = a
    } else chain[length++] = b
  }
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  const labels = new Int32Array(n)
  const ids = new Map<number, number>()
  for (let i = 0; i < n; i++) {
    const r = root(i)
    if (!ids.has(r)) ids.set(r, ids.size)
    labels[i] = ids.get(r)!
  }
  return labels
}
