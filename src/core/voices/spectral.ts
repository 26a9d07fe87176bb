// fft.js 4.0.4 (MIT, Fedor Indutny): a radix-4 FFT with no dependencies; its realTransform fills half a spectrum.
import FFT from 'fft.js'
import type { VoiceEmbedder, VoiceSink } from './embedder'
import { applyBank, dctTable, melBank, type MelBank } from './mel'

/**
 * Speaker statistics of a clip: the means and spreads of 12 mel-cepstral coefficients over its
 * voiced frames (the shape of the vocal tract, level-free because c0 is left out), and the median
 * and spread of its pitch. Frames are 32 ms or so at the clip's own rate, taken every HOP_S seconds:
 * a decimation that keeps the cost near the decode's while giving dozens of frames per second.
 */
const CEPS = 19
const FILTERS = 32
const LOW_HZ = 100
const HIGH_HZ = 7600
const HOP_S = 0.025
/** Frames kept per clip before every other one is dropped and the hop doubles: memory stays fixed. */
const MAX_FRAMES = 4096
/** Fewer voiced frames than half a second of speech says nothing about the speaker. */
const MIN_VOICED = Math.ceil(0.5 / HOP_S)
/** Below this level (RMS, about -55 dBFS) a frame is silence or hum. */
const SILENCE = 0.0018
/** Frames more than 30 dB below the clip's loud frames are pauses and room noise. */
const RANGE = 1e-3
const PITCH_RATE = 4000
const MIN_F0 = 70
const MAX_F0 = 400
/** A frame's normalised autocorrelation at its best lag must reach this to count as voiced. */
const VOICING = 0.45

export const SPECTRAL_DIMS = CEPS * 2 + 2

interface Tables {
  fft: FFT
  size: number
  window: Float32Array
  bank: MelBank
  dct: Float32Array
}

const tables = new Map<string, Tables>()

function tablesFor(sampleRate: number): Tables {
  const size = 2 ** Math.ceil(Math.log2(sampleRate * 0.03))
  const key = `${size}:${sampleRate}`
  let t = tables.get(key)
  if (!t) {
    const window = new Float32Array(size)
    for (let i = 0; i < size; i++) window[i] = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (size - 1))
    t = { fft: new FFT(size), size, window, bank: melBank(size, sampleRate, FILTERS, LOW_HZ, HIGH_HZ), dct: dctTable(FILTERS, CEPS + 1) }
    tables.set(key, t)
  }
  return t
}

class SpectralSink implements VoiceSink {
  private readonly t: Tables
  /** Samples not yet consumed, mono, oldest first; frames are read straight out of it. */
  private pending: Float32Array
  private length = 0
  /** Where the next frame starts in `pending`; past its end when the hop is longer than a frame. */
  private next = 0
  private hop: number
  /** Per kept frame: RMS, pitch in Hz (0 unvoiced), then CEPS coefficients. */
  private frames: Float32Array
  private count = 0
  private readonly stride = CEPS + 2
  private readonly input: number[]
  private readonly spectrum: number[]
  private readonly power: Float32Array
  private readonly mel: Float32Array
  private readonly down: Float32Array
  private readonly factor: number

  constructor(private readonly sampleRate: number) {
    this.t = tablesFor(sampleRate)
    this.pending = new Float32Array(this.t.size * 4)
    this.hop = Math.max(1, Math.round(sampleRate * HOP_S))
    this.frames = new Float32Array(MAX_FRAMES * this.stride)
    this.input = new Array<number>(this.t.size).fill(0)
    this.spectrum = this.t.fft.createComplexArray() as number[]
    this.power = new Float32Array(this.t.size / 2 + 1)
    this.mel = new Float32Array(FILTERS)
    this.factor = Math.max(1, Math.floor(sampleRate / PITCH_RATE))
    this.down = new Float32Array(Math.floor(this.t.size / this.factor))
  }

  push(channels: Float32Array[], n: number): void {
    const c = channels.length
    if (c === 0 || n <= 0) return
    if (this.length + n > this.pending.length) {
      const grown = new Float32Array(Math.max(this.pending.length * 2, this.length + n))
      grown.set(this.pending.subarray(0, this.length))
      this.pending = grown
    }
    const into = this.pending.subarray(this.length, this.length + n)
    into.set(channels[0]!.subarray(0, n))
    if (c > 1) {
      for (let k = 1; k < c; k++) {
        const ch = channels[k]!
        for (let i = 0; i < n; i++) into[i]! += ch[i]!
      }
      for (let i = 0; i < n; i++) into[i]! /= c
    }
    this.length += n
    const size = this.t.size
    let at = this.next
    for (; at + size <= this.length; at += this.hop) this.frame(at)
    // Keep what the next frame still needs: from `at` on (frames overlap when the hop is shorter).
    const keep = Math.min(at, this.length)
    this.pending.copyWithin(0, keep, this.length)
    this.length -= keep
    this.next = at - keep
  }

  /** The `size` samples from `at` are one frame. */
  private frame(at: number): void {
    const { size, window, fft, bank, dct } = this.t
    const x = this.pending
    let energy = 0
    for (let i = 0; i < size; i++) {
      const v = x[at + i]!
      energy += v * v
    }
    const rms = Math.sqrt(energy / size)
    if (this.count === MAX_FRAMES) this.halve()
    const row = this.count++ * this.stride
    this.frames[row] = rms
    this.frames[row + 1] = 0
    if (rms < SILENCE) return
    for (let i = 0; i < size; i++) this.input[i] = x[at + i]! * window[i]!
    fft.realTransform(this.spectrum, this.input)
    const s = this.spectrum
    for (let b = 0; b <= size / 2; b++) this.power[b] = s[2 * b]! * s[2 * b]! + s[2 * b + 1]! * s[2 * b + 1]!
    applyBank(bank, this.power, this.mel)
    for (let m = 0; m < FILTERS; m++) this.mel[m] = Math.log(this.mel[m]! + 1e-10)
    for (let k = 1; k <= CEPS; k++) {
      let sum = 0
      for (let m = 0; m < FILTERS; m++) sum += dct[k * FILTERS + m]! * this.mel[m]!
      this.frames[row + 1 + k] = sum
    }
    this.frames[row + 1] = this.pitch(at)
  }

