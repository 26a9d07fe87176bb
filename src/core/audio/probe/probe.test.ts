import { describe, expect, it } from 'vitest'
import { probe } from './index'
import { sine, toInt16 } from '../testing/signals'
import { writeWav, type WavLayout } from '../testing/wav-writer'
import { writeFlac } from '../testing/flac-writer'
import { writeOggOpus, writeOggVorbis } from '../testing/ogg-writer'
import { writeM4a } from '../testing/mp4-writer'
import { withXing, writeMp3 } from '../testing/mp3-writer'
import { ffmpegEncode, hasFfmpeg, NO_FFMPEG } from '../testing/ffmpeg'
import type { AudioFailure, AudioProbe } from '../types'

const ok = (r: AudioProbe | AudioFailure): AudioProbe => {
  if ('error' in r) throw new Error(r.error)
  return r
}

const LAYOUTS: WavLayout[] = [
  { codec: 'pcm', bits: 8 },
  { codec: 'pcm', bits: 16 },
  { codec: 'pcm', bits: 24 },
  { codec: 'pcm', bits: 32 },
  { codec: 'float', bits: 32 },
  { codec: 'float', bits: 64 },
  { codec: 'mulaw', bits: 8 },
  { codec: 'alaw', bits: 8 },
  { codec: 'pcm', bits: 24, extensible: true },
  { codec: 'float', bits: 32, extensible: true },
  { codec: 'pcm', bits: 16, rf64: true },
  { codec: 'pcm', bits: 16, listBytes: 100_000 },
  { codec: 'pcm', bits: 16, dataSizeField: 0 }
]

describe('probe: WAV, by our own header reader', () => {
  for (const layout of LAYOUTS) {
    for (const channels of [1, 2]) {
      it(`${JSON.stringify(layout)} × ${channels} channel(s): exact duration, rate, channels and codec`, async () => {
        const wave = sine(440, 22050, 1.5)
        const bytes = writeWav(Array.from({ length: channels }, () => wave), 22050, layout)
        expect(ok(await probe(bytes))).toEqual({
          container: 'wav',
          codec: layout.codec,
          sampleRate: 22050,
          channels,
          bitsPerSample: layout.bits,
          duration: wave.length / 22050,
          exact: true,
          truncated: false,
          needsRendererDecode: false
        })
      })
    }
  }

  it('a cut-off WAV: flagged, with the duration of the whole frames still there', async () => {
    const bytes = writeWav([sine(440, 8000, 2)], 8000, { codec: 'pcm', bits: 16 })
    const cut = bytes.subarray(0, 44 + 8001)
    const p = ok(await probe(cut))
    expect(p.truncated).toBe(true)
    expect(p.duration).toBe(4000 / 8000)
  })

  it('garbage, an empty file, a header cut short and an unknown format tag are failures, not throws', async () => {
    expect(await probe(Buffer.from('this is not audio at all, only text pretending'))).toEqual({ error: 'audio could not be read: it is not a WAV, MP3, Ogg, FLAC or M4A file' })
    expect(await probe(new Uint8Array(0))).toEqual({ error: 'audio could not be read: the file is empty' })
    const wav = writeWav([sine(440, 8000, 0.1)], 8000, { codec: 'pcm', bits: 16 })
    expect((await probe(wav.subarray(0, 30))) as AudioFailure).toHaveProperty('error', expect.stringMatching(/^audio could not be read: /))
    const adpcm = Buffer.from(wav)
    adpcm.writeUInt16LE(2, 20)
    expect(await probe(adpcm)).toEqual({ error: 'audio could not be read: its WAV format tag 0x2 is not one this app decodes' })
  })
})

