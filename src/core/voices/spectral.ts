// fft.js 4.0.4 (MIT, Fedor Indutny): a radix-4 FFT with no dependencies; its realTransform fills half a spectrum.
import FFT from 'fft.js'
import type { VoiceEmbedder, VoiceSink } from './embedder'
import { applyBank, dctTable, melBank, type MelBank } from './mel'
import { PitchTracker } from './pitch'

/**
 * Speaker statistics of a clip: the means and spreads of 24 mel-cepstral coefficients (40 filters) over its
 * voiced frames (the shape of the vocal tract, level-free because c0 is left out), the median and
 * spread of its pitch, and the seconds of speech they come from. The cost is kept near the
 * decode's (issue 19: at most as much again): clips at 32 kHz and above are first averaged down to
 * 16-24 kHz, frames of about 32 ms (an FFT of 512 points at 16 kHz) follow each other without
 * overlap, and the pitch is searched coarse-to-fine (see pitch.ts). Only the first 2 s of voiced
 * speech are read frame by frame; after that every other frame, and unvoiced frames are not analysed
 * once there are enough voiced ones. Fewer frames from the start (every other one after 0.5 s) merged
 * two of the real-speaker voices (flite rms and kal) on the English set: 2-3 s clips need them all.
 */
/**
 * 24 coefficients of 40 filters rather than 19 of 32: the finer spectral shape kept flite kal and rms
 * (two men) apart on the English and development sets, where 19 of 32 let a few clips cross.
 */
const CEPS = 24
const FILTERS = 40
const LOW_HZ = 100
const HIGH_HZ = 7600
const FRAME_S = 0.032
const HOP_S = 0.032
/** Frames kept per clip before every other one is dropped and the hop doubles: memory stays fixed. */
const MAX_FRAMES = 4096
/**
 * After this much voiced speech the statistics have mostly settled: the hop doubles, so a long clip
 * costs about half as much per second from there on (each frame then counts for the time it stands for).
 */
const SETTLED_S = 2
/** Fewer voiced frames than half a second of speech says nothing about the speaker. */
const MIN_VOICED = Math.ceil(0.5 / HOP_S)
/** Below this level (RMS, about -55 dBFS) a frame is silence or hum. */
const SILENCE = 0.0018
/** Frames more than 30 dB below the clip's loud frames are pauses and room noise. */
const RANGE = 1e-3

/** Where the pitch median sits in a vector; the last dimension is the seconds of speech it was made from. */
export const PITCH_DIM = CEPS * 2
const SPEECH_DIM = CEPS * 2 + 2
export const SPECTRAL_DIMS = CEPS * 2 + 3

interface Tables {
  fft: FFT
  size: number
  window: Float32Array
  bank: MelBank
  dct: Float32Array
}

const tables = new Map<string, Tables>()

function tablesFor(rate: number): Tables {
  const size = 2 ** Math.ceil(Math.log2(rate * FRAME_S))
  const key = `${size}:${rate}`
  let t = tables.get(key)
  if (!t) {
    const window = new Float32Array(size)
    for (let i = 0; i < size; i++) window[i] = 0.54 - 0.46 * Math.cos((2 * Math.PI * i) / (size - 1))
    t = { fft: new FFT(size), size, window, bank: melBank(size, rate, FILTERS, LOW_HZ, HIGH_HZ), dct: dctTable(FILTERS, CEPS + 1) }
    tables.set(key, t)
  }
  return t
}

export class SpectralSink implements VoiceSink {
  private readonly t: Tables
  private readonly pitch: PitchTracker
  /** Input samples averaged into one analysed sample (1 up to 32 kHz). */
  private readonly q: number
  /** Samples one frame reads: the FFT's and the pitch's windows start together. */
  private readonly span: number
  /** Samples not yet consumed, mono, at the analysed rate, oldest first; frames are read straight out of it. */
  private pending: Float32Array
  private length = 0
  /** Where the next frame starts in `pending`; past its end when the hop is longer than a frame. */
  private next = 0
  private hop: number
  /**
   * Per kept frame: RMS, pitch in Hz (0 unvoiced; -1 unvoiced and not analysed, as unvoiced
   * frames are only needed while the clip has too few voiced ones), the seconds it stands for, then
   * CEPS coefficients.
   */
  private frames: Float32Array
  private count = 0
  private readonly stride = CEPS + 3
  /** Voiced frames so far, and how many make SETTLED_S at the first hop. */
  private voiced = 0
  private readonly settled: number
  private readonly input: Float64Array
  private readonly spectrum: Float64Array
  private readonly power: Float32Array
  private readonly mel: Float32Array
  /** The input samples of a partly filled averaged sample (q > 1). */
  private partSum = 0
  private partCount = 0
  /** Samples per second as analysed (after averaging down). */
  private readonly rate: number

