import { describe, expect, it } from 'vitest'
import { createRandom } from '../generate/random'
import { synthesizeSpeech } from '../generate/speech'
import { PitchTracker } from './pitch'
import { PITCH_DIM, spectralEmbedder } from './spectral'

const RATE = 16_000

/**
 * Glottal-like pulses at `f0`, every other one weaker (as in a creaky or breathy voice), each ringing
 * through one formant: twice the period then repeats the signal better than the period itself.
 */
function alternatingPulses(f0: number, weaker: number, seconds = 0.2): Float32Array {
  const x = new Float32Array(Math.round(RATE * seconds))
  const period = RATE / f0
  for (let k = 0, at = 0; at < x.length; k++, at = Math.round(k * period)) {
    const height = k % 2 === 0 ? 1 : weaker
    for (let i = 0; i < period && at + i < x.length; i++) x[at + i]! += height * Math.exp(-i / 12) * Math.sin((2 * Math.PI * 700 * i) / RATE)
  }
  return x
}

describe('pitch tracker', () => {
  it('reads a voice whose every other pulse is weaker at its pitch, not an octave low (issue 19)', () => {
    const tracker = new PitchTracker(RATE)
    for (const f0 of [180, 220]) {
      const x = alternatingPulses(f0, 0.8)
      const found: number[] = []
      for (let at = 0; at + tracker.span <= x.length; at += 512) found.push(tracker.pitch(x, at))
      expect(found.length).toBeGreaterThan(3)
      for (const f of found) {
        expect(f).toBeGreaterThan(f0 * 0.95)
        expect(f).toBeLessThan(f0 * 1.05)
      }
    }
  })

  it('still reads a low voice at its own pitch, not at twice it', () => {
    const tracker = new PitchTracker(RATE)
    const x = alternatingPulses(95, 1)
    for (let at = 0; at + tracker.span <= x.length; at += 512) {
      const f = tracker.pitch(x, at)
      expect(f).toBeGreaterThan(95 * 0.95)
      expect(f).toBeLessThan(95 * 1.05)
    }
  })
})

describe('pitch statistics of a clip', () => {
  const speech = (f0: number, seed: number, seconds: number) => Float32Array.from(synthesizeSpeech('schalte das Licht im Wohnzimmer aus', { f0, formantScale: 1.15 }, createRandom(`p${seed}`), RATE, seconds), (v) => v / 32768)
  const vectorOf = (x: Float32Array) => {
    const sink = spectralEmbedder.open(RATE)
    sink.push([x], x.length)
    return sink.finish()!
  }

  it('stay those of the voice when a third of its speech is read an octave low', () => {
    const own = speech(200, 1, 3)
    // The same voice with a third of its length an octave lower: what a tracker's octave errors look like.
    const low = speech(100, 2, 1.5)
    const mixed = new Float32Array(own.length + low.length)
    mixed.set(own.subarray(0, own.length / 2))
    mixed.set(low, own.length / 2)
    mixed.set(own.subarray(own.length / 2), own.length / 2 + low.length)
    const a = vectorOf(own)
    const b = vectorOf(mixed)
    expect(Math.exp(b[PITCH_DIM]!)).toBeGreaterThan(Math.exp(a[PITCH_DIM]!) * 0.95)
    expect(Math.exp(b[PITCH_DIM]!)).toBeLessThan(Math.exp(a[PITCH_DIM]!) * 1.05)
    // The spread of the pitch (log IQR) stays near the voice's own, far from an octave (0.69).
    expect(Math.abs(b[PITCH_DIM + 1]! - a[PITCH_DIM + 1]!)).toBeLessThan(0.1)
  })
})
