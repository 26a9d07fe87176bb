import { describe, expect, it } from 'vitest'
import { PeaksJob, type JobOutcome } from './job'
import { peaksToJson } from './json'
import { sine, square, toInt16 } from '../testing/signals'
import { writeWav, type WavLayout } from '../testing/wav-writer'
import { writeFlac } from '../testing/flac-writer'
import { writeOggOpus, writeOggVorbis } from '../testing/ogg-writer'
import { writeMp3 } from '../testing/mp3-writer'
import { writeM4a } from '../testing/mp4-writer'

/** Feeds the bytes in uneven chunks, as a stream out of an archive would. */
async function run(bytes: Uint8Array, buckets = 200, chunk = 7001): Promise<JobOutcome> {
  const job = new PeaksJob(bytes.length, buckets)
  for (let at = 0; at < bytes.length; at += chunk) {
    const early = await job.push(bytes.slice(at, at + chunk))
    if (early) return early
  }
  return job.end()
}

const ready = (o: JobOutcome) => {
  if (o.status !== 'ready') throw new Error(JSON.stringify(o))
  return o
}

const FULL = 32767

describe('peaks of WAV, every sample layout (our own reader)', () => {
  const layouts: [WavLayout, number][] = [
    [{ codec: 'pcm', bits: 8 }, 1 / 128],
    [{ codec: 'pcm', bits: 16 }, 1 / 32768],
    [{ codec: 'pcm', bits: 24 }, 1e-6],
    [{ codec: 'pcm', bits: 32 }, 1e-6],
    [{ codec: 'float', bits: 32 }, 1e-6],
    [{ codec: 'float', bits: 64 }, 1e-6],
    // G.711 steps near 0.5 are about 1/64 of full scale.
    [{ codec: 'mulaw', bits: 8 }, 1 / 60],
    [{ codec: 'alaw', bits: 8 }, 1 / 60],
    [{ codec: 'pcm', bits: 24, extensible: true }, 1e-6],
    [{ codec: 'pcm', bits: 16, rf64: true }, 1 / 32768]
  ]
  for (const [layout, tolerance] of layouts) {
    it(`${JSON.stringify(layout)}: a ±0.5 square wave gives exactly ±0.5 in every bucket`, async () => {
      const wave = square(50, 8000, 2, 0.5)
      // 50 buckets of 320 samples: two periods each.
      const o = ready(await run(writeWav([wave], 8000, layout), 50))
      expect(o.min.length).toBe(50)
      expect(o.duration).toBe(2)
      for (let b = 0; b < 50; b++) {
        expect(Math.abs(o.max[b]! / FULL - 0.5)).toBeLessThanOrEqual(tolerance + 1 / FULL)
        expect(Math.abs(o.min[b]! / FULL + 0.5)).toBeLessThanOrEqual(tolerance + 1 / FULL)
      }
    })
  }

  it('stereo folds channels: a silent left and a loud right give the right channel', async () => {
    const o = ready(await run(writeWav([new Float32Array(16000), square(100, 16000, 1, 0.8)], 16000, { codec: 'pcm', bits: 16 })))
    expect(o.channels).toBe(2)
    expect(Math.max(...o.max) / FULL).toBeCloseTo(0.8, 3)
  })

  it('a sine whose buckets hold whole periods peaks at ±amplitude; a silent half stays flat', async () => {
    const wave = sine(400, 16000, 2, 0.25)
    wave.fill(0, 16000)
    const o = ready(await run(writeWav([wave], 16000, { codec: 'float', bits: 32 }), 100))
    for (let b = 0; b < 50; b++) {
      expect(o.max[b]! / FULL).toBeCloseTo(0.25, 3)
      expect(o.min[b]! / FULL).toBeCloseTo(-0.25, 3)
    }
    for (let b = 50; b < 100; b++) expect([o.min[b], o.max[b]]).toEqual([0, 0])
  })

  it('a clip shorter than the buckets asked gives one bucket per sample', async () => {
    const o = ready(await run(writeWav([Float32Array.from([0.5, -0.5, 0.25])], 8000, { codec: 'float', bits: 32 }), 1000))
    expect(Array.from(o.max)).toEqual([Math.round(0.5 * FULL), Math.round(-0.5 * FULL), Math.round(0.25 * FULL)])
  })

  it('peaks cross the contract as numbers in [-1, 1]', async () => {
    const o = ready(await run(writeWav([square(50, 8000, 1, 0.5)], 8000, { codec: 'pcm', bits: 16 }), 10))
    const json = peaksToJson({ ...o, min: o.min, max: o.max })
    expect(json.max).toEqual(Array(10).fill(0.5))
    expect(json.min).toEqual(Array(10).fill(-0.5))
    expect(JSON.parse(JSON.stringify(json))).toEqual(json)
  })
})

