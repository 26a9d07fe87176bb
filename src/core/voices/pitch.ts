/**
 * The pitch of one frame, cheaply: the frame averaged down to about 4 kHz (`fine`), then to half of
 * that (`coarse`); the normalised autocorrelation is searched over every lag at the coarse rate
 * (a quarter of the work of searching at 4 kHz) and refined at the fine rate around the best one,
 * with a parabola through the best fine lag. 0 when no lag is periodic enough (unvoiced or noise).
 */
const MIN_F0 = 70
const MAX_F0 = 400
/** A frame's normalised autocorrelation at its best lag must reach this to count as voiced. */
const VOICING = 0.45
/** A shorter lag's peak within this share of the best peak is taken as the period (octave errors). */
const OCTAVE = 0.9
/** Pitch is looked for at about this rate: plenty for 70-400 Hz. */
export const PITCH_RATE = 4000
/** The pitch window: two periods of the lowest pitch. */
export const PITCH_WINDOW_S = 0.032

export class PitchTracker {
  /** Input samples per fine sample. */
  readonly factor: number
  /** Input samples one frame's pitch reads. */
  readonly span: number
  private readonly fine: Float32Array
  private readonly coarse: Float32Array
  private readonly rate: number
  /** The coarse search's local peaks: lag and normalised autocorrelation. */
  private readonly peakLag = new Int32Array(32)
  private readonly peakC = new Float64Array(32)

  constructor(sampleRate: number) {
    this.factor = Math.max(1, Math.round(sampleRate / PITCH_RATE))
    this.rate = sampleRate / this.factor
    const n = Math.max(8, Math.round(this.rate * PITCH_WINDOW_S)) & ~1
    this.fine = new Float32Array(n)
    this.coarse = new Float32Array(n >> 1)
    this.span = n * this.factor
  }

  /** Pitch in Hz of `span` samples of `x` from `at`. */
  pitch(x: Float32Array, at: number): number {
    const f = this.factor
    const d = this.fine
    const n = d.length
    let mean = 0
    if (f === 4) {
      // 16 kHz, the commonest rate for voice: the same sums, unrolled.
      for (let j = 0, i = at; j < n; j++, i += 4) {
        const v = x[i]! + x[i + 1]! + x[i + 2]! + x[i + 3]!
        d[j] = v
        mean += v
      }
    } else {
      for (let j = 0, i = at; j < n; j++) {
        let v = 0
        for (let k = 0; k < f; k++) v += x[i++]!
        d[j] = v
        mean += v
      }
    }
    mean /= n
    let e0 = 0
    for (let j = 0; j < n; j++) {
      const v = d[j]! - mean
      d[j] = v
      e0 += v * v
    }
    if (e0 <= 0) return 0
    const c = this.coarse
    const m = c.length
    let e1 = 0
    for (let j = 0; j < m; j++) {
      const v = d[2 * j]! + d[2 * j + 1]!
      c[j] = v
      e1 += v * v
    }
    // Coarse search: the lag whose normalised autocorrelation peaks highest.
    const cRate = this.rate / 2
    const cMin = Math.max(2, Math.floor(cRate / MAX_F0))
    const cMax = Math.min(m - 2, Math.ceil(cRate / MIN_F0))
    let top = 0
    let peaks = 0
    const peakLag = this.peakLag
    const peakC = this.peakC
    let prev = corr(c, m, cMin - 1, e1)
    let cur = corr(c, m, cMin, e1)
    for (let lag = cMin; lag <= cMax; lag++) {
      const next = corr(c, m, lag + 1, e1)
      if (cur > prev && cur >= next && peaks < peakLag.length) {
        peakLag[peaks] = lag
        peakC[peaks++] = cur
        if (cur > top) top = cur
      }
      prev = cur
      cur = next
    }
    // Twice the period correlates about as well as the period itself: the shortest lag that comes
    // close to the best is the pitch, not the best alone (which halved a voice's pitch in a third of
    // its frames on some words and split it in two, issue 19).
    let bestC = 0
    let bestLag = 0
    for (let k = 0; k < peaks; k++) {
      if (peakC[k]! >= top * OCTAVE) {
        bestC = peakC[k]!
        bestLag = peakLag[k]!
        break
      }
    }
    // Far below the voicing bar even allowing for the coarse grid: not voiced, skip the refinement.
    if (bestLag === 0 || bestC < VOICING * 0.7) return 0
    // Fine search around twice the coarse lag.
    const from = Math.max(2, 2 * bestLag - 2)
    const to = Math.min(n - 3, 2 * bestLag + 2)
    let best = 0
    let lagAt = 0
    for (let lag = from; lag <= to; lag++) {
      const r = corr(d, n, lag, e0)
      if (r > best) ((best = r), (lagAt = lag))
    }
    if (best < VOICING || lagAt === 0) return 0
    const a = corr(d, n, lagAt - 1, e0)
    const b = corr(d, n, lagAt + 1, e0)
    const shift = (0.5 * (a - b)) / (a - 2 * best + b || 1)
    return this.rate / (lagAt + Math.max(-0.5, Math.min(0.5, shift)))
  }
}

/** Autocorrelation at `lag`, normalised by the energy and the overlap's share of the window. */
function corr(d: Float32Array, n: number, lag: number, e: number): number {
  let s = 0
  for (let j = 0; j + lag < n; j++) s += d[j]! * d[j + lag]!
  return s / (e * ((n - lag) / n))
}
