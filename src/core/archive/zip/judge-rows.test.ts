// The checks after listing read an entry's rows (rows.ts, setListed) when entry i is row i, and the
// entries themselves otherwise (alignedRows). A listing cut short by maxEntries keeps one row more
// than it has entries, so it takes the other way: both must find the same problems and refuse the
// same entries.
import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setField, workDir, zipBuffer } from '../../../../test/fixtures/archives'
import { openArchive } from '../index'
import type { IndexedEntry } from '../entry'
import type { ArchiveEntry } from '../types'
import { alignedRows, type ZipEntry } from './record'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

async function hostile(): Promise<Buffer> {
  let buf = await zipBuffer([
    { name: 'a/1.wav', data: randomBytes(3000), compress: false },
    { name: 'a/2.wav', data: randomBytes(3000), compress: false },
    { name: 'b.csv', data: 'x,y\n'.repeat(500) },
    { name: 'b.csv', data: 'x,y\n'.repeat(400) },
    { name: 'bomb.txt', data: 'z'.repeat(5000) },
    { name: 'a/3.wav', data: randomBytes(3000), compress: false },
    { name: 'README.txt', data: 'read me' }
  ])
  // A stored clip whose sizes (both headers) run past the end of the file.
  buf = setField(setField(buf, 'a/3.wav', 'compressedSize', 10_000_000), 'a/3.wav', 'uncompressedSize', 10_000_000)
  // Sizes that make a zip bomb of a deflated entry, and a stored one whose two sizes differ.
  buf = setField(buf, 'bomb.txt', 'uncompressedSize', 4_000_000_000)
  buf = setField(buf, 'a/2.wav', 'uncompressedSize', 2999)
  return buf
}

const refusals = (entries: readonly ArchiveEntry[]) => entries.map((e) => [e.info.path, (e as IndexedEntry).refused?.reason ?? null])

describe('judging from rows or from entries', () => {
  it('finds the same problems and refuses the same entries', async () => {
    const path = work.path('hostile.zip')
    await writeFile(path, await hostile())
    const whole = await openArchive(path)
    // One entry fewer: the listing keeps the row of the entry it did not admit.
    const cut = await openArchive(path, { limits: { maxEntries: 6 } })
    try {
      expect(alignedRows(whole.entries as ZipEntry[])).not.toBeNull()
      expect(alignedRows(cut.entries as ZipEntry[])).toBeNull()
      const kinds = whole.problems.map((p) => p.kind)
      for (const kind of ['truncated', 'zip-bomb', 'size-mismatch', 'duplicate-name']) expect(kinds).toContain(kind)
      // The clip that runs past the end overlaps README.txt, which the cut listing does not hold.
      const withoutReadme = (a: typeof whole) => a.problems.filter((p) => p.kind !== 'limit' && !p.message.includes('README.txt'))
      expect(withoutReadme(cut)).toEqual(withoutReadme(whole))
      expect(refusals(cut.entries).slice(0, 5)).toEqual(refusals(whole.entries).slice(0, 5))
      expect(refusals(cut.entries)[5]).toEqual(['a/3.wav', 'damaged'])
      expect(refusals(whole.entries).filter(([, r]) => r !== null).map(([p]) => p)).toEqual(['a/2.wav', 'bomb.txt', 'a/3.wav', 'README.txt'])
    } finally {
      await whole.close()
      await cut.close()
    }
  })
})
