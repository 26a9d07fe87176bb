import { random } from '../../src/core/voices/cluster'

/**
 * GMM-UBM mean supervectors (issue 19 prototype), written from the public descriptions of Reynolds,
 * Quatieri & Dunn (2000: a universal background model, relevance-MAP adaptation of its means) and
 * Campbell, Sturim & Reynolds (2006: supervectors scaled by √w·σ⁻¹, the KL-divergence kernel).
 * The background model is trained on the export's own frames (nothing shipped, nothing downloaded),
 * seeded, so the same frames always give the same model.
 *
 * Not used by the app: bench/voices/supervectors.ts tried it in place of, and beside, the spectral
 * means (issue 19, session 9) and it did not pay (see the CUT note in cluster.ts). Kept, with its
 * tests, as the tested start of a later i-vector try (a total-variability matrix on these statistics).
 */
export interface Ubm {
  k: number
  dims: number
  /** Per component: weight, and `dims` means and variances (diagonal). */
  weights: Float64Array
  means: Float64Array
  vars: Float64Array
  /** Mean log-likelihood per frame of the model each EM round started from (never falls: a check on the EM). */
  logLikelihood: number[]
}

const LOG_2PI = Math.log(2 * Math.PI)

/** Per component, the part of its log-density that does not depend on the frame. */
function constants(u: Ubm): Float64Array {
  const c = new Float64Array(u.k)
  for (let j = 0; j < u.k; j++) {
    let s = Math.log(Math.max(1e-300, u.weights[j]!))
    for (let d = 0; d < u.dims; d++) s -= 0.5 * (LOG_2PI + Math.log(u.vars[j * u.dims + d]!))
    c[j] = s
  }
  return c
}

/** Posteriors of each component for frame `at` of `x` into `post` (k long); answers the frame's log-likelihood. */
function posteriors(u: Ubm, c: Float64Array, inv: Float64Array, x: Float32Array, at: number, post: Float64Array): number {
  const { k, dims, means } = u
  let best = -Infinity
  for (let j = 0; j < k; j++) {
    let s = c[j]!
    const m = j * dims
    for (let d = 0; d < dims; d++) {
      const e = x[at + d]! - means[m + d]!
      s -= 0.5 * e * e * inv[m + d]!
    }
    post[j] = s
    if (s > best) best = s
  }
  let sum = 0
  for (let j = 0; j < k; j++) sum += post[j] = Math.exp(post[j]! - best)
  for (let j = 0; j < k; j++) post[j]! /= sum
  return best + Math.log(sum)
}

/**
 * A diagonal GMM of `k` components over `n` frames (`dims` each, one after another), by EM from
 * k-means-seeded means. Variances are floored at 1% of the frames' own per-dimension variance, so
 * a component on a handful of frames cannot collapse.
 */
export function trainUbm(frames: Float32Array, dims: number, k: number, seed: number, iterations = 15): Ubm {
  const n = frames.length / dims
  const rnd = random(seed)
  const globalMean = new Float64Array(dims)
  const globalVar = new Float64Array(dims)
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) globalMean[d]! += frames[i * dims + d]! / n
  for (let i = 0; i < n; i++) for (let d = 0; d < dims; d++) globalVar[d]! += (frames[i * dims + d]! - globalMean[d]!) ** 2 / n
  const floor = globalVar.map((v) => Math.max(1e-6, 0.01 * v))
  const u: Ubm = { k, dims, weights: new Float64Array(k).fill(1 / k), means: new Float64Array(k * dims), vars: new Float64Array(k * dims), logLikelihood: [] }
  // Means from k distinct random frames, then a few k-means rounds (variance-scaled distance).
  for (let j = 0; j < k; j++) {
    const i = Math.floor(rnd() * n)
    for (let d = 0; d < dims; d++) u.means[j * dims + d] = frames[i * dims + d]!
  }
  const label = new Int32Array(n)
  for (let round = 0; round < 5; round++) {
    for (let i = 0; i < n; i++) {
      let best = Infinity
      for (let j = 0; j < k; j++) {
        let s = 0
        for (let d = 0; d < dims; d++) s += (frames[i * dims + d]! - u.means[j * dims + d]!) ** 2 / globalVar[d]!
        if (s < best) ((best = s), (label[i] = j))
      }
    }
    const count = new Float64Array(k)
    u.means.fill(0)
    for (let i = 0; i < n; i++) {
      count[label[i]!]!++
      for (let d = 0; d < dims; d++) u.means[label[i]! * dims + d]! += frames[i * dims + d]!
    }
    for (let j = 0; j < k; j++) {
      if (count[j]! === 0) {
        // An empty class takes a random frame again.
        const i = Math.floor(rnd() * n)
        for (let d = 0; d < dims; d++) u.means[j * dims + d] = frames[i * dims + d]!
      } else for (let d = 0; d < dims; d++) u.means[j * dims + d]! /= count[j]!
    }
  }
  for (let j = 0; j < k; j++) for (let d = 0; d < dims; d++) u.vars[j * dims + d] = globalVar[d]!
  const post = new Float64Array(k)
  const N = new Float64Array(k)
  const F = new Float64Array(k * dims)
  const S = new Float64Array(k * dims)
  for (let it = 0; it < iterations; it++) {
    const c = constants(u)
    const inv = u.vars.map((v) => 1 / v)
    N.fill(0)
    F.fill(0)
    S.fill(0)
    let ll = 0
    for (let i = 0; i < n; i++) {
      ll += posteriors(u, c, inv, frames, i * dims, post)
      for (let j = 0; j < k; j++) {
        const g = post[j]!
        if (g < 1e-8) continue
        N[j]! += g
        for (let d = 0; d < dims; d++) {
          const x = frames[i * dims + d]!
          F[j * dims + d]! += g * x
          S[j * dims + d]! += g * x * x
        }
      }
    }
    for (let j = 0; j < k; j++) {
      const nj = N[j]!
      u.weights[j] = Math.max(nj, 1e-3) / n
      if (nj < 1e-3) continue
      for (let d = 0; d < dims; d++) {
        const m = F[j * dims + d]! / nj
        u.means[j * dims + d] = m
        u.vars[j * dims + d] = Math.max(floor[d]!, S[j * dims + d]! / nj - m * m)
      }
    }
    const total = u.weights.reduce((a, b) => a + b, 0)
    for (let j = 0; j < k; j++) u.weights[j]! /= total
    // The likelihood of the model this round's statistics were taken under (the k-means start first).
    u.logLikelihood.push(ll / n)
  }
  return u
}

