import { readFile, mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive } from '../archive'
import { readExport } from '../providers'
import { createRandom } from './random'
import { synthesizeSpeech } from './speech'
import { encodeWav } from './wav'
import { encodeMp3 } from './mp3'
import { buildExport, createSampleExport, generateExport } from '.'

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exportscope-gen-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

const clips = { sampleRate: 8000, maxSeconds: 0.5 }

describe('the speech synthesiser', () => {
  const pcm = synthesizeSpeech('wie wird das Wetter morgen in Hamburg', { f0: 200, formantScale: 1.15 }, createRandom(1), 16_000, 4)
  const frames = Array.from({ length: Math.floor(pcm.length / 320) }, (_, i) => {
    let sum = 0
    for (let j = i * 320; j < (i + 1) * 320; j++) sum += pcm[j]! * pcm[j]!
    return Math.sqrt(sum / 320)
  })

  it('makes a clip of a few seconds that is loud where it speaks and quiet between words', () => {
    expect(pcm.length / 16_000).toBeGreaterThan(1.5)
    expect(pcm.length / 16_000).toBeLessThanOrEqual(4)
    const loud = frames.filter((f) => f > 2000).length / frames.length
    const quiet = frames.filter((f) => f < 200).length / frames.length
    expect(loud).toBeGreaterThan(0.3)
    expect(quiet).toBeGreaterThan(0.05)
  })

  it('changes pitch with the voice: a lower voice crosses zero less often', () => {
    const crossings = (x: Int16Array) => x.reduce((n, v, i) => n + (i > 0 && (x[i - 1]! < 0) !== (v < 0) ? 1 : 0), 0)
    const low = synthesizeSpeech('aaaa', { f0: 100, formantScale: 1 }, createRandom(2), 16_000)
    const high = synthesizeSpeech('aaaa', { f0: 220, formantScale: 1.15 }, createRandom(2), 16_000)
    expect(crossings(low) / low.length).toBeLessThan(crossings(high) / high.length)
  })

  it('writes a PCM WAV header that says 16-bit mono at the given rate, and MP3 frames', async () => {
    const wav = encodeWav(pcm, 16_000)
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF')
    expect([wav.readUInt16LE(20), wav.readUInt16LE(22), wav.readUInt32LE(24), wav.readUInt16LE(34), wav.readUInt32LE(40)]).toEqual([1, 1, 16_000, 16, pcm.length * 2])
    const mp3 = await encodeMp3(pcm.subarray(0, 16_000), 16_000)
    expect(mp3[0]).toBe(0xff)
    expect(mp3[1]! & 0xe0).toBe(0xe0)
    expect(mp3.length).toBeGreaterThan(1000)
  })
})

describe('the export generator', () => {
  it.each([
    ['amazon', 'current', 'unregistered-device'],
    ['amazon', '2018', 'seed'],
    ['google', undefined, 'second-account']
  ] as const)('gives the same bytes for the same seed (%s %s)', async (provider, layout, kind) => {
    const a = await generateExport({ provider, layout, own: 3, foreign: 2, kind, seed: 7, clips }, join(dir, `a-${provider}-${kind}.zip`))
    const b = await generateExport({ provider, layout, own: 3, foreign: 2, kind, seed: 7, clips }, join(dir, `b-${provider}-${kind}.zip`))
    expect((await readFile(a.paths[0]!)).equals(await readFile(b.paths[0]!))).toBe(true)
    expect(JSON.parse(await readFile(a.truthPath, 'utf8'))).toEqual(a.truth)
    const c = await buildExport({ provider, layout, own: 3, foreign: 2, kind, seed: 8, clips })
    expect(c.truth.recordings.map((r) => r.time)).not.toEqual(a.truth.recordings.map((r) => r.time))
  })

  it('writes a truth file that counts what it planted', async () => {
    const { truth } = await buildExport({ provider: 'amazon', own: 5, foreign: 3, kind: 'combined', seed: 3, clips })
    expect(truth.counts).toMatchObject({ recordings: 8, foreign: 3, devices: 4, registeredDevices: 3 })
    expect(new Set(truth.recordings.filter((r) => r.foreign).flatMap((r) => r.reasons))).toEqual(new Set(['unregistered-device', 'foreign-customer-id', 'other-language', 'other-city', 'unknown-names']))
    expect(truth.recordings.filter((r) => !r.foreign).every((r) => r.reasons.length === 0)).toBe(true)
  })

  it('refuses a kind that does not fit the provider', async () => {
    await expect(buildExport({ provider: 'google', own: 1, foreign: 1, kind: 'unregistered-device' })).rejects.toThrow(/does not apply to google/)
  })
})

describe('createSampleExport', () => {
  it('makes a small Amazon export the app can open: own recordings on registered devices and one foreign device', async () => {
    const sample = await createSampleExport(join(dir, 'my-sample.zip'))
    expect(sample.paths).toEqual([join(dir, 'my-sample.zip')])
    expect((await stat(sample.paths[0]!)).size).toBeLessThan(3 * 1024 * 1024)
    const archive = await openArchive(sample.paths[0]!, {})
    try {
      const reading = await readExport(archive)
      expect(reading.recordings).toHaveLength(13)
      const unregistered = reading.devices.filter((d) => !d.registered)
      expect(unregistered).toHaveLength(1)
      expect(unregistered[0]!.recordings).toBe(5)
      expect(reading.devices.filter((d) => d.registered)).toHaveLength(3)
      expect(reading.recordings.every((r) => r.audio !== null && r.transcript !== null)).toBe(true)
    } finally {
      await archive.close()
    }
  })
})