describe('peaks of compressed audio (wasm decoders)', () => {
  const cases: [string, () => Promise<Uint8Array>, number, number][] = [
    ['MP3 (lamejs)', () => writeMp3(toInt16(square(100, 16000, 2, 0.5)), 16000), 16000, 2.15],
    ['FLAC (our writer)', async () => writeFlac([toInt16(square(100, 16000, 2, 0.5))], 16000), 16000, 2],
    ['Ogg/Opus (opusscript)', async () => (await writeOggOpus(toInt16(square(100, 48000, 2, 0.5)), 48000)).bytes, 48000, 2],
    ['Ogg/Vorbis (libvorbis)', () => writeOggVorbis(square(100, 44100, 2, 0.5), 44100), 44100, 2]
  ]
  for (const [name, make, rate, seconds] of cases) {
    it(`${name}: a ±0.5 square wave peaks near ±0.5 throughout`, async () => {
      const o = ready(await run(await make(), 100))
      expect(o.sampleRate).toBe(rate)
      expect(o.duration).toBeGreaterThanOrEqual(2 - 0.001)
      expect(o.duration).toBeLessThan(seconds + 0.001)
      expect(o.min.length).toBe(100)
      // Lossy codecs ring at the edges of a square wave; the middle buckets must carry it.
      for (let b = 10; b < 90; b++) {
        expect(o.max[b]! / FULL).toBeGreaterThan(0.4)
        expect(o.max[b]! / FULL).toBeLessThan(0.85)
        expect(o.min[b]! / FULL).toBeLessThan(-0.4)
      }
    })
  }

  it('FLAC is lossless: exactly ±0.5', async () => {
    const o = ready(await run(writeFlac([toInt16(square(100, 16000, 1, 0.5))], 16000), 50))
    expect(new Set(o.max)).toEqual(new Set([16384]))
    expect(o.duration).toBe(1)
  })
})

describe('audio that cannot be read is a reason, never a throw', () => {
  it('garbage, empty and unknown files', async () => {
    expect(await run(Buffer.from('not audio, just some words in a file'))).toEqual({ status: 'error', error: 'it is not a WAV, MP3, Ogg, FLAC or M4A file' })
    expect(await new PeaksJob(0, 100).end()).toEqual({ status: 'error', error: 'the file is empty' })
  })

  it('cut-off WAV, MP3, FLAC and Ogg files', async () => {
    // Off any frame boundary: an MP3 cut exactly between frames is simply a shorter MP3.
    const cut = (b: Uint8Array) => b.subarray(0, b.length - Math.floor(b.length / 3) - 7)
    const wave = square(100, 16000, 1, 0.5)
    const files = [
      writeWav([wave], 16000, { codec: 'pcm', bits: 16 }),
      await writeMp3(toInt16(wave), 16000),
      writeFlac([toInt16(wave)], 16000),
      (await writeOggOpus(toInt16(square(100, 48000, 1)), 48000)).bytes
    ]
    for (const f of files) expect(await run(cut(f))).toEqual({ status: 'error', error: 'the file is cut off before the end of its audio' })
  })

  it('a WAV header that promises audio it does not have, and one with no samples at all', async () => {
    const wav = writeWav([square(100, 8000, 0.1)], 8000, { codec: 'pcm', bits: 16 })
    expect(await run(wav.subarray(0, 40))).toMatchObject({ status: 'error' })
    const empty = writeWav([new Float32Array(0)], 8000, { codec: 'pcm', bits: 16 })
    expect(await run(empty)).toEqual({ status: 'error', error: 'it holds no audio' })
  })

  it('MP3 frames full of noise: the decoder reports it, the job says so', async () => {
    const mp3 = Buffer.from(await writeMp3(toInt16(square(100, 16000, 1)), 16000))
    // Keep the frame headers, scramble everything else.
    for (let i = 0; i < mp3.length; i++) if (i % 4 !== 0) mp3[i] = (i * 7919) & 0xff
    const o = await run(mp3)
    expect(o.status).toBe('error')
  })

  it('M4A is handed to the renderer without reading past its head', async () => {
    const m4a = writeM4a({ sampleRate: 44100, channels: 1, samples: 44100, moovFirst: false, mdatBytes: 300_000 })
    const job = new PeaksJob(m4a.length, 100)
    expect(await job.push(m4a.subarray(0, 64 * 1024))).toEqual({ status: 'needsRendererDecode', container: 'mp4' })
  })
})
