import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXED_TIME, crcOf, manyEntriesZip, sparseZip64, workDir, writeZip } from '../../../test/fixtures/archives'
import { byPath, readAll } from '../../../test/fixtures/read'
import { openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const audio = randomBytes(300_000)
const json = Buffer.from(JSON.stringify({ recordings: Array.from({ length: 2000 }, (_, i) => ({ id: i, text: 'alexa, what is the weather' })) }))

describe('ZIP', () => {
  it('lists every file with its sizes, CRC, DOS local time, method and kind, and skips folder records', async () => {
    const path = work.path('plain.zip')
    await writeZip(path, [
      { name: 'Alexa/Voice/clip 1.wav', data: audio, compress: false },
      { name: 'Alexa/transcripts.json', data: json },
      { name: 'Alexa/readme.txt', data: 'hello' }
    ])
    const a = await openArchive(path)
    try {
      expect(a.format).toBe('zip')
      expect(a.problems).toEqual([])
      expect(a.parts).toEqual([{ path, bytes: a.bytes }])
      expect(a.entries.map((e) => e.info.path)).toEqual(['Alexa/Voice/clip 1.wav', 'Alexa/transcripts.json', 'Alexa/readme.txt'])
      const clip = byPath(a, 'Alexa/Voice/clip 1.wav').info
      expect(clip).toMatchObject({ size: audio.length, compressedSize: audio.length, crc32: crcOf(audio), method: 'stored', kind: 'audio', part: null, encrypted: false, unsafePath: false })
      expect(clip.localTime).toBe('2024-01-02T03:04:06')
      const data = byPath(a, 'Alexa/transcripts.json').info
      expect(data).toMatchObject({ size: json.length, method: 'deflate', kind: 'data' })
      expect(data.compressedSize).toBeLessThan(json.length / 10)
      expect(a.fingerprint).toMatch(/^fp1-\d+-[0-9a-f]{32}$/)
    } finally {
      await a.close()
    }
  })

  it('reads stored and deflated entries whole, and any byte range of either', async () => {
    const path = work.path('read.zip')
    await writeZip(path, [
      { name: 'a.wav', data: audio, compress: false },
      { name: 'b.json', data: json }
    ])
    const a = await openArchive(path)
    try {
      expect((await readAll(a, byPath(a, 'a.wav'))).equals(audio)).toBe(true)
      expect((await readAll(a, byPath(a, 'b.json'))).equals(json)).toBe(true)
      expect((await readAll(a, byPath(a, 'a.wav'), { start: 1000, end: 1999 })).equals(audio.subarray(1000, 2000))).toBe(true)
      expect((await readAll(a, byPath(a, 'b.json'), { start: 40_000, end: 40_099 })).equals(json.subarray(40_000, 40_100))).toBe(true)
      // An end past the entry is clamped, as an HTTP server would.
      expect((await readAll(a, byPath(a, 'a.wav'), { start: audio.length - 10, end: audio.length + 500 })).equals(audio.subarray(-10))).toBe(true)
      await expect(a.openEntry(byPath(a, 'a.wav'), { start: audio.length, end: audio.length + 5 })).rejects.toThrow(/starts past its end/)
      await expect(a.openEntry(byPath(a, 'a.wav'), { start: 5, end: 2 })).rejects.toThrow(/not a valid range/)
    } finally {
      await a.close()
    }
  })

  it('reads a forced Zip64 archive like any other', async () => {
    const path = work.path('zip64.zip')
    const buf = await writeZip(path, [{ name: 'x/one.mp3', data: audio }, { name: 'x/two.txt', data: 'two' }], { zip64: true })
    expect(buf.includes(Buffer.from([0x50, 0x4b, 0x06, 0x06]))).toBe(true)
    const a = await openArchive(path)
    try {
      expect(a.problems).toEqual([])
      expect((await readAll(a, byPath(a, 'x/one.mp3'))).equals(audio)).toBe(true)
      expect((await readAll(a, byPath(a, 'x/two.txt'))).toString()).toBe('two')
    } finally {
      await a.close()
    }
  })

  it('lists a Zip64 archive of more than 65,535 entries, reporting progress at least every 1000 entries', async () => {
    const path = work.path('many.zip')
    await manyEntriesZip(path, 70_000)
    const seen: number[] = []
    const a = await openArchive(path, { onProgress: (p) => seen.push(p.entries) })
    try {
      expect(a.entries.length).toBe(70_000)
      expect(a.problems).toEqual([])
      expect(a.entries[69_999]!.info.path).toBe('d69/f69999.txt')
      expect((await readAll(a, a.entries[69_999]!)).toString()).toBe('x')
      const gaps = seen.slice(1).map((n, i) => n - seen[i]!)
      expect(Math.max(...gaps)).toBeLessThanOrEqual(1000)
      expect(seen.at(-1)).toBe(70_000)
    } finally {
      await a.close()
    }
  }, 60_000)

  it('opens an archive over 4 GiB with an entry over 4 GiB, reading by offset past the 4 GiB mark', async () => {
    const path = work.path('huge.zip')
    const markerAt = 4 * 1024 ** 3 + 12_345
    const { bigSize, small } = await sparseZip64(path, 'MARKER', markerAt)
    const a = await openArchive(path)
    try {
      expect(a.bytes).toBeGreaterThan(bigSize)
      expect(a.problems).toEqual([])
      expect(byPath(a, 'big.wav').info.size).toBe(bigSize)
      expect((await readAll(a, byPath(a, 'big.wav'), { start: markerAt, end: markerAt + 5 })).toString()).toBe('MARKER')
      expect((await readAll(a, byPath(a, 'after.txt'))).toString()).toBe(small)
    } finally {
      await a.close()
    }
  })

  it('keeps time and names from the archive, not from this machine', async () => {
    const path = work.path('names.zip')
    await writeZip(path, [{ name: 'Überweisung/Ansage für Jörg.wav', data: 'x', mtime: new Date(FIXED_TIME.getTime() + 60_000) }])
    const a = await openArchive(path)
    try {
      expect(a.entries[0]!.info).toMatchObject({ path: 'Überweisung/Ansage für Jörg.wav', localTime: '2024-01-02T03:05:06', flags: 0x800 })
    } finally {
      await a.close()
    }
  })
})
