/**
 * Min and max per bucket over a stream of samples whose total may be unknown up front. Samples go
 * into fine bins (about four per final bucket when the total is known, starting at one sample and
 * doubling otherwise), which are merged into the requested number of buckets at the end. Channels
 * are folded together: the review shows one waveform per recording.
 */
export class PeakAccumulator {
  private binSize: number
  private readonly cap: number
  private readonly lo: Float32Array
  private readonly hi: Float32Array
  private bins = 0
  private inBin = 0
  private curLo = Infinity
  private curHi = -Infinity
  frames = 0

  constructor(
    private readonly buckets: number,
    expectedFrames: number | null
  ) {
    this.cap = buckets * 8
    this.lo = new Float32Array(this.cap)
    this.hi = new Float32Array(this.cap)
    this.binSize = expectedFrames && expectedFrames > 0 ? Math.max(1, Math.floor(expectedFrames / (buckets * 4))) : 1
  }

  push(channels: Float32Array[], n: number): void {
    if (!channels[0] || n <= 0) return
    let lo = this.curLo
    let hi = this.curHi
    let inBin = this.inBin
    let i = 0
    // Bin by bin: a tight loop over the samples the current bin still takes. Math.min and max
    // compile to branch-free instructions (2-3 times faster on audio than comparisons); a NaN
    // sample (a broken float WAV) blanks its bin, which is drawn as silence.
    while (i < n) {
      const end = Math.min(n, i + this.binSize - inBin)
      for (let c = 0; c < channels.length; c++) {
        const ch = channels[c]!
        for (let j = i; j < end; j++) {
          const v = ch[j]!
          lo = Math.min(lo, v)
          hi = Math.max(hi, v)
        }
      }
      inBin += end - i
      i = end
      if (inBin === this.binSize) {
        // A commit may halve the resolution (binSize doubles).
        this.commit(lo, hi)
        lo = Infinity
        hi = -Infinity
        inBin = 0
      }
    }
    this.curLo = lo
    this.curHi = hi
    this.inBin = inBin
    this.frames += n
  }

  private commit(lo: number, hi: number): void {
    this.lo[this.bins] = lo
    this.hi[this.bins] = hi
    if (++this.bins < this.cap) return
    // Full: halve the resolution so memory stays fixed however long the recording is.
    for (let i = 0; i < this.cap / 2; i++) {
      this.lo[i] = Math.min(this.lo[2 * i]!, this.lo[2 * i + 1]!)
      this.hi[i] = Math.max(this.hi[2 * i]!, this.hi[2 * i + 1]!)
    }
    this.bins = this.cap / 2
    this.binSize *= 2
  }

  /** The buckets, scaled to ±32767; fewer than asked when there are fewer samples than buckets. */
  finish(): { min: Int16Array; max: Int16Array } {
    if (this.inBin > 0) {
      this.lo[this.bins] = this.curLo
      this.hi[this.bins] = this.curHi
      this.bins++
      this.inBin = 0
    }
    const n = Math.min(this.buckets, this.bins)
    const min = new Int16Array(n)
    const max = new Int16Array(n)
    for (let b = 0; b < n; b++) {
      const from = Math.floor((b * this.bins) / n)
      const to = Math.floor(((b + 1) * this.bins) / n)
      let lo = Infinity
      let hi = -Infinity
      for (let j = from; j < to; j++) {
        if (this.lo[j]! < lo) lo = this.lo[j]!
        if (this.hi[j]! > hi) hi = this.hi[j]!
      }
      min[b] = scale(lo)
      max[b] = scale(hi)
    }
    return { min, max }
  }
}

/** NaN and silence-only bins (still ±Infinity) become 0; out-of-range floats are clipped as a player would. */
const scale = (v: number): number => (Number.isFinite(v) ? Math.round(Math.max(-1, Math.min(1, v)) * 32767) : 0)
