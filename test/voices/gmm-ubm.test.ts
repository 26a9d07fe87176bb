import { describe, expect, it } from 'vitest'
import { clusterVectors, random } from '../../src/core/voices/cluster'
import { pca, supervector, trainUbm } from '../../bench/voices/gmm-ubm'
import { bestF1 } from '../../src/core/voices/testing/best-f1'
import { gaussian } from '../../src/core/voices/testing/gauss'

const DIMS = 24
const FRAMES = 80

/**
 * Two synthetic voices made of two sound classes each, P and Q, with per-frame noise. P sits at p + δ
 * for voice A and p − δ for voice B, Q at q − δ for A and q + δ for B; p − q lies in dimensions 0-5
 * and δ in 6-11, so each dimension's spread within a clip is the same for both voices. Every clip says
 * P and Q in turn, so a clip's global mean and spread say nothing of who speaks, while each class's
 * mean does. (With a share of P that varies by clip, the words, the global mean would tell the voices
 * apart a little, and the supervector would carry the share too, through each class's count.)
 */
function twoVoices(clips: number, seed: number) {
  const rnd = random(seed)
  const g = gaussian(rnd)
  const p = Float32Array.from({ length: DIMS }, (_, d) => (d < 6 ? 3 : 0))
  const q = Float32Array.from({ length: DIMS }, (_, d) => (d < 6 ? -3 : 0))
  const delta = Float32Array.from({ length: DIMS }, (_, d) => (d >= 6 && d < 12 ? 0.8 : 0))
  const frames: Float32Array[] = []
  const truth: number[] = []
  for (let c = 0; c < clips; c++) {
    const voice = c % 2
    const sign = voice === 0 ? 1 : -1
    const f = new Float32Array(FRAMES * DIMS)
    for (let i = 0; i < FRAMES; i++) {
      const isP = i % 2 === 0
      for (let d = 0; d < DIMS; d++) f[i * DIMS + d] = (isP ? p[d]! + sign * delta[d]! : q[d]! - sign * delta[d]!) + g()
    }
    frames.push(f)
    truth.push(voice)
  }
  return { frames, truth }
}

/** The spectral vector's cepstral part: each clip's per-dimension mean and spread over its frames. */
function meansAndSpreads(f: Float32Array): Float32Array {
  const out = new Float32Array(2 * DIMS)
  const n = f.length / DIMS
  for (let d = 0; d < DIMS; d++) {
    let s = 0
    let s2 = 0
    for (let i = 0; i < n; i++) ((s += f[i * DIMS + d]!), (s2 += f[i * DIMS + d]! ** 2))
    out[d] = s / n
    out[DIMS + d] = Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2))
  }
  return out
}

/** The share of clips whose nearest other clip (Euclidean) is of the same voice. */
function nearestSame(vectors: readonly Float32Array[], truth: readonly number[]): number {
  let same = 0
  vectors.forEach((a, i) => {
    let best = -1
    let bestD = Infinity
    vectors.forEach((b, j) => {
      if (i === j) return
      const d = a.reduce((s, x, t) => s + (x - b[t]!) ** 2, 0)
      if (d < bestD) ((bestD = d), (best = j))
    })
    if (truth[best] === truth[i]) same++
  })
  return same / vectors.length
}

function pooled(frames: readonly Float32Array[]): Float32Array {
  const all = new Float32Array(frames.reduce((s, f) => s + f.length, 0))
  let at = 0
  for (const f of frames) (all.set(f, at), (at += f.length))
  return all
}

describe('GMM-UBM mean supervectors', () => {
  it('tells apart two voices whose clips have the same global means and spreads, which the means alone cannot', () => {
    const { frames, truth } = twoVoices(120, 5)
    const old = frames.map(meansAndSpreads)
    // The old vector: a clip's nearest clip is of either voice, as by chance, and no group is one voice.
    expect(nearestSame(old, truth)).toBeLessThan(0.7)
    expect(Math.min(...bestF1(truth, clusterVectors(old).labels))).toBeLessThan(0.8)

    const ubm = trainUbm(pooled(frames), DIMS, 4, 1)
    const svs = frames.map((f) => supervector(ubm, f, null))
    // In the supervectors' own (KL-scaled) space every clip's nearest clip is of its own voice.
    expect(nearestSame(svs, truth)).toBe(1)
    // Their top principal direction is the voice: one sign per voice.
    const first = svs.map(pca(svs, 1, 1)).map((v) => Math.sign(v[0]!))
    expect(new Set(first.filter((_, i) => truth[i] === 0)).size).toBe(1)
    expect(new Set(first.filter((_, i) => truth[i] === 1)).size).toBe(1)
    expect(first[truth.indexOf(0)]).not.toBe(first[truth.indexOf(1)])
  })

  it('trains the same model from the same frames and seed, and its EM never loses likelihood', () => {
    const all = pooled(twoVoices(40, 9).frames)
    const a = trainUbm(all, DIMS, 8, 3)
    const b = trainUbm(all, DIMS, 8, 3)
    expect(Array.from(a.means)).toEqual(Array.from(b.means))
    expect(Array.from(a.vars)).toEqual(Array.from(b.vars))
    for (let i = 1; i < a.logLikelihood.length; i++) expect(a.logLikelihood[i]!).toBeGreaterThanOrEqual(a.logLikelihood[i - 1]! - 1e-9)
    expect(a.weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 9)
    for (const v of a.vars) expect(v).toBeGreaterThan(0)
  })

  it('leaves a class a clip never uses at the background mean (relevance MAP), and moves a used one', () => {
    const { frames } = twoVoices(40, 11)
    const ubm = trainUbm(pooled(frames), DIMS, 2, 2)
    // Frames of one class only: the class nearest them moves, the other's part of the supervector stays 0.
    const near = ubm.means.subarray(0, DIMS)
    const clip = new Float32Array(FRAMES * DIMS)
    for (let i = 0; i < FRAMES; i++) for (let d = 0; d < DIMS; d++) clip[i * DIMS + d] = near[d]! + 0.5
    const sv = supervector(ubm, clip, null)
    const used = sv.subarray(0, DIMS)
    const unused = sv.subarray(DIMS, 2 * DIMS)
    for (const x of unused) expect(Math.abs(x)).toBeLessThan(1e-3)
    for (const x of used) expect(x).toBeGreaterThan(0)
  })
})
