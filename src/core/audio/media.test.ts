import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive, type OpenedArchive } from '../archive'
import { workDir, writeZip } from '../../../test/fixtures/archives'
import { serveMedia } from './media'
import { parseRange } from './media-range'
import { sine } from './testing/signals'
import { writeWav } from './testing/wav-writer'

const collect = async (s: AsyncIterable<unknown>): Promise<Buffer> => {
  const parts: Buffer[] = []
  for await (const c of s) parts.push(c as Buffer)
  return Buffer.concat(parts)
}

// A WAV with noise-like content so deflate cannot shrink it to nothing, and every byte differs by position.
const original = writeWav([sine(431, 16000, 3, 0.7), sine(97, 16000, 3, 0.3)], 16000, { codec: 'pcm', bits: 16 })
const size = original.length

let work: Awaited<ReturnType<typeof workDir>>
let archive: OpenedArchive
beforeAll(async () => {
  work = await workDir()
  await writeZip(work.path('export.zip'), [
    { name: 'audio/stored.wav', data: original, compress: false },
    { name: 'audio/deflated.wav', data: original, compress: true },
    { name: 'audio/no-extension', data: original, compress: true },
    { name: 'audio/empty.mp3', data: Buffer.alloc(0), compress: false }
  ])
  archive = await openArchive(work.path('export.zip'))
})
afterAll(async () => {
  await archive?.close()
  await work?.done()
})

const entry = (name: string) => archive.entries.find((e) => e.info.path === name)!

describe('serveMedia: HTTP Range straight out of the archive', () => {
  for (const name of ['audio/stored.wav', 'audio/deflated.wav']) {
    describe(name, () => {
      const cases: [string, number, number][] = [
        ['bytes=0-0', 0, 0],
        [`bytes=${size - 1}-${size - 1}`, size - 1, size - 1],
        ['bytes=1000-54321', 1000, 54321],
        ['bytes=-500', size - 500, size - 1],
        ['bytes=100-', 100, size - 1],
        [`bytes=${size - 10}-${size + 1000}`, size - 10, size - 1],
        [`bytes=-${size * 2}`, 0, size - 1]
      ]
      for (const [header, start, end] of cases) {
        it(`${header} → 206 with exactly those bytes of the original`, async () => {
          const r = await serveMedia(archive, entry(name), header)
          expect(r.status).toBe(206)
          expect(r.headers).toMatchObject({ 'Content-Type': 'audio/wav', 'Accept-Ranges': 'bytes', 'Content-Range': `bytes ${start}-${end}/${size}`, 'Content-Length': String(end - start + 1) })
          expect((await collect(r.body)).equals(original.subarray(start, end + 1))).toBe(true)
        })
      }

      it('random ranges all equal the same slices of the original', async () => {
        let seed = 7
        const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n)
        for (let i = 0; i < 25; i++) {
          const a = rand(size)
          const b = a + rand(size - a)
          const r = await serveMedia(archive, entry(name), `bytes=${a}-${b}`)
          expect((await collect(r.body)).equals(original.subarray(a, b + 1))).toBe(true)
        }
      })

      it('no Range → 200 with the whole file', async () => {
        const r = await serveMedia(archive, entry(name), undefined)
        expect(r.status).toBe(200)
        expect(r.headers['Content-Length']).toBe(String(size))
        expect(r.headers['Content-Range']).toBeUndefined()
        expect((await collect(r.body)).equals(original)).toBe(true)
      })

      it('a range past the end → 416 with the size', async () => {
        for (const header of [`bytes=${size}-`, `bytes=${size + 5}-${size + 10}`, 'bytes=-0']) {
          const r = await serveMedia(archive, entry(name), header)
          expect(r.status).toBe(416)
          expect(r.headers['Content-Range']).toBe(`bytes */${size}`)
          expect(await collect(r.body)).toHaveLength(0)
        }
      })
    })
  }

  it('the type comes from the bytes when the name says nothing', async () => {
    expect((await serveMedia(archive, entry('audio/no-extension'), 'bytes=0-1')).headers['Content-Type']).toBe('audio/wav')
    const empty = await serveMedia(archive, entry('audio/empty.mp3'), undefined)
    expect(empty).toMatchObject({ status: 200, headers: { 'Content-Type': 'audio/mpeg', 'Content-Length': '0' } })
    expect((await serveMedia(archive, entry('audio/empty.mp3'), 'bytes=0-')).status).toBe(416)
  })
})

describe('parseRange', () => {
  it('ignores what it may ignore and refuses what it must', () => {
    expect(parseRange('bytes=0-1,5-6', 100)).toEqual({ kind: 'full' })
    expect(parseRange('items=0-1', 100)).toEqual({ kind: 'full' })
    expect(parseRange('bytes=5-2', 100)).toEqual({ kind: 'full' })
    expect(parseRange('bytes=-', 100)).toEqual({ kind: 'full' })
    expect(parseRange('bytes=100-', 100)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' })
    expect(parseRange(' bytes = 2 - 3 ', 100)).toEqual({ kind: 'partial', start: 2, end: 3 })
  })

  it('answers a header of thousands of spaces at once, as one it may ignore (its pattern took the cube of them)', () => {
    expect(parseRange(`bytes=${'\t'.repeat(5000)}-${'\t'.repeat(5000)}-`, 100)).toEqual({ kind: 'full' })
    expect(parseRange(`bytes=${' '.repeat(5000)}2-3`, 100)).toEqual({ kind: 'full' })
    expect(parseRange('bytes=9007199254740990-9007199254740991', 2 ** 53)).toEqual({ kind: 'partial', start: 9007199254740990, end: 9007199254740991 })
  })
})
