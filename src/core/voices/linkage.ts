/**
 * Average-linkage agglomerative clustering of a few hundred to a couple of thousand points. All
 * pairs, so only ever run on a sample.
 *
 * The nearest-neighbour chain: follow each group's nearest neighbour until two groups are each
 * other's nearest, merge them, and go on from where the chain is left. Average linkage is
 * reducible (a merged group is never nearer to a third than the nearer of its two parts), so this
 * makes the same merges as always merging the closest pair, in about n² steps rather than n³. For
 * the same reason a group whose nearest neighbour is beyond `maxCut` never comes within it: it is
 * set aside for good. The merges are kept, so the tree can be cut at any height up to `maxCut`
 * without running it again (a merge's parts were all made at heights at most its own).
 *
 * `points` holds `n` rows of `dims` values one after another.
 */
export interface Merges {
  n: number
  /** Per merge: the two groups (each named by one of its points) and the distance they merged at. */
  a: Int32Array
  b: Int32Array
  height: Float32Array
  count: number
}

/** Euclidean distances between all rows, n×n. */
export function distanceMatrix(points: Float32Array, n: number, dims: number): Float32Array {
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
  return d
}

/** Every merge at a distance up to `maxCut`; `d` (n×n distances) is used up. */
export function linkageMerges(d: Float32Array, n: number, maxCut: number): Merges {
  const merges: Merges = { n, a: new Int32Array(Math.max(0, n - 1)), b: new Int32Array(Math.max(0, n - 1)), height: new Float32Array(Math.max(0, n - 1)), count: 0 }
  const size = new Int32Array(n).fill(1)
  /** Still taking part: neither merged into another group nor set aside. */
  const live = new Uint8Array(n).fill(1)
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
    if (b < 0 || bd > maxCut) {
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
      merges.a[merges.count] = a
      merges.b[merges.count] = b
      merges.height[merges.count++] = bd
      length -= 2
      // The merged group may lie behind where a new chain is started from.
      if (a < scan) scan = a
    } else chain[length++] = b
  }
  return merges
}

/** The groups the tree has at height `cut` (at most the tree's maxCut): labels 0.. in order of first point. */
export function cutMerges(m: Merges, cut: number): Int32Array {
  const parent = Int32Array.from({ length: m.n }, (_, i) => i)
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  for (let k = 0; k < m.count; k++) if (m.height[k]! <= cut) parent[root(m.b[k]!)] = root(m.a[k]!)
  const labels = new Int32Array(m.n)
  const ids = new Map<number, number>()
  for (let i = 0; i < m.n; i++) {
    const r = root(i)
    if (!ids.has(r)) ids.set(r, ids.size)
    labels[i] = ids.get(r)!
  }
  return labels
}

/** The groups where the closest two are farther apart than `cut`. */
export function averageLinkage(points: Float32Array, n: number, dims: number, cut: number): Int32Array {
  return cutMerges(linkageMerges(distanceMatrix(points, n, dims), n, cut), cut)
}

