import type { Random } from './random'

/** A speaker's timbre: the pitch of the voice and how far its formants sit from an adult male's. */
export interface Voice {
  f0: number
  formantScale: number
}

type Segment =
  | { kind: 'voiced'; ms: number; formants: readonly [number, number, number]; gain: number }
  | { kind: 'noise'; ms: number; centre: number; gain: number }
  | { kind: 'silence'; ms: number }

// Textbook formant frequencies (Hz) of German and English vowels and voiced consonants.
const VOWELS: Record<string, readonly [number, number, number]> = {
  a: [800, 1200, 2500], e: [500, 1900, 2500], i: [300, 2300, 3000], o: [500, 900, 2400], u: [320, 800, 2300],
  ä: [650, 1700, 2500], ö: [450, 1500, 2300], ü: [300, 1700, 2200], y: [300, 1800, 2300]
}
const SONORANTS: Record<string, readonly [number, number, number]> = {
  m: [280, 1000, 2200], n: [280, 1500, 2500], l: [350, 1100, 2600], r: [450, 1200, 1600], w: [300, 700, 2200], j: [280, 2200, 2900], v: [300, 1400, 2400]
}
const FRICATIVES: Record<string, number> = { s: 5200, z: 5000, ß: 5200, f: 3600, h: 1800, c: 4200, x: 4000 }
const PLOSIVES = new Set(['p', 't', 'k', 'b', 'd', 'g', 'q'])

function segmentsOf(text: string, rng: Random): Segment[] {
  const out: Segment[] = [{ kind: 'silence', ms: 120 }]
  for (const ch of text.toLowerCase()) {
    if (VOWELS[ch]) out.push({ kind: 'voiced', ms: rng.int(85, 150), formants: VOWELS[ch]!, gain: 1 })
    else if (SONORANTS[ch]) out.push({ kind: 'voiced', ms: rng.int(45, 70), formants: SONORANTS[ch]!, gain: 0.45 })
    else if (FRICATIVES[ch]) out.push({ kind: 'noise', ms: rng.int(55, 95), centre: FRICATIVES[ch]!, gain: ch === 'h' ? 0.08 : 0.22 })
    else if (PLOSIVES.has(ch)) out.push({ kind: 'silence', ms: rng.int(25, 45) }, { kind: 'noise', ms: 14, centre: 2500, gain: 0.35 })
    else if (ch === ' ') out.push({ kind: 'silence', ms: rng.int(50, 110) })
    else if (/[,.?!;:]/.test(ch)) out.push({ kind: 'silence', ms: rng.int(140, 220) })
  }
  out.push({ kind: 'silence', ms: 150 })
  return out
}

/** A two-pole resonator: the building block of a formant synthesiser. */
class Resonator {
  private y1 = 0
  private y2 = 0
  private b1 = 0
  private b2 = 0
  private a0 = 0

  tune(freq: number, bandwidth: number, sampleRate: number): void {
    const r = Math.exp((-Math.PI * bandwidth) / sampleRate)
    this.b1 = 2 * r * Math.cos((2 * Math.PI * Math.min(freq, sampleRate / 2 - 300)) / sampleRate)
    this.b2 = -r * r
    this.a0 = 1 - r
  }

  step(x: number): number {
    const y = this.a0 * x + this.b1 * this.y1 + this.b2 * this.y2
    this.y2 = this.y1
    this.y1 = y
    return y
  }
}

/**
 * Speech-like sound for a transcript: a glottal pulse train through three formant resonators for
 * vowels and voiced consonants, filtered noise for fricatives and bursts, pauses between words,
 * falling pitch over the phrase. Not words, but it looks and sounds like someone talking.
 */
export function synthesizeSpeech(text: string, voice: Voice, rng: Random, sampleRate: number, maxSeconds = 4): Int16Array {
  const segments = segmentsOf(text, rng)
  const total = Math.min(segments.reduce((n, s) => n + s.ms, 0), maxSeconds * 1000)
  const out = new Float32Array(Math.round((total / 1000) * sampleRate))
  const formants = [new Resonator(), new Resonator(), new Resonator()]
  const hiss = new Resonator()
  const current = [500, 1500, 2500]
  let phase = 0
  let n = 0
  for (const seg of segments) {
    const len = Math.min(Math.round((seg.ms / 1000) * sampleRate), out.length - n)
    if (len <= 0) break
    const ramp = Math.max(1, Math.min(len / 4, sampleRate * 0.012))
    if (seg.kind === 'noise') hiss.tune(seg.centre, seg.centre * 0.5, sampleRate)
    for (let i = 0; i < len; i++, n++) {
      const env = Math.min(1, i / ramp, (len - i) / ramp)
      if (seg.kind === 'voiced') {
        if ((i & 31) === 0) {
          // Glide formants towards the target, as the mouth moves between sounds.
          for (let k = 0; k < 3; k++) {
            current[k] = current[k]! + (seg.formants[k]! * voice.formantScale - current[k]!) * 0.35
            formants[k]!.tune(current[k]!, 60 + 40 * k, sampleRate)
          }
        }
        const f0 = voice.f0 * (1.15 - 0.3 * (n / out.length)) * (1 + 0.01 * (rng.next() - 0.5))
        phase += f0 / sampleRate
        if (phase >= 1) phase -= 1
        const pulse = phase < 0.4 ? Math.sin((Math.PI * phase) / 0.4) : 0
        out[n] = seg.gain * env * (formants[0]!.step(pulse) * 1.0 + formants[1]!.step(pulse) * 0.6 + formants[2]!.step(pulse) * 0.3)
      } else if (seg.kind === 'noise') {
        out[n] = seg.gain * env * hiss.step(rng.next() * 2 - 1) * 4
      }
      out[n] = out[n]! + (rng.next() - 0.5) * 0.002
    }
  }
  let peak = 1e-9
  for (const v of out) peak = Math.max(peak, Math.abs(v))
  const pcm = new Int16Array(out.length)
  for (let i = 0; i < out.length; i++) pcm[i] = Math.round((out[i]! / peak) * 0.6 * 32767)
  return pcm
}
