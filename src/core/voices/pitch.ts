/**
 * The pitch of one frame, cheaply: the frame averaged down to about 4 kHz (`fine`), then to half of
 * that (`coarse`); the normalised autocorrelation is searched over every lag at the coarse rate
 * (a quarter of the work of searching at 4 kHz) and refined at the fine rate around the best one,
 * with a parabola through the best fine lag; a shorter lag that comes close wins over the best one
 * (octave errors, see pitch()). 0 when no lag is periodic enough (unvoiced or noise).
 */
const MIN_F0 = 70
const MAX_F0 = 400
/** A frame's normalised autocorrelation at its best lag must reach this to count as voiced. */
const VOICING = 0.45
/** A shorter lag whose coarse peak reaches this share of the best is measured again at the fine rate. */
const CANDIDATE = 0.7
/** ... and is taken as the period when its fine peak reaches this share of the best's (octave errors). */
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
  private fineBest = 0
  private fineLag = 0

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
    // Coarse search: every lag where the normalised autocorrelation peaks, and the highest peak.
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
    // Twice the period correlates about as well as the period itself, and on the coarse grid the
    // period's peak can look lower than it is: the shortest lag whose coarse peak comes near the best
    // is measured at the fine rate too, and is the pitch when it comes close to the best there (the
    // best alone halved a voice's pitch in a quarter of its frames and split it in two, issue 19).
    let topLag = 0
    let shortLag = 0
    for (let k = 0; k < peaks; k++) {
      if (peakC[k] === top) topLag = peakLag[k]!
      if (shortLag === 0 && peakC[k]! >= top * CANDIDATE) shortLag = peakLag[k]!
    }
    // Far below the voicing bar even allowing for the coarse grid: not voiced, skip the refinement.
    if (topLag === 0 || top < VOICING * 0.7) return 0
    this.refine(topLag, n, e0)
    let best = this.fineBest
    let lagAt = this.fineLag
    if (shortLag !== topLag) {
      this.refine(shortLag, n, e0)
      if (this.fineBest >= best * OCTAVE) ((best = this.fineBest), (lagAt = this.fineLag))
    }
    if (best < VOICING || lagAt === 0) return 0
    const a = corr(d, n, lagAt - 1, e0)
    const b = corr(d, n, lagAt + 1, e0)
    const shift = (0.5 * (a - b)) / (a - 2 * best + b || 1)
    return this.rate / (lagAt + Math.max(-0.5, Math.min(0.5, shift)))
  }

  /** The fine search around twice a coarse lag: its best lag and correlation in fineLag, fineBest. */
  private refine(coarseLag: number, n: number, e0: number): void {
    const d = this.fine
    const from = Math.max(2, 2 * coarseLag - 2)
    const to = Math.min(n - 3, 2 * coarseLag + 2)
    let best = 0
    let lagAt = 0
    for (let lag = from; lag <= to; lag++) {
      const r = corr(d, n, lag, e0)
      if (r > best) ((best = r), (lagAt = lag))
    }
    this.fineBest = best
    this.fineLag = lagAt
  }
}

/** Autocorrelation at `lag`, normalised by the energy and the overlap's share of the window. */
function corr(d: Float32Array, n: number, lag: number, e: number): number {
  let s = 0
  for (let j = 0; j + lag < n; j++) s += d[j]! * d[j + lag]!
  return s / (e * ((n - lag) / n))
}
