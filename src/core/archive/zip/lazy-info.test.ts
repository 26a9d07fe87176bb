import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { crcOf, renameBytes, setField, workDir, zipBuffer, zipLayout } from '../../../../test/fixtures/archives'
import { createExportView } from '../../providers/export-view'
import { openArchive } from '../index'
import { compressedSizeOf, crc32Of, kindOf, partOf, pathOf, sizeOf, type ArchiveEntry, type OpenedArchive } from '../types'
import { EntryKindSchema } from '../../../shared/model/archive'
import { KINDS, ZipEntry } from './record'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

/** Whether a ZIP entry has made its info object yet (its rows keep it once made: the point of the class is not to). */
const made = (e: ArchiveEntry): boolean => e instanceof ZipEntry && e.container.rows.info(e.row) !== null

/** Data whose CRC-32 is 2^31 or more, so the info's crc32 is not a small integer. */
function highCrcData(): Buffer {
  for (;;) {
    const data = randomBytes(64)
    if (crcOf(data) >= 2 ** 31) return data
  }
}

async function open(buf: Buffer, name: string): Promise<OpenedArchive> {
  const path = work.path(name)
  await writeFile(path, buf)
  return openArchive(path)
}

/** What the accessors say of an entry, read before its info is asked for. */
const accessors = (e: ArchiveEntry) => ({ path: pathOf(e), part: partOf(e), kind: kindOf(e), size: sizeOf(e), compressedSize: compressedSizeOf(e), crc32: crc32Of(e) })

describe("ZIP entries' info made on demand", () => {
  it('keeps every kind the contract knows in its kind column', () => {
    expect([...KINDS].sort()).toEqual([...EntryKindSchema.options].sort())
  })

  it('listing, the export view and the fingerprint make no info; each info says what the accessors say, and is made once', async () => {
    const high = highCrcData()
    const inner = await zipBuffer([{ name: 'deep/clip.wav', data: high, compress: false }])
    let buf = await zipBuffer([
      { name: 'Alexa/Audio/One.WAV', data: randomBytes(4000), compress: false, mtime: new Date(2023, 5, 7, 8, 9, 10) },
      { name: 'Alexa/history.csv', data: 'a,b\n'.repeat(500) },
      { name: 'secret.json', data: '{"x":1}' },
      { name: 'xx/evil.wav', data: 'evil', compress: false },
      { name: 'high.bin', data: high, compress: false },
      { name: 'inner.zip', data: inner, compress: false }
    ])
    buf = setField(renameBytes(buf, 'xx/evil', '../evil'), 'secret.json', 'flags', 0x801)
    const a = await open(buf, 'lazy.zip')
    try {
      const view = createExportView(a)
      expect(a.fingerprint).toMatch(/^fp1-/)
      expect(view.entries.map((v) => [v.path, v.part, v.audio])).toHaveLength(a.entries.length)
      const zipEntries = a.entries.filter((e) => e instanceof ZipEntry)
      expect(zipEntries).toHaveLength(7)
      // The listing read the headers of the entries it could not defer (not stored audio): those infos only.
      const untouched = zipEntries.filter((e) => !made(e))
      expect(untouched.map(pathOf)).toEqual(expect.arrayContaining(['Alexa/Audio/One.WAV', 'inner.zip!/deep/clip.wav']))
      const before = new Map(a.entries.map((e) => [e, accessors(e)]))
      for (const e of untouched) expect(made(e)).toBe(false)
      for (const e of a.entries) {
        const info = e.info
        expect(made(e)).toBe(true)
        expect(e.info).toBe(info)
        expect({ path: info.path, part: info.part, kind: info.kind, size: info.size, compressedSize: info.compressedSize, crc32: info.crc32 }).toEqual(before.get(e))
      }
      const info = (path: string) => a.entries.find((e) => pathOf(e) === path)!.info
      expect(info('Alexa/Audio/One.WAV')).toMatchObject({ size: 4000, compressedSize: 4000, method: 'stored', kind: 'audio', localTime: '2023-06-07T08:09:10', encrypted: false, unsafePath: false, part: null })
      expect(info('Alexa/history.csv')).toMatchObject({ size: 2000, method: 'deflate', kind: 'data', crc32: crcOf('a,b\n'.repeat(500)) })
      expect(info('secret.json')).toMatchObject({ encrypted: true, flags: 0x801, kind: 'data' })
      expect(info('../evil.wav')).toMatchObject({ unsafePath: true, kind: 'audio' })
      expect(info('high.bin').crc32).toBe(crcOf(high))
      expect(info('inner.zip!/deep/clip.wav')).toMatchObject({ crc32: crcOf(high), size: high.length, kind: 'audio' })
    } finally {
      await a.close()
    }
  })

  it('entries recovered from local headers (the directory cut off) answer the same as their info', async () => {
    const full = await zipBuffer([
      { name: 'a.wav', data: randomBytes(3000), compress: false },
      { name: 'b.json', data: '{"b":2}'.repeat(100) }
    ])
    const a = await open(full.subarray(0, zipLayout(full).centralStart), 'cut.zip')
    try {
      expect(a.entries.map(pathOf)).toEqual(['a.wav', 'b.json'])
      for (const e of a.entries) {
        const seen = accessors(e)
        expect({ path: e.info.path, part: e.info.part, kind: e.info.kind, size: e.info.size, compressedSize: e.info.compressedSize, crc32: e.info.crc32 }).toEqual(seen)
      }
      expect(a.entries[0]!.info).toMatchObject({ size: 3000, method: 'stored', kind: 'audio' })
    } finally {
      await a.close()
    }
  })
})