  constructor(sampleRate: number) {
    this.q = Math.max(1, Math.floor(sampleRate / 16_000))
    const rate = sampleRate / this.q
    this.rate = rate
    this.t = tablesFor(rate)
    this.pitch = new PitchTracker(rate)
    this.span = Math.max(this.t.size, this.pitch.span)
    this.pending = new Float32Array(this.span * 4)
    this.hop = Math.max(1, Math.round(rate * HOP_S))
    this.settled = Math.ceil((SETTLED_S * rate) / this.hop)
    this.frames = new Float32Array(MAX_FRAMES * this.stride)
    this.input = new Float64Array(this.t.size)
    this.spectrum = new Float64Array(2 * this.t.size)
    this.power = new Float32Array(this.t.size / 2 + 1)
    this.mel = new Float32Array(FILTERS)
  }

  push(channels: Float32Array[], n: number): void {
    const c = channels.length
    if (c === 0 || n <= 0) return
    const q = this.q
    const room = this.length + Math.ceil(n / q) + 1
    if (room > this.pending.length) {
      const grown = new Float32Array(Math.max(this.pending.length * 2, room))
      grown.set(this.pending.subarray(0, this.length))
      this.pending = grown
    }
    const p = this.pending
    if (q === 1 && c === 1) {
      p.set(channels[0]!.subarray(0, n), this.length)
      this.length += n
    } else {
      // Channels folded and q samples averaged into one: a box filter, enough below 8 kHz.
      const scale = 1 / (c * q)
      let sum = this.partSum
      let count = this.partCount
      let len = this.length
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < c; k++) sum += channels[k]![i]!
        if (++count === q) {
          p[len++] = sum * scale
          sum = 0
          count = 0
        }
      }
      this.partSum = sum
      this.partCount = count
      this.length = len
    }
    let at = this.next
    for (; at + this.span <= this.length; at += this.hop) this.frame(at)
    // Keep what the next frame still needs: from `at` on (frames overlap when the hop is shorter).
    const keep = Math.min(at, this.length)
    p.copyWithin(0, keep, this.length)
    this.length -= keep
    this.next = at - keep
  }

  /** The samples from `at` are one frame. */
  private frame(at: number): void {
    const { size, window, fft, bank, dct } = this.t
    const x = this.pending
    const input = this.input
    // The level and the windowed copy in one pass: most frames are loud enough to need both.
    let energy = 0
    for (let i = 0; i < size; i++) {
      const v = x[at + i]!
      energy += v * v
      input[i] = v * window[i]!
    }
    const rms = Math.sqrt(energy / size)
    if (this.count === MAX_FRAMES) this.halve()
    const row = this.count++ * this.stride
    const frames = this.frames
    frames[row] = rms
    frames[row + 1] = 0
    frames[row + 2] = this.hop / this.rate
    if (rms < SILENCE) return
    const f0 = this.pitch.pitch(x, at)
    if (f0 > 0) {
      frames[row + 1] = f0
      // Settled: from here on every other frame is enough (the next one starts a hop later).
      if (++this.voiced === this.settled) this.hop *= 2
    } else if (this.voiced >= MIN_VOICED) {
      // Enough voiced frames already: finish() will not read the unvoiced ones.
      frames[row + 1] = -1
      return
    }
    fft.realTransform(this.spectrum, input)
    const s = this.spectrum
    const power = this.power
    // Only the bins the filters read.
    for (let b = bank.firstBin; b <= bank.lastBin; b++) power[b] = s[2 * b]! * s[2 * b]! + s[2 * b + 1]! * s[2 * b + 1]!
    const mel = this.mel
    applyBank(bank, power, mel)
    for (let m = 0; m < FILTERS; m++) mel[m] = Math.log(mel[m]! + 1e-10)
    for (let k = 1; k <= CEPS; k++) {
      let sum = 0
      const base = k * FILTERS
      for (let m = 0; m < FILTERS; m++) sum += dct[base + m]! * mel[m]!
      frames[row + 2 + k] = sum
    }
  }

  /** Memory stays fixed: every other frame goes, the one kept stands for both, and the hop doubles. */
  private halve(): void {
    const s = this.stride
    const f = this.frames
    for (let i = 0; i < MAX_FRAMES / 2; i++) {
      const seconds = f[2 * i * s + 2]! + f[(2 * i + 1) * s + 2]!
      f.copyWithin(i * s, 2 * i * s, 2 * i * s + s)
      f[i * s + 2] = seconds
    }
    this.count = MAX_FRAMES / 2
    this.hop *= 2
  }

  /**
   * The frames a clip's statistics are made from, as row indices into the kept frames: loud enough
   * (within RANGE of its loud frames), analysed, and voiced when enough are. Null when too few.
   */
  private speechRows(): number[] | null {
    const s = this.stride
    const f = this.frames
    const levels: number[] = []
    for (let i = 0; i < this.count; i++) {
      const rms = f[i * s]!
      if (rms >= SILENCE) levels.push(rms)
    }
    if (levels.length < MIN_VOICED) return null
    levels.sort((a, b) => a - b)
    const loud = levels[Math.floor(levels.length * 0.95)]!
    const floor = Math.max(SILENCE, loud * Math.sqrt(RANGE))
    let periodic = 0
    for (let i = 0; i < this.count; i++) if (f[i * s]! >= floor && f[i * s + 1]! > 0) periodic++
    // Voiced frames carry the vocal tract's shape; fricatives and bursts mostly carry the words.
    const voicedOnly = periodic >= MIN_VOICED
    const rows: number[] = []
    for (let i = 0; i < this.count; i++) {
      const f0 = f[i * s + 1]!
      if (f[i * s]! < floor || f0 < 0 || (voicedOnly && f0 === 0)) continue
      rows.push(i)
    }
    return rows.length < MIN_VOICED ? null : rows
  }

  /**
   * The speech frames' cepstra (CEPS per frame) and the seconds each stands for: what a per-export
   * model of sound classes (bench/voices' GMM-UBM prototype) is made from. Null when too few.
   */
  speechFrames(): { cepstra: Float32Array; seconds: Float32Array } | null {
    const rows = this.speechRows()
    if (!rows) return null
    const s = this.stride
    const cepstra = new Float32Array(rows.length * CEPS)
    const seconds = new Float32Array(rows.length)
    rows.forEach((i, r) => {
      cepstra.set(this.frames.subarray(i * s + 3, i * s + 3 + CEPS), r * CEPS)
      seconds[r] = this.frames[i * s + 2]!
    })
    return { cepstra, seconds }
  }

  finish(): Float32Array | null {
    const rows = this.speechRows()
    if (!rows) return null
    const s = this.stride
    const f = this.frames
    const sum = new Float64Array(CEPS)
    const sq = new Float64Array(CEPS)
    const pitches: number[] = []
    let used = 0
    let seconds = 0
    for (const i of rows) {
      const row = i * s
      const f0 = f[row + 1]!
      // Frames taken at a longer hop stand for more time: each counts for its seconds.
      const w = f[row + 2]!
      used++
      seconds += w
      for (let k = 0; k < CEPS; k++) {
        const v = f[row + 3 + k]!
        sum[k]! += w * v
        sq[k]! += w * v * v
      }
      if (f0 > 0) pitches.push(Math.log(f0))
    }
    if (used < MIN_VOICED) return null
    const out = new Float32Array(SPECTRAL_DIMS)
    for (let k = 0; k < CEPS; k++) {
      const mean = sum[k]! / seconds
      out[k] = mean
      out[CEPS + k] = Math.sqrt(Math.max(0, sq[k]! / seconds - mean * mean))
    }
    if (pitches.length >= 5) {
      foldOctaves(pitches)
      pitches.sort((a, b) => a - b)
      const q = (p: number) => pitches[Math.min(pitches.length - 1, Math.floor(p * pitches.length))]!
      out[2 * CEPS] = q(0.5)
      out[2 * CEPS + 1] = q(0.75) - q(0.25)
    } else {
      // No pitch found: mark it as missing with NaN; the clustering fills it from the export's median.
      out[2 * CEPS] = Number.NaN
      out[2 * CEPS + 1] = Number.NaN
    }
    out[SPEECH_DIM] = seconds
    return out
  }
}

