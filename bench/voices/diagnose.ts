import { clusterEmbedded } from '../../src/core/voices/by-embedder'
import { CUT, clusterSpace, type Clustering } from '../../src/core/voices/cluster'
import { distanceMatrix, linkageMerges } from '../../src/core/voices/linkage'
import { PITCH_DIM, spectralEmbedder } from '../../src/core/voices/spectral'

/**
 * Why a voice splits (issue 19; `npm run bench:voices -- diagnose es`). Reads a development set only:
 * run on a held-out set, it spends it. Prints:
 * - each true voice found in more than one group: per group its clips and the phrases they say;
 * - for its two largest pieces, the dimensions whose centres differ most, in within-voice standard
 *   deviations (pooled over the true voices, in the space the clustering works in, weights applied);
 * - the linkage merges of the deciding clips from just below the cut up to the sixth merge of two
 *   voices: height and each part's spread (mean distance between its clips) in cut units (per
 *   dimension, as the cut is given), and the true voices each part holds. A set's figures hold for cuts
 *   above its highest merge within a voice and below its lowest merge across voices, as far as the
 *   lower cuts' silhouette and the wider-voice reach do not move them.
 */
export interface Diagnosed {
  speakers: readonly { id: string }[]
  texts: readonly string[]
  clips: readonly { speaker: number; phrase: number }[]
  vectors: readonly (Float32Array | null)[]
}

const CEPS = PITCH_DIM / 2
const dimName = (t: number) => (t < CEPS ? `c${t + 1}` : t < PITCH_DIM ? `spread c${t - CEPS + 1}` : (['pitch', 'pitch IQR'][t - PITCH_DIM] ?? 'seconds'))

export function diagnose({ speakers, texts, clips, vectors }: Diagnosed): string[] {
  const out: string[] = []
  const ours: Clustering = clusterEmbedded(vectors, spectralEmbedder)
  const space = clusterSpace(vectors, { weights: spectralEmbedder.weights })
  if (!space) return ['too few vectors']
  const { points, dims, index, unit } = space
  const voiceOf = (j: number) => clips[index[j]!]!.speaker
  // Pooled within-voice variance per dimension, from the true voices.
  const rowsOf = speakers.map((_, s) => [...index.keys()].filter((j) => voiceOf(j) === s))
  const meanOf = (rows: number[], t: number) => rows.reduce((a, j) => a + points[j * dims + t]!, 0) / Math.max(1, rows.length)
  const sd = Float64Array.from({ length: dims }, (_, t) => {
    let sum = 0
    let free = 0
    for (const rows of rowsOf) {
      const m = meanOf(rows, t)
      for (const j of rows) sum += (points[j * dims + t]! - m) ** 2
      free += Math.max(0, rows.length - 1)
    }
    return Math.sqrt(sum / Math.max(1, free)) || 1
  })
  for (const [s, sp] of speakers.entries()) {
    const pieces = new Map<number, number[]>()
    rowsOf[s]!.forEach((j) => {
      const g = ours.labels[index[j]!]!
      pieces.set(g, [...(pieces.get(g) ?? []), j])
    })
    if (pieces.size < 2) continue
    out.push(`${sp.id} is in ${pieces.size} groups:`)
    const sorted = [...pieces.entries()].sort((a, b) => b[1].length - a[1].length)
    for (const [g, rows] of sorted) {
      const said = [...new Set(rows.map((j) => clips[index[j]!]!.phrase))].sort((a, b) => a - b)
      out.push(`  ${g < 0 ? 'unassigned' : `group ${g}`}: ${rows.length} clips, phrases ${said.join(',')}${said.length <= 3 ? ` (${said.map((p) => `"${texts[p]}"`).join('; ')})` : ''}`)
    }
    const [a, b] = [sorted[0]![1], sorted[1]![1]]
    const gaps = Array.from({ length: dims }, (_, t) => ({ t, z: (meanOf(a, t) - meanOf(b, t)) / sd[t]! })).sort((x, y) => Math.abs(y.z) - Math.abs(x.z))
    out.push(`  its two largest pieces differ most in (within-voice SDs): ${gaps.slice(0, 8).map((g) => `${dimName(g.t)} ${g.z.toFixed(1)}`).join(', ')}`)
  }
  // The linkage of the deciding clips, as clusterVectors runs it, read near the cut.
  const rows = space.deciding
  const m = rows.length
  const flat = new Float32Array(m * dims)
  rows.forEach((j, r) => flat.set(points.subarray(j * dims, j * dims + dims), r * dims))
  const merges = linkageMerges(distanceMatrix(flat, m, dims), m, Infinity)
  const parent = Int32Array.from({ length: m }, (_, i) => i)
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)))
  const members = Array.from({ length: m }, (_, i) => [i])
  const within = new Float64Array(m)
  const spread = (r: number) => (members[r]!.length > 1 ? within[r]! / ((members[r]!.length * (members[r]!.length - 1)) / 2) : 0)
  const holds = (r: number) => {
    const count = new Map<number, number>()
    for (const i of members[r]!) count.set(voiceOf(rows[i]!), (count.get(voiceOf(rows[i]!)) ?? 0) + 1)
    return [...count].map(([s, k]) => `${speakers[s]!.id.replace(/^(espeak|flite) (en-us\+)?/, '')} ${k}`).join(', ')
  }
  out.push(`linkage merges from ${(0.8 * CUT).toFixed(2)} (the cut is ${CUT}): height, parts' spreads, voices`)
  let across = 0
  const order = Array.from({ length: merges.count }, (_, k) => k).sort((x, y) => merges.height[x]! - merges.height[y]!)
  for (const k of order) {
    const ra = root(merges.a[k]!)
    const rb = root(merges.b[k]!)
    const h = merges.height[k]!
    const two = new Set([...members[ra]!, ...members[rb]!].map((i) => voiceOf(rows[i]!))).size > 1
    if (h / unit >= 0.8 * CUT && across < 6) out.push(`  ${(h / unit).toFixed(2)}  ${(spread(ra) / unit).toFixed(2)}/${(spread(rb) / unit).toFixed(2)}  ${holds(ra)} + ${holds(rb)}${two ? '' : '  (one voice)'}`)
    if (two && h / unit >= 0.8 * CUT) across++
    within[ra]! += within[rb]! + h * members[ra]!.length * members[rb]!.length
    members[ra]!.push(...members[rb]!)
    members[rb] = []
    parent[rb] = ra
  }
  return out
}
