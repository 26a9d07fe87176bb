/**
 * Groups voice vectors into voices, the number of voices chosen from the data. Nothing compares
 * all pairs of an export:
 * 1. each dimension is put on the scale of how much it varies within one voice, estimated from
 *    every sampled clip's nearest neighbours (almost always the same speaker saying something else),
 *    so "how far apart" means the same in every export;
 * 2. average-linkage clustering of a sample (at most `sample` clips) merges groups until the
 *    closest two are farther apart than `cut` such within-voice spreads: that is where k comes from;
 * 3. every clip joins its nearest group centre and a few Lloyd rounds refine the centres (n·k·dims);
 * 4. clips far from every centre are clustered once more among themselves, so a voice too rare to be
 *    in the sample still forms its own group; what is left stays unassigned.
 */
import { averageLinkage } from './linkage'
import { standardise } from './standardise'

export interface ClusterOptions {
  /** Where merging stops, in within-voice spreads per dimension (scaled by √dims). */
  cut?: number
  /** A clip farther than this (same unit) from its group's centre stays unassigned. */
  outlier?: number
  /** Clips the number of voices is decided on. */
  sample?: number
  /** Fewest clips a voice needs to be a group. */
  minSize?: number
  /** Per-dimension weights after scaling (the embedder's, e.g. pitch counting more). */
  weights?: Float32Array
  seed?: number
}

export interface Clustering {
  /** Per input: its group (0-based, largest group first), or -1 when unassigned. */
  labels: Int32Array
  /** Per group: its members' input indices, the ones closest to the centre first. */
  groups: number[][]
}

/** A small deterministic generator, so the same export always gives the same groups. */
export function random(seed: number): () => number {
  let s = seed >>> 0 || 1
  return () => {
    s ^= s << 13
    s ^= s >>> 17
    s ^= s << 5
    return (s >>> 0) / 4294967296
  }
}

export const dist2 = (a: Float32Array, b: Float32Array): number => {
  let s = 0
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!
    s += d * d
  }
  return s
}

function nearestCentre(v: Float32Array, centres: readonly Float32Array[]): { at: number; d: number } {
  let at = -1
  let d = Infinity
  for (let c = 0; c < centres.length; c++) {
    const x = dist2(v, centres[c]!)
    if (x < d) ((d = x), (at = c))
  }
  return { at, d }
}

function sampleOf(n: number, size: number, rnd: () => number): number[] {
  const order = Array.from({ length: n }, (_, i) => i)
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(rnd() * (n - i))
    ;[order[i], order[j]] = [order[j]!, order[i]!]
  }
  return order.slice(0, size)
}

/**
 * The neighbours of each clip the within-voice spread is learnt from: the 5th to 15th nearest. The
 * nearest few are often the same phrase said again (closer than the voice's other clips, so they
 * would make the spread too small and split one voice by its words); past 15 a small voice runs out.
 */
const NEIGHBOURS_FROM = 5
const NEIGHBOURS_TO = 15

/**
 * How much each dimension varies within one voice: half the mean squared difference to each
 * sampled clip's nearest neighbours, trimmed of the largest tenth (pairs across voices).
 */
function withinScale(sample: readonly Float32Array[]): Float32Array {
  const dims = sample[0]!.length
  // A small export has small voices: look no farther than an eighth of it.
  const k = Math.max(2, Math.min(NEIGHBOURS_TO, Math.floor(sample.length / 8), sample.length - 1))
  const from = Math.min(NEIGHBOURS_FROM, Math.floor(k / 3))
  const diffs: Float32Array[] = []
  // 500 clips' neighbourhoods (among the whole sample) give the spread well enough, at a third of the cost.
  for (let i = 0; i < Math.min(sample.length, 500); i++) {
    const best: { j: number; d: number }[] = []
    for (let j = 0; j < sample.length; j++) {
      if (j === i) continue
      const d = dist2(sample[i]!, sample[j]!)
      if (best.length < k || d < best[best.length - 1]!.d) {
        best.push({ j, d })
        best.sort((a, b) => a.d - b.d)
        if (best.length > k) best.pop()
      }
    }
    for (const { j } of best.slice(from)) {
      const x = new Float32Array(dims)
      for (let t = 0; t < dims; t++) x[t] = sample[i]![t]! - sample[j]![t]!
      diffs.push(x)
    }
  }
  const scale = new Float32Array(dims)
  for (let t = 0; t < dims; t++) {
    const sq = diffs.map((x) => x[t]! * x[t]!).sort((a, b) => a - b)
    const kept = sq.slice(0, Math.max(1, Math.floor(sq.length * 0.9)))
    const v = kept.reduce((a, b) => a + b, 0) / kept.length / 2
    scale[t] = v > 1e-9 ? 1 / Math.sqrt(v) : 1
  }
  return scale
}

