// Two entries of one name are a problem line naming both local headers (same-name.ts). The check
// is a hash table of its own, so these pin what it finds: every later copy, in listing order,
// against the first entry of its name, and nothing among thousands of distinct names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manyEntriesZip, renameBytes, workDir, zipBuffer, zipLayout } from '../../../../test/fixtures/archives'
import { openArchive } from '../index'
import { fixedBasisTwins, thueMorseTwins } from '../../../../test/fixtures/hash-flood'
import type { OpenContext } from '../context'
import type { ZipEntry } from './record'
import { reportDuplicateNames } from './same-name'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const open = async (buf: Buffer) => openArchive(await work.write(buf))

const duplicates = (a: Awaited<ReturnType<typeof openArchive>>) => a.problems.filter((p) => p.kind === 'duplicate-name').map((p) => [p.path, p.offsets])

describe('entries that share a name', () => {
  it('each later copy is reported once, in listing order, with the first copy’s header offset and its own', async () => {
    const buf = await zipBuffer([
      { name: 'x/a.wav', data: 'a1', compress: false },
      { name: 'b.csv', data: 'b1' },
      { name: 'x/a.wav', data: 'a2', compress: false },
      { name: 'c.txt', data: 'c' },
      { name: 'b.csv', data: 'b2' },
      { name: 'x/a.wav', data: 'a3', compress: false },
      // Same letters, other case: another name.
      { name: 'X/A.wav', data: 'a4', compress: false }
    ])
    const at = zipLayout(buf).entries.map((e) => e.local)
    const a = await open(buf)
    try {
      expect(a.entries).toHaveLength(7)
      expect(duplicates(a)).toEqual([
        ['x/a.wav', [at[0], at[2]]],
        ['b.csv', [at[1], at[4]]],
        ['x/a.wav', [at[0], at[5]]]
      ])
      expect(a.problems.find((p) => p.kind === 'duplicate-name')!.message).toBe(
        `x/a.wav is in the archive more than once (local headers at bytes ${at[0]} and ${at[2]}); tools differ on which copy they read, so Exportscope lists every copy.`
      )
    } finally {
      await a.close()
    }
  })

  it('a name that reads the same only once decoded (a backslash) is a copy of the plain one', async () => {
    const buf = renameBytes(await zipBuffer([
      { name: 'dir/file.txt', data: 'plain' },
      { name: 'dirXfile.txt', data: 'backslash' }
    ]), 'dirXfile', 'dir\\file')
    const at = zipLayout(buf).entries.map((e) => e.local)
    const a = await open(buf)
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['dir/file.txt', 'dir/file.txt'])
      expect(duplicates(a)).toEqual([['dir/file.txt', [at[0], at[1]]]])
    } finally {
      await a.close()
    }
  })

  it('finds every copy among thousands of names, where the table’s slots collide', async () => {
    const names = Array.from({ length: 3000 }, (_, i) => `d${i % 7}/clip-${i}.wav`)
    // Every 10th name comes again at the end, in reverse.
    const again = names.filter((_, i) => i % 10 === 3).reverse()
    const a = await open(await zipBuffer([...names, ...again].map((name) => ({ name, data: 'x', compress: false }))))
    try {
      const found = duplicates(a)
      expect(found.map(([path]) => path)).toEqual(again)
      // The first copy of each name is the one of the first 3,000 entries.
      const offsets = new Map(a.entries.slice(0, names.length).map((e) => [e.info.path, (e as unknown as { localOffset: number }).localOffset]))
      for (const [path, pair] of found) expect(pair![0]).toBe(offsets.get(path as string))
    } finally {
      await a.close()
    }
  })

  it('reports nothing for 70,000 distinct names', async () => {
    const path = work.path('many.zip')
    await manyEntriesZip(path, 70_000)
    const a = await openArchive(path)
    try {
      expect(a.entries).toHaveLength(70_000)
      expect(duplicates(a)).toEqual([])
    } finally {
      await a.close()
    }
  })

  it.each([
    ['built to one hash from the fixed basis', () => fixedBasisTwins('a/', 9, '.wav')],
    ['of one hash from any start (Thue-Morse blocks)', () => thueMorseTwins('a/', 9, '.wav')]
  ])('among 512 names %s, finds the same copies, comparing names a bounded number of times', async (_, namesOf) => {
    const names = namesOf()
    const again = [names[300]!, names[3]!, names[300]!]
    const a = await open(await zipBuffer([...names, ...again].map((name) => ({ name, data: 'x', compress: false }))))
    try {
      expect(duplicates(a).map(([path]) => path)).toEqual(again)
      // The check again, on entries whose path reads are counted (each name compare reads two).
      let reads = 0
      const entries = (a.entries as ZipEntry[]).map((e) => Object.create(e, { path: { get: () => (reads++, e.path) } }) as ZipEntry)
      const found: Array<[string, number[] | undefined]> = []
      const ctx = { problems: { add: (_kind: string, path: string, _message: string, offsets?: number[]) => found.push([path, offsets]) } } as unknown as OpenContext
      reportDuplicateNames(entries, ctx)
      expect(found).toEqual(duplicates(a))
      // flood-budget.ts allows 4,096 + 16 per name (515) probes, 12,336, each with at most one
      // compare; sorting reads each path once more. Comparing each name with every one before it read 263,000.
      expect(reads).toBeLessThanOrEqual(2 * 12_336 + 515 + 2 * 3)
    } finally {
      await a.close()
    }
  })
})