describe('probe: compressed formats from their headers', () => {
  it('MP3 without a frame count (lamejs): frames are counted, within one frame of what mpg123 decodes', async () => {
    const input = toInt16(sine(300, 16000, 3))
    const mp3 = await writeMp3(input, 16000)
    const p = ok(await probe(mp3))
    expect(p).toMatchObject({ container: 'mp3', codec: 'mp3', sampleRate: 16000, channels: 1, exact: true, truncated: false })
    const { MPEGDecoder } = await import('mpg123-decoder')
    const d = new MPEGDecoder()
    await d.ready
    const decoded = d.decode(mp3).samplesDecoded
    d.free()
    expect(Math.abs(p.duration! * 16000 - decoded)).toBeLessThanOrEqual(576)
    // lamejs adds its encoder delay and pads the last frame: never more than three frames over.
    expect(p.duration! - 3).toBeGreaterThanOrEqual(0)
    expect(p.duration! - 3).toBeLessThan((3 * 576) / 16000)
  })

  it('MP3 with a Xing header: the stated frame count gives the same duration without a scan', async () => {
    const mp3 = await writeMp3(toInt16(sine(300, 16000, 3)), 16000)
    const plain = ok(await probe(mp3))
    const reads: number[][] = []
    const xing = withXing(mp3)
    const p = ok(await probe({ size: xing.length, read: async (s, e) => (reads.push([s, e]), xing.subarray(s, e)) }))
    expect(p.duration).toBe(plain.duration)
    expect(reads).toEqual([[0, 64 * 1024]])
  })

  it('a cut-off MP3 is flagged', async () => {
    const mp3 = await writeMp3(toInt16(sine(300, 16000, 3)), 16000)
    expect(ok(await probe(mp3.subarray(0, mp3.length - 20))).truncated).toBe(true)
  })

  it('Ogg/Opus (opusscript): the last granule less the pre-skip, to the sample', async () => {
    const input = toInt16(sine(440, 48000, 2.345))
    const { bytes } = await writeOggOpus(input, 48000)
    expect(ok(await probe(bytes))).toEqual({ container: 'ogg', codec: 'opus', sampleRate: 48000, channels: 1, bitsPerSample: null, duration: input.length / 48000, exact: true, truncated: false, needsRendererDecode: false })
  })

  it('a cut-off Ogg: the last whole page gives the duration, and it is flagged', async () => {
    const { bytes } = await writeOggOpus(toInt16(sine(440, 48000, 2)), 48000)
    const p = ok(await probe(bytes.subarray(0, bytes.length - 30)))
    expect(p.truncated).toBe(true)
    expect(p.duration).toBeLessThan(2)
    expect(p.duration).toBeGreaterThan(1.9)
  })

  it('Ogg/Vorbis (libvorbis in wasm): within one block of the input', async () => {
    const input = sine(440, 44100, 1.75)
    const p = ok(await probe(await writeOggVorbis(input, 44100)))
    expect(p).toMatchObject({ codec: 'vorbis', sampleRate: 44100, channels: 1, exact: true })
    expect(Math.abs(p.duration! - 1.75)).toBeLessThan(2048 / 44100)
  })

  it('FLAC (our verbatim writer): STREAMINFO gives the exact length; 0 there means unknown', async () => {
    const input = toInt16(sine(440, 32000, 1.2345))
    expect(ok(await probe(writeFlac([input, input], 32000)))).toEqual({ container: 'flac', codec: 'flac', sampleRate: 32000, channels: 2, bitsPerSample: 16, duration: input.length / 32000, exact: true, truncated: false, needsRendererDecode: false })
    expect(ok(await probe(writeFlac([input], 32000, { totalInHeader: false })))).toMatchObject({ duration: null, exact: false })
  })

  for (const moovFirst of [true, false]) {
    for (const version of [0, 1] as const) {
      it(`M4A, moov ${moovFirst ? 'before' : 'after'} mdat, mdhd version ${version}: duration from mdhd, and the renderer must decode it`, async () => {
        const reads: number[][] = []
        const bytes = writeM4a({ sampleRate: 44100, channels: 2, samples: 441_000 + 1024, moovFirst, version, mdatBytes: 500_000 })
        const p = ok(await probe({ size: bytes.length, read: async (s, e) => (reads.push([s, e]), bytes.subarray(s, e)) }))
        expect(p).toEqual({ container: 'mp4', codec: 'aac', sampleRate: 44100, channels: 2, bitsPerSample: null, duration: 442_024 / 44100, exact: true, truncated: false, needsRendererDecode: true })
        // The mdat is stepped over, never read.
        expect(reads.reduce((n, [s, e]) => n + Math.min(e!, bytes.length) - s!, 0)).toBeLessThan(70_000)
      })
    }
  }

  it('an M4A cut inside its mdat: flagged when the moov came first, a failure when the moov was lost', async () => {
    const first = writeM4a({ sampleRate: 16000, channels: 1, samples: 16000, moovFirst: true, mdatBytes: 10_000 })
    expect(ok(await probe(first.subarray(0, first.length - 100))).truncated).toBe(true)
    const last = writeM4a({ sampleRate: 16000, channels: 1, samples: 16000, moovFirst: false, mdatBytes: 10_000 })
    expect(await probe(last.subarray(0, 5000))).toEqual({ error: 'audio could not be read: the file is cut off before its moov box' })
  })
})