function centresOf(points: readonly Float32Array[], members: readonly number[][]): Float32Array[] {
  const dims = points[0]!.length
  return members.map((m) => {
    const c = new Float32Array(dims)
    for (const i of m) for (let t = 0; t < dims; t++) c[t]! += points[i]![t]! / m.length
    return c
  })
}

/** Groups of a sample by linkage, as lists of indices into `points`; groups under minSize are dropped. */
function linkageGroups(points: readonly Float32Array[], idx: readonly number[], cut: number, minSize: number): number[][] {
  const labels = averageLinkage(
    idx.map((i) => points[i]!),
    cut
  )
  const by = new Map<number, number[]>()
  labels.forEach((l, j) => {
    const list = by.get(l)
    if (list) list.push(idx[j]!)
    else by.set(l, [idx[j]!])
  })
  return foldFringes(points, [...by.values()].filter((g) => g.length >= minSize))
}

/**
 * Average linkage leaves a few clips from the edge of a big voice as a small group of their own (in
 * many dimensions every voice has such a fringe). A group whose centre lies inside a larger group's
 * reach (as far out as that group's own farthest twentieth) is that voice's fringe and joins it; a
 * real second voice sits well outside.
 */
function foldFringes(points: readonly Float32Array[], groups: number[][]): number[][] {
  const bySize = [...groups].sort((a, b) => b.length - a.length)
  const centres = centresOf(points, bySize)
  const reach = bySize.map((g, k) => {
    const d = g.map((i) => dist2(points[i]!, centres[k]!)).sort((a, b) => a - b)
    return d[Math.floor(d.length * 0.95)] ?? 0
  })
  const kept: number[][] = []
  for (let k = bySize.length - 1; k >= 0; k--) {
    let into = -1
    for (let h = 0; h < k; h++) if (bySize[h]!.length >= 4 * bySize[k]!.length && dist2(centres[k]!, centres[h]!) <= reach[h]!) into = into < 0 || dist2(centres[k]!, centres[h]!) < dist2(centres[k]!, centres[into]!) ? h : into
    if (into >= 0) bySize[into]!.push(...bySize[k]!)
    else kept.push(bySize[k]!)
  }
  return kept
}

export function clusterVectors(vectors: readonly (Float32Array | null)[], o: ClusterOptions = {}): Clustering {
  const rnd = random(o.seed ?? 0x5eed)
  const labels = new Int32Array(vectors.length).fill(-1)
  const { points: raw, index } = standardise(vectors)
  if (raw.length < 2) return { labels, groups: [] }
  const dims = raw[0]!.length
  const unit = Math.sqrt(dims)
  const cut = (o.cut ?? 2.3) * unit
  const outlier = (o.outlier ?? 3) * unit
  const minSize = o.minSize ?? 3
  const sampleSize = Math.min(raw.length, o.sample ?? 1500)

  const sampled = sampleOf(raw.length, sampleSize, rnd)
  const scale = withinScale(sampled.map((i) => raw[i]!))
  if (o.weights) for (let t = 0; t < dims; t++) scale[t]! *= o.weights[t] ?? 1
  const points = raw.map((p) => p.map((x, t) => x * scale[t]!))

  let groups = linkageGroups(points, sampled, cut, minSize)
  let centres = centresOf(points, groups)
  let far: number[] = []
  for (let round = 0; round < 4; round++) {
    far = []
    const members: number[][] = centres.map(() => [])
    for (let i = 0; i < points.length; i++) {
      const { at, d } = nearestCentre(points[i]!, centres)
      if (d <= outlier * outlier) members[at]!.push(i)
      else far.push(i)
    }
    // A rare voice the sample missed: its clips sit far from every centre, so they get a pass of their own.
    if (round === 0 && far.length >= minSize) {
      const extra = linkageGroups(points, far.length > sampleSize ? sampleOf(far.length, sampleSize, rnd).map((j) => far[j]!) : far, cut, minSize)
      if (extra.length > 0) {
        centres = [...centres, ...centresOf(points, extra)]
        continue
      }
    }
    groups = members.filter((m) => m.length > 0)
    centres = centresOf(points, groups)
  }
  const out: number[][] = []
  for (const [g, m] of groups.entries()) {
    const c = centres[g]!
    const kept = m.filter((i) => dist2(points[i]!, c) <= outlier * outlier)
    if (kept.length < minSize) continue
    kept.sort((a, b) => dist2(points[a]!, c) - dist2(points[b]!, c) || a - b)
    out.push(kept.map((i) => index[i]!))
  }
  out.sort((a, b) => b.length - a.length || a[0]! - b[0]!)
  out.forEach((g, id) => {
    for (const i of g) labels[i] = id
  })
  return { labels, groups: out }
}
