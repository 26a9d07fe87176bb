import { writeFile } from 'node:fs/promises'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { tarGzBuffer, workDir, type TarSpec } from '../../../../test/fixtures/archives'
import { byPath, readAll } from '../../../../test/fixtures/read'
import { gunzipWork } from '../gunzip-cursor'
import { openArchive } from '../index'
import { accessPoints } from '../tar'
import { gzipSync } from 'node:zlib'
import { GunzipCursor } from '../gunzip-cursor'
import { FileSource } from '../source'
import { GzipIndex, indexWork } from './gzip-index'
import type { WindowStore } from './windows'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())
afterEach(() => {
  accessPoints.span = 1024 * 1024
})

// Text-like entries (seeded words), so gzip writes Huffman blocks that end anywhere in a byte.
const WORDS = ['alexa', 'what', 'is', 'the', 'weather', 'in', 'Berlin', 'tomorrow', 'play', 'music', 'stop', 'Küche', 'timer', 'for', 'ten', 'minutes']
function text(bytes: number, seed: number): Buffer {
  let s = seed
  const out: string[] = []
  let n = 0
  while (n < bytes) {
    s = (s * 48271) % 2147483647
    const w = `${WORDS[s % WORDS.length]}${s % 7 === 0 ? `${s % 1000}` : ''}`
    out.push(w)
    n += w.length + 1
  }
  return Buffer.from(out.join(' ')).subarray(0, bytes)
}

const files: TarSpec[] = Array.from({ length: 24 }, (_, i) => ({ name: `Alexa/transcript-${i}.txt`, data: text(150_000 + i * 1000, i + 1) }))

describe('zran access points past the temp copy', () => {
  it('reads every entry exactly in any order; a read behind the cursor inflates at most a span besides its own bytes', async () => {
    const path = work.path('text.tgz')
    await writeFile(path, await tarGzBuffer(files))
    accessPoints.span = 200_000
    const a = await openArchive(path, { limits: { maxSpillBytes: 500_000 } })
    try {
      // In archive order first: one forward cursor, no index.
      for (const f of files) expect((await readAll(a, byPath(a, f.name))).equals(f.data as Buffer)).toBe(true)
      const stream = 512 * (1 + 2 * files.length) + files.reduce((sum, f) => sum + (f.data as Buffer).length, 0)
      const indexed = indexWork.inflated
      // Backwards: each read goes behind the kept cursor, so access points are made (once) and used.
      for (const f of [...files].reverse()) {
        const before = gunzipWork.inflated
        expect((await readAll(a, byPath(a, f.name))).equals(f.data as Buffer)).toBe(true)
        const size = (f.data as Buffer).length
        if (files.indexOf(f) > 6) expect(gunzipWork.inflated - before).toBeLessThanOrEqual(size + 200_000 + 2 * 65_536 + 512)
      }
      expect(indexWork.inflated - indexed).toBeLessThanOrEqual(stream + 65_536)
      // Ranges inside entries, anywhere past the copy.
      for (const i of [20, 9, 15, 4, 23]) {
        const data = files[i]!.data as Buffer
        expect((await readAll(a, byPath(a, files[i]!.name), { start: 1234 + i, end: 99_999 })).equals(data.subarray(1234 + i, 100_000))).toBe(true)
      }
    } finally {
      await a.close()
    }
  })
})

describe('GzipIndex', () => {
  it('keeps points at block boundaries inside a byte, and a cursor from each one inflates exactly what follows it', async () => {
    const raw = Buffer.concat(Array.from({ length: 12 }, (_, i) => text(100_000, 77 + i)))
    const path = work.path('plain.gz')
    await writeFile(path, gzipSync(raw))
    const source = await FileSource.open(path)
    const windows: Buffer[] = []
    const store: WindowStore = { put: async (w) => windows.push(Buffer.from(w)) - 1, get: async (at) => windows[at]!, close: async () => undefined }
    const index = new GzipIndex(source, 150_000, 100_000, store)
    try {
      await index.advanceTo(raw.length)
      expect(index.done).toBe(true)
      expect(index.points.length).toBeGreaterThanOrEqual(5)
      expect(index.points.every((p, i) => p.out >= 150_000 && (i === 0 || p.out - index.points[i - 1]!.out >= 100_000))).toBe(true)
      // Most blocks end inside a byte: the bit shift is what makes these points usable.
      expect(index.points.some((p) => p.bits !== 0)).toBe(true)
      for (const p of index.points) {
        const cursor = new GunzipCursor(source, { ...p, window: await store.get(p.window) })
        const chunks: Buffer[] = []
        for await (const c of cursor.slice(p.out, p.out + 50_000)) chunks.push(c)
        cursor.destroy()
        expect(Buffer.concat(chunks).equals(raw.subarray(p.out, p.out + 50_000))).toBe(true)
      }
      expect(index.before(149_999)).toBeNull()
      expect(index.before(raw.length)).toBe(index.points.at(-1))
    } finally {
      index.end()
      await source.close()
    }
  })
})