/**
 * One clip's mean supervector: its frames' zeroth and first order statistics per component, the
 * means adapted towards them by relevance MAP (a component the clip hardly uses stays at the
 * background's mean), then √w·(m − μ)/σ per component and dimension (k·dims values).
 * `counts` says how many frames each frame stands for (frames taken at a doubled hop count twice).
 */
export function supervector(u: Ubm, frames: Float32Array, counts: Float32Array | null, relevance = 16): Float32Array {
  const { k, dims } = u
  const n = frames.length / dims
  const c = constants(u)
  const inv = u.vars.map((v) => 1 / v)
  const post = new Float64Array(k)
  const N = new Float64Array(k)
  const F = new Float64Array(k * dims)
  for (let i = 0; i < n; i++) {
    posteriors(u, c, inv, frames, i * dims, post)
    const w = counts ? counts[i]! : 1
    for (let j = 0; j < k; j++) {
      const g = post[j]! * w
      N[j]! += g
      for (let d = 0; d < dims; d++) F[j * dims + d]! += g * frames[i * dims + d]!
    }
  }
  const out = new Float32Array(k * dims)
  for (let j = 0; j < k; j++) {
    const alpha = N[j]! / (N[j]! + relevance)
    const sw = Math.sqrt(u.weights[j]!)
    for (let d = 0; d < dims; d++) {
      const at = j * dims + d
      const mean = N[j]! > 0 ? F[at]! / N[j]! : u.means[at]!
      const adapted = alpha * mean + (1 - alpha) * u.means[at]!
      out[at] = (sw * (adapted - u.means[at]!)) / Math.sqrt(u.vars[at]!)
    }
  }
  return out
}

/**
 * The first `components` principal directions of the rows (centred), by subspace iteration on
 * XᵀX without forming it (n·dims·components per round), seeded. Answers the projection function.
 */
export function pca(rows: readonly Float32Array[], components: number, seed: number, rounds = 30): (v: Float32Array) => Float32Array {
  const n = rows.length
  const dims = rows[0]!.length
  const q = Math.min(components, dims, n)
  const mean = new Float64Array(dims)
  for (const r of rows) for (let d = 0; d < dims; d++) mean[d]! += r[d]! / n
  const x = rows.map((r) => Float64Array.from(r, (v, d) => v - mean[d]!))
  const rnd = random(seed)
  let basis = Array.from({ length: q }, () => Float64Array.from({ length: dims }, () => rnd() - 0.5))
  const orthonormalise = (b: Float64Array[]) => {
    for (let a = 0; a < b.length; a++) {
      for (let c = 0; c < a; c++) {
        let dot = 0
        for (let d = 0; d < dims; d++) dot += b[a]![d]! * b[c]![d]!
        for (let d = 0; d < dims; d++) b[a]![d]! -= dot * b[c]![d]!
      }
      let norm = 0
      for (let d = 0; d < dims; d++) norm += b[a]![d]! ** 2
      norm = Math.sqrt(norm) || 1
      for (let d = 0; d < dims; d++) b[a]![d]! /= norm
    }
  }
  orthonormalise(basis)
  const proj = new Float64Array(q)
  for (let round = 0; round < rounds; round++) {
    const next = Array.from({ length: q }, () => new Float64Array(dims))
    for (const r of x) {
      for (let a = 0; a < q; a++) {
        let s = 0
        for (let d = 0; d < dims; d++) s += r[d]! * basis[a]![d]!
        proj[a] = s
      }
      for (let a = 0; a < q; a++) {
        const p = proj[a]!
        const nx = next[a]!
        for (let d = 0; d < dims; d++) nx[d]! += p * r[d]!
      }
    }
    orthonormalise(next)
    basis = next
  }
  return (v) => {
    const out = new Float32Array(q)
    for (let a = 0; a < q; a++) {
      let s = 0
      for (let d = 0; d < dims; d++) s += (v[d]! - mean[d]!) * basis[a]![d]!
      out[a] = s
    }
    return out
  }
}