// Under CI (.ci/run installs ffmpeg) these never skip: a missing ffmpeg fails them there.
const skipRealEncoders = !hasFfmpeg() && process.env.CI !== 'true'
describe.skipIf(skipRealEncoders)('probe: files from real encoders (ffmpeg)', () => {
  const wav = writeWav([sine(440, 44100, 2.5)], 44100, { codec: 'pcm', bits: 16 })

  it('MP3 with a LAME tag: gapless duration, exact to the sample', async () => {
    const p = ok(await probe(ffmpegEncode(wav, 'mp3', ['-c:a', 'libmp3lame', '-b:a', '64k'])))
    expect(p).toMatchObject({ codec: 'mp3', sampleRate: 44100, exact: true })
    expect(p.duration).toBeCloseTo(2.5, 4)
  })

  it('M4A/AAC (moov at the end, as ffmpeg writes it): within one AAC frame', async () => {
    const p = ok(await probe(ffmpegEncode(wav, 'm4a', ['-c:a', 'aac', '-b:a', '64k'])))
    expect(p).toMatchObject({ container: 'mp4', codec: 'aac', sampleRate: 44100, channels: 1, needsRendererDecode: true })
    expect(Math.abs(p.duration! - 2.5)).toBeLessThanOrEqual(1024 / 44100)
  })

  it('raw AAC (ADTS): frames are counted', async () => {
    const p = ok(await probe(ffmpegEncode(wav, 'aac', ['-c:a', 'aac', '-b:a', '64k'])))
    expect(p).toMatchObject({ container: 'adts', codec: 'aac', sampleRate: 44100, needsRendererDecode: true })
    expect(Math.abs(p.duration! - 2.5)).toBeLessThanOrEqual(2 * 1024 / 44100)
  })

  it('Opus and Vorbis from libopus/libvorbis, FLAC from libFLAC', async () => {
    const opus = ok(await probe(ffmpegEncode(wav, 'opus', ['-c:a', 'libopus'])))
    expect(opus).toMatchObject({ codec: 'opus', sampleRate: 48000 })
    expect(opus.duration).toBeCloseTo(2.5, 3)
    expect(ok(await probe(ffmpegEncode(wav, 'ogg', ['-c:a', 'libvorbis']))).duration).toBeCloseTo(2.5, 3)
    expect(ok(await probe(ffmpegEncode(wav, 'flac', ['-c:a', 'flac'])))).toMatchObject({ codec: 'flac', duration: 2.5 })
  })
})

if (skipRealEncoders) it.skip(`real-encoder files: ${NO_FFMPEG}`, () => {})