  /**
   * Pitch by normalised autocorrelation of the frame averaged down to about 4 kHz, refined with a
   * parabola through the best lag; 0 when no lag is periodic enough (unvoiced or noise).
   */
  private pitch(at: number): number {
    const f = this.factor
    const x = this.pending
    const d = this.down
    const n = d.length
    let mean = 0
    for (let j = 0; j < n; j++) {
      let v = 0
      for (let k = 0; k < f; k++) v += x[at + j * f + k]!
      d[j] = v / f
      mean += d[j]!
    }
    mean /= n
    let e0 = 0
    for (let j = 0; j < n; j++) {
      d[j]! -= mean
      e0 += d[j]! * d[j]!
    }
    if (e0 <= 0) return 0
    const rate = this.sampleRate / f
    const minLag = Math.max(2, Math.floor(rate / MAX_F0))
    const maxLag = Math.min(n - 2, Math.ceil(rate / MIN_F0))
    let best = 0
    let bestLag = 0
    const r = (lag: number) => {
      let s = 0
      for (let j = 0; j + lag < n; j++) s += d[j]! * d[j + lag]!
      return s / (e0 * ((n - lag) / n))
    }
    let prev = r(minLag - 1)
    let cur = r(minLag)
    for (let lag = minLag; lag <= maxLag; lag++) {
      const next = r(lag + 1)
      if (cur > prev && cur >= next && cur > best) {
        best = cur
        bestLag = lag + (0.5 * (prev - next)) / (prev - 2 * cur + next || 1)
      }
      prev = cur
      cur = next
    }
    return best >= VOICING ? rate / bestLag : 0
  }

  private halve(): void {
    const s = this.stride
    for (let i = 0; i < MAX_FRAMES / 2; i++) this.frames.copyWithin(i * s, 2 * i * s, 2 * i * s + s)
    this.count = MAX_FRAMES / 2
    this.hop *= 2
  }

  finish(): Float32Array | null {
    const s = this.stride
    let loud = 0
    const levels: number[] = []
    for (let i = 0; i < this.count; i++) {
      const rms = this.frames[i * s]!
      if (rms >= SILENCE) levels.push(rms)
    }
    if (levels.length < MIN_VOICED) return null
    levels.sort((a, b) => a - b)
    loud = levels[Math.floor(levels.length * 0.95)]!
    const floor = Math.max(SILENCE, loud * Math.sqrt(RANGE))
    let periodic = 0
    for (let i = 0; i < this.count; i++) if (this.frames[i * s]! >= floor && this.frames[i * s + 1]! > 0) periodic++
    // Voiced frames carry the vocal tract's shape; fricatives and bursts mostly carry the words.
    const voicedOnly = periodic >= MIN_VOICED
    const sum = new Float64Array(CEPS)
    const sq = new Float64Array(CEPS)
    const pitches: number[] = []
    let used = 0
    for (let i = 0; i < this.count; i++) {
      const row = i * s
      if (this.frames[row]! < floor || (voicedOnly && this.frames[row + 1]! === 0)) continue
      used++
      for (let k = 0; k < CEPS; k++) {
        const v = this.frames[row + 2 + k]!
        sum[k]! += v
        sq[k]! += v * v
      }
      const f0 = this.frames[row + 1]!
      if (f0 > 0) pitches.push(Math.log(f0))
    }
    if (used < MIN_VOICED) return null
    const out = new Float32Array(SPECTRAL_DIMS)
    for (let k = 0; k < CEPS; k++) {
      const mean = sum[k]! / used
      out[k] = mean
      out[CEPS + k] = Math.sqrt(Math.max(0, sq[k]! / used - mean * mean))
    }
    if (pitches.length >= 5) {
      pitches.sort((a, b) => a - b)
      const q = (p: number) => pitches[Math.min(pitches.length - 1, Math.floor(p * pitches.length))]!
      out[2 * CEPS] = q(0.5)
      out[2 * CEPS + 1] = q(0.75) - q(0.25)
    } else {
      // No pitch found: mark it as missing with NaN; the clustering fills it from the export's median.
      out[2 * CEPS] = Number.NaN
      out[2 * CEPS + 1] = Number.NaN
    }
    return out
  }
}

/**
 * How much each dimension counts once an export's vectors are on one scale. The low cepstral
 * coefficients mostly follow the words said (the vowels' formants), the higher ones the speaker's
 * vocal tract, and the spreads mostly the words; pitch is the strongest single cue to who speaks.
 */
const WEIGHTS = Float32Array.from({ length: SPECTRAL_DIMS }, (_, j) => (j < 4 ? 0.3 : j < CEPS ? 1 : j < 2 * CEPS ? 0.3 : j === 2 * CEPS ? 2 : 0.5))

/** The built-in embedder: spectral statistics, no model, nothing downloaded. */
export const spectralEmbedder: VoiceEmbedder = {
  id: 'spectral-mfcc',
  version: 1,
  dims: SPECTRAL_DIMS,
  weights: WEIGHTS,
  open: (sampleRate) => new SpectralSink(sampleRate)
}
