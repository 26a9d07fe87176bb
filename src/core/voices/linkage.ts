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


/**
 * How far above its own spread a merge may be and still join two parts of one voice. A voice's
 * crumbs lie about as far from each other as its clips do from one another; two voices lie farther
 * apart than either's clips. Chosen on the synthetic wide-voice case and the development sets (before
 * WIDER_THAN_USUAL was added, 1.4 merged development espeak voices and 1.05 left a 1.6× wide voice in
 * 4 to 8 groups).
 */
export const OWN_SPREAD_REACH = 1.3

/**
 * Only a group this much more spread than the usual voice's (the group the median clip is in at the cut)
 * reaches past the cut: two close voices of the usual spread stay two (at 1.2 times their own spread
 * apart, a plain reach of 1.3 merged them).
 */
const WIDER_THAN_USUAL = 1.1

/**
 * The groups at height `cut`, except that two groups may also merge above it when the height is
 * within OWN_SPREAD_REACH of their own spread (the smaller of the two, up to `most` times `cut`) and
 * that spread is WIDER_THAN_USUAL: a breathy voice, or one recorded in mixed rooms, varies more than
 * the others, and one height for every voice broke it into crumbs (issue 19). A group's spread is the mean distance between its clips,
 * which average linkage gives for free (a merge's height is the mean distance across it); a single
 * clip has none and takes the other part's. Once a merge is refused, neither part merges any more, so
 * the result is a cut of the tree. Labels as cutMerges gives them.
 */
export function cutMergesBySpread(m: Merges, cut: number, most: number): Int32Array {
  const order = Array.from({ length: m.count }, (_, k) => k).sort((x, y) => m.height[x]! - m.height[y]!)
  const parent = Int32Array.from({ length: m.n }, (_, i) => i)
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  const size = new Int32Array(m.n).fill(1)
  /** Sum of the distances between the clips of each group (kept at its root). */
  const within = new Float64Array(m.n)
  const blocked = new Uint8Array(m.n)
  const spread = (r: number) => (size[r]! >= 2 ? within[r]! / ((size[r]! * (size[r]! - 1)) / 2) : 0)
  const join = (ra: number, rb: number, h: number) => {
    within[ra]! += within[rb]! + h * size[ra]! * size[rb]!
    size[ra]! += size[rb]!
    parent[rb] = ra
  }
  // The usual spread: that of the group the median clip is in at `cut` (single clips have none).
  let k = 0
  for (; k < order.length && m.height[order[k]!]! <= cut; k++) join(root(m.a[order[k]!]!), root(m.b[order[k]!]!), m.height[order[k]!]!)
  const perClip: number[] = []
  for (let i = 0; i < m.n; i++) if (spread(root(i)) > 0) perClip.push(spread(root(i)))
  perClip.sort((x, y) => x - y)
  const usual = perClip[perClip.length >> 1] ?? 0
  for (const at of order.slice(k)) {
    const ra = root(m.a[at]!)
    const rb = root(m.b[at]!)
    const h = m.height[at]!
    const sa = spread(ra)
    const sb = spread(rb)
    const own = sa > 0 && sb > 0 ? Math.min(sa, sb) : Math.max(sa, sb)
    const reach = usual > 0 && own > WIDER_THAN_USUAL * usual ? Math.max(cut, Math.min(cut * most, OWN_SPREAD_REACH * own)) : cut
    if (blocked[ra] || blocked[rb] || h > reach) blocked[ra] = blocked[rb] = 1
    else join(ra, rb, h)
  }
  const labels = new Int32Array(m.n)
  const ids = new Map<number, number>()
  for (let i = 0; i < m.n; i++) {
    const r = root(i)
    if (!ids.has(r)) ids.set(r, ids.size)
    labels[i] = ids.get(r)!
  }
  return labels
}