/**
 * Octave errors left by the tracker (a frame read at half or twice its pitch) moved a voice's median
 * with the words said: on some German phrases a third of espeak f2's frames sat an octave low and split
 * the voice in two (issue 19). Each log-pitch is moved by whole octaves to lie nearest the clip's
 * median, which stays in the right octave while most frames do.
 */
function foldOctaves(logPitches: number[]): void {
  const sorted = [...logPitches].sort((a, b) => a - b)
  const median = sorted[sorted.length >> 1]!
  for (let i = 0; i < logPitches.length; i++) {
    const v = logPitches[i]!
    const octaves = Math.round((median - v) / Math.LN2)
    if (octaves !== 0) logPitches[i] = v + octaves * Math.LN2
  }
}

/**
 * How much each dimension counts once an export's vectors are on one scale. The low cepstral
 * coefficients mostly follow the words said (the vowels' formants), the higher ones the speaker's
 * vocal tract, and the spreads mostly the words; pitch is the strongest single cue to who speaks.
 */
const WEIGHTS = Float32Array.from({ length: SPECTRAL_DIMS }, (_, j) => (j < 4 ? 0.3 : j < CEPS ? 1 : j < 2 * CEPS ? 0.3 : j === PITCH_DIM ? 2 : j === SPEECH_DIM ? 0 : 0.5))

/** The built-in embedder: spectral statistics, no model, nothing downloaded. */
export const spectralEmbedder = {
  id: 'spectral-mfcc',
  version: 6,
  dims: SPECTRAL_DIMS,
  weights: WEIGHTS,
  speechSeconds: (v) => v[SPEECH_DIM]!,
  open: (sampleRate: number) => new SpectralSink(sampleRate)
} satisfies VoiceEmbedder
