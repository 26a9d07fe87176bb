/**
 * The last join of the grouping step (issue 19): two groups are one voice when their clips are each
 * other's near neighbours. Average linkage cuts where the mean distance between two groups passes
 * the cut, and a voice whose few phrases sound apart (espeak m1 on the Spanish words) can be cut
 * there although every one of its clips has only its own voice among its nearest clips. Here the
 * smaller group's clips look at their TOUCH_K nearest clips: when at least TOUCH_SHARE of those lie in
 * the other group, and the two also touch both ways (enough pairs of clips, one of each, among each
 * other's TOUCH_K nearest: TOUCH_BOTH), they are joined. The second test keeps a small second voice
 * beside a big one apart: its own few clips run out, so its nearest are mostly the big voice's, but the
 * big voice's clips have their own nearer, so few pairs are near both ways unless the two really touch.
 * Only the clips the linkage decided on are read (at most the `sample` option): m² distances, as the
 * linkage (100,000 synthesised vectors, sample 1,500: 1.06-1.19 s without the join, 1.41-1.79 s with
 * it, three turns at load 2.2).
 */
import { nearestRows } from './nearest'

/** How many nearest clips each clip looks at (at most an eighth of the clips read). */
export const TOUCH_K = 20

/**
 * The share of the smaller group's TOUCH_K nearest clips that must lie in the other group. Measured
 * on the tuning sets (bench/voices/grouping.ts, session 9): pieces of one voice 0.61 and 0.90;
 * distinct groups at most 0.16 (two groups that each mix two near-identical men) and otherwise ≤ 0.05.
 */
export const TOUCH_SHARE = 0.4

/**
 * How many pairs of clips near both ways (per clip of the smaller group) make two groups touch. The
 * share alone cannot tell: a small group's few clips run out, so any group under TOUCH_K clips sends
 * most of its nearest to the closest other group (8 clips: 0.65, however far that group is). Pieces of
 * one voice in the tuning sets: 1.8 and 3.3 such pairs per clip; distinct voices there at most 0.05
 * (two groups that each mix two of the development set's near-identical men: 2.0, but a share of 0.16);
 * a synthetic 8-clip voice beside a 60-clip one, among 168 clips (as in touching.test.ts), 0.75-1.4
 * at a centre distance of 6 within-voice SDs, at most 0.125 from 8 on, where the linkage keeps them apart.
 */
export const TOUCH_BOTH = 0.5

/**
 * `groups` lists indices into `points` (rows of `dims`); `rows` the indices the test reads (the
 * linkage's clips). Returns the groups with touching ones joined (a group's clips in order, the
 * larger group's first), never changing which clips are grouped.
 */
export function joinTouching(points: Float32Array, dims: number, rows: ArrayLike<number>, groups: number[][], share = TOUCH_SHARE, k = TOUCH_K): number[][] {
  const m = rows.length
  if (groups.length < 2 || share > 1 || m < 3) return groups
  // A small export has small voices: as the within-voice scale does (cluster.ts), look no farther than an
  // eighth of it (at 50 clips, 20 nearest reached across a household voice of 13 into a stranger's 14).
  const kk = Math.max(2, Math.min(k, Math.floor(m / 8), m - 1))
  const groupOf = new Map<number, number>()
  groups.forEach((g, h) => {
    for (const i of g) groupOf.set(i, h)
  })
  const label = Int32Array.from({ length: m }, (_, r) => groupOf.get(rows[r]!) ?? -1)
  const near = nearestRows(points, dims, rows, kk)
  const size = new Int32Array(groups.length)
  for (const l of label) if (l >= 0) size[l]!++
  /** Per ordered pair of groups (a, b): how many of a's clips' nearest lie in b. */
  const into = new Map<number, number>()
  /** Per unordered pair of groups: the pairs of clips near both ways, each counted from both ends. */
  const both = new Map<number, number>()
  const key = (a: number, b: number) => a * groups.length + b
  for (let r = 0; r < m; r++) {
    const a = label[r]!
    if (a < 0) continue
    for (let q = 0; q < kk; q++) {
      const o = near[r * kk + q]!
      const b = label[o]!
      if (b < 0 || b === a) continue
      into.set(key(a, b), (into.get(key(a, b)) ?? 0) + 1)
      const ab = key(Math.min(a, b), Math.max(a, b))
      if (near.subarray(o * kk, o * kk + kk).includes(r)) both.set(ab, (both.get(ab) ?? 0) + 1)
    }
  }
  const parent = Int32Array.from({ length: groups.length }, (_, h) => h)
  const root = (h: number): number => (parent[h] === h ? h : (parent[h] = root(parent[h]!)))
  for (let a = 0; a < groups.length; a++)
    for (let b = a + 1; b < groups.length; b++) {
      const [small, big] = size[a]! <= size[b]! ? [a, b] : [b, a]
      if (size[small]! === 0 || (both.get(key(a, b)) ?? 0) / 2 < TOUCH_BOTH * size[small]!) continue
      if ((into.get(key(small, big)) ?? 0) / (kk * size[small]!) >= share) parent[root(small)] = root(big)
    }
  const joined = new Map<number, number[]>()
  const order = groups.map((_, h) => h).sort((x, y) => groups[y]!.length - groups[x]!.length)
  for (const h of order) {
    const r = root(h)
    const list = joined.get(r)
    if (list) list.push(...groups[h]!)
    else joined.set(r, [...groups[h]!])
  }
  return [...joined.values()]
}
