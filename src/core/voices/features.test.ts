import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PeaksJob } from '../audio/peaks/job'
import { createRandom } from '../generate/random'
import { synthesizeSpeech } from '../generate/speech'
import { encodeWav } from '../generate/wav'
import { forgetExportVoices, VoiceCache } from './cache'
import { peaksKey } from '../audio/scheduler'
import type { OpenedArchive } from '../archive'
import { PITCH_DIM, spectralEmbedder, SPECTRAL_DIMS } from './spectral'

const RATE = 16_000
const speech = (f0: number, seed = 1, seconds = 3) => synthesizeSpeech('wie wird das Wetter morgen in Hamburg', { f0, formantScale: f0 > 160 ? 1.15 : 1 }, createRandom(`s${seed}`), RATE, seconds)
const toFloat = (pcm: Int16Array) => Float32Array.from(pcm, (v) => v / 32768)

function vectorOf(samples: Float32Array, chunk = samples.length): Float32Array | null {
  const sink = spectralEmbedder.open(RATE)
  for (let at = 0; at < samples.length; at += chunk) {
    const part = samples.subarray(at, Math.min(samples.length, at + chunk))
    sink.push([part], part.length)
  }
  return sink.finish()
}

const PITCH = PITCH_DIM
const CEPS = PITCH_DIM / 2

describe('spectral voice vectors', () => {
  it('finds the speaker’s pitch: a low voice and a high one, each within 15 %', () => {
    for (const f0 of [112, 205]) {
      const v = vectorOf(toFloat(speech(f0)))!
      expect(v).toHaveLength(SPECTRAL_DIMS)
      // The synthesiser's pitch falls over the phrase from 1.15·f0 to 0.85·f0: the median sits near f0.
      expect(Math.exp(v[PITCH]!)).toBeGreaterThan(f0 * 0.85)
      expect(Math.exp(v[PITCH]!)).toBeLessThan(f0 * 1.15)
      for (const x of v) expect(Number.isFinite(x)).toBe(true)
      // The seconds of speech it was made from: most of the 3 s phrase, never more.
      expect(spectralEmbedder.speechSeconds!(v)).toBeGreaterThan(1)
      expect(spectralEmbedder.speechSeconds!(v)).toBeLessThanOrEqual(3)
    }
  })

  it('gives the same vector however the samples are chunked, and for stereo copies of mono', () => {
    const mono = toFloat(speech(140))
    const whole = vectorOf(mono)!
    const chunked = vectorOf(mono, 1000)!
    for (let i = 0; i < whole.length; i++) expect(chunked[i]).toBeCloseTo(whole[i]!, 4)
    const sink = spectralEmbedder.open(RATE)
    sink.push([mono, mono], mono.length)
    const stereo = sink.finish()!
    for (let i = 0; i < whole.length; i++) expect(stereo[i]).toBeCloseTo(whole[i]!, 4)
  })

  it('says nothing of silence, hum far below speech level, or a clip too short to tell', () => {
    expect(vectorOf(new Float32Array(RATE * 3))).toBeNull()
    expect(vectorOf(Float32Array.from({ length: RATE * 3 }, (_, i) => 0.0005 * Math.sin((2 * Math.PI * 50 * i) / RATE)))).toBeNull()
    expect(vectorOf(toFloat(speech(140)).subarray(0, RATE / 5))).toBeNull()
  })

  it('keeps memory fixed on a long recording (frames thinned, the pitch still found)', () => {
    const long = new Float32Array(RATE * 150)
    const one = toFloat(speech(120, 2, 4))
    for (let at = 0; at + one.length <= long.length; at += one.length) long.set(one, at)
    const v = vectorOf(long, 32_768)!
    expect(Math.exp(v[PITCH]!)).toBeGreaterThan(120 * 0.85)
    expect(Math.exp(v[PITCH]!)).toBeLessThan(120 * 1.15)
  })

  it('takes every other frame once 2 s of voiced speech are in, each counting for the time it stands for', () => {
    const one = toFloat(speech(130, 3, 4))
    const three = new Float32Array(one.length * 3)
    for (let k = 0; k < 3; k++) three.set(one, k * one.length)
    const a = vectorOf(one)!
    const b = vectorOf(three)!
    // Thinned frames stand for twice the time: the speech found is still about three times one copy's.
    const ratio = spectralEmbedder.speechSeconds!(b) / spectralEmbedder.speechSeconds!(a)
    expect(ratio).toBeGreaterThan(2.6)
    expect(ratio).toBeLessThan(3.4)
    // The same words three times: the cepstral means and the pitch stay those of one copy.
    for (let k = 0; k < CEPS; k++) expect(Math.abs(b[k]! - a[k]!)).toBeLessThan(0.25 + 0.1 * Math.abs(a[k]!))
    expect(Math.abs(b[PITCH]! - a[PITCH]!)).toBeLessThan(0.05)
  })

  it('comes out of the same decode as the peaks when asked, and only then', async () => {
    const wav = new Uint8Array(encodeWav(speech(205), RATE))
    const withVoice = new PeaksJob(wav.length, 100, spectralEmbedder)
    await withVoice.push(wav)
    const a = await withVoice.end()
    const plain = new PeaksJob(wav.length, 100)
    await plain.push(wav)
    const b = await plain.end()
    expect(a.status).toBe('ready')
    expect(b.status).toBe('ready')
    if (a.status !== 'ready' || b.status !== 'ready') return
    expect(a.voice).toBeInstanceOf(Float32Array)
    expect('voice' in b).toBe(false)
    expect([...a.min]).toEqual([...b.min])
  })
})

describe('the voice cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'exportscope-voices-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))
  const key = { fingerprint: 'f', path: 'a.wav', size: 10, crc32: 1, buckets: 0 }

  it('keeps a vector and a "too short" answer, and misses for another embedder version', async () => {
    const cache = new VoiceCache(dir, spectralEmbedder)
    expect(await cache.get(key)).toBeUndefined()
    const v = Float32Array.from({ length: SPECTRAL_DIMS }, (_, i) => i / 3)
    await cache.put(key, v)
    expect([...(await cache.get(key))!]).toEqual([...v])
    await cache.put({ ...key, path: 'b.wav' }, null)
    expect(await cache.get({ ...key, path: 'b.wav' })).toBeNull()
    expect(await new VoiceCache(dir, { ...spectralEmbedder, version: spectralEmbedder.version + 1 }).get(key)).toBeUndefined()
    await cache.clear()
    expect(await cache.get(key)).toBeUndefined()
  })

  it('the retention delete removes the vectors of older embedder versions too', async () => {
    const entry = { info: { path: 'audio/a.wav', size: 10, crc32: 7 } }
    const archive = { fingerprint: 'export-1', entries: [entry] } as unknown as OpenedArchive
    const key = peaksKey(archive, entry as OpenedArchive['entries'][number], 0)
    const v = Float32Array.from({ length: SPECTRAL_DIMS }, (_, i) => i)
    const old = new VoiceCache(join(dir, 'cache', 'voices'), { ...spectralEmbedder, version: 1 })
    const now = new VoiceCache(join(dir, 'cache', 'voices'), spectralEmbedder)
    await old.put(key, v)
    await now.put(key, v)
    expect(await forgetExportVoices(dir, archive, [spectralEmbedder])).toBe(2)
    expect(await old.get(key)).toBeUndefined()
    expect(await now.get(key)).toBeUndefined()
  })
})
