import { describe, expect, it } from 'vitest'
import { clusterVectors, random } from './cluster'
import { bestF1 } from './testing/best-f1'
import { gaussian } from './testing/gauss'
import { joinTouching } from './touching'

const DIMS = 40

/** Clips around centres: per blob its centre's offset (distance `at` from `base` in a seeded direction) and size. */
function blobs(seed: number, voices: { blobs: { at: number; size: number }[] }[]): { points: Float32Array; truth: number[]; blobOf: number[] } {
  const g = gaussian(random(seed))
  const rows: Float32Array[] = []
  const truth: number[] = []
  const blobOf: number[] = []
  let blob = 0
  voices.forEach((v, voice) => {
    const base = Float32Array.from({ length: DIMS }, () => g() * 3)
    for (const b of v.blobs) {
      const dir = Float32Array.from({ length: DIMS }, () => g())
      const norm = Math.hypot(...dir)
      for (let i = 0; i < b.size; i++) {
        rows.push(base.map((c, t) => c + (b.at * dir[t]!) / norm + g()))
        truth.push(voice)
        blobOf.push(blob)
      }
      blob++
    }
  })
  const points = new Float32Array(rows.length * DIMS)
  rows.forEach((r, i) => points.set(r, i * DIMS))
  return { points, truth, blobOf }
}

const groupsBy = (blobOf: number[]) => {
  const out: number[][] = []
  blobOf.forEach((b, i) => (out[b] ??= []).push(i))
  return out
}
const all = (n: number) => Array.from({ length: n }, (_, i) => i)

describe('joining groups whose clips touch', () => {
  it('joins a voice given as three phrase pieces that are each other’s neighbours, and keeps a distant voice apart', () => {
    for (const seed of [1, 2, 3]) {
      const { points, truth, blobOf } = blobs(seed, [{ blobs: [{ at: 0, size: 30 }, { at: 4, size: 9 }, { at: 4, size: 9 }] }, { blobs: [{ at: 0, size: 30 }] }])
      const joined = joinTouching(points, DIMS, all(truth.length), groupsBy(blobOf))
      expect(joined).toHaveLength(2)
      expect(joined.map((g) => new Set(g.map((i) => truth[i])).size)).toEqual([1, 1])
      expect(joined.map((g) => g.length).sort((a, b) => a - b)).toEqual([30, 48])
    }
  })

  it('keeps a small voice apart from a big one it does not touch, though most of its nearest clips are the big one’s', () => {
    for (const seed of [1, 2, 3, 4]) {
      // 8 clips have only 7 of their own among their 20 nearest (168 clips: 20 is under an eighth), so by
      // the share alone they would join.
      const { points, truth, blobOf } = blobs(seed, [{ blobs: [{ at: 0, size: 160 }, { at: 12, size: 8 }] }])
      const groups = groupsBy(blobOf)
      expect(joinTouching(points, DIMS, all(truth.length), groups)).toHaveLength(2)
      // ...and the same two as one voice's pieces, near enough to touch, are joined.
      const near = blobs(seed, [{ blobs: [{ at: 0, size: 160 }, { at: 4, size: 8 }] }])
      expect(joinTouching(near.points, DIMS, all(near.truth.length), groupsBy(near.blobOf))).toHaveLength(1)
    }
  })

  it('reads only the clips it is given: a group none of whose clips are among them is left as it is', () => {
    const { points, truth, blobOf } = blobs(5, [{ blobs: [{ at: 0, size: 160 }, { at: 4, size: 9 }] }])
    const rows = all(truth.length).filter((i) => blobOf[i] === 0)
    expect(joinTouching(points, DIMS, rows, groupsBy(blobOf))).toHaveLength(2)
    expect(joinTouching(points, DIMS, all(truth.length), groupsBy(blobOf))).toHaveLength(1)
  })

  it('makes clusterVectors keep a voice the linkage cut into three pieces as one group', () => {
    // One seeded case: a voice of 30 clips and two phrase pieces of 9, 8 within-voice SDs out, beside
    // three other voices. Over seeds 1-12 the linkage split such a voice in 9 and the join mended 1 of
    // them fully (this one): in round Gaussian pieces that far out the clips seldom touch; on the Spanish
    // words they do (touching.ts).
    const { points, truth } = blobs(7, [{ blobs: [{ at: 0, size: 30 }, { at: 8, size: 9 }, { at: 8, size: 9 }] }, ...[1, 2, 3].map(() => ({ blobs: [{ at: 0, size: 30 }] }))])
    const vectors = truth.map((_, i) => points.slice(i * DIMS, (i + 1) * DIMS))
    const without = clusterVectors(vectors, { touchShare: 2 })
    expect(without.groups.length).toBeGreaterThan(4)
    const c = clusterVectors(vectors)
    expect(c.groups).toHaveLength(4)
    for (const f of bestF1(truth, c.labels)) expect(f).toBe(1)
  })
})
