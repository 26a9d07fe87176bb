import { createHash, randomBytes } from 'node:crypto'
import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { manyEntriesZip, setField, workDir, zipBuffer } from '../../../test/fixtures/archives'
import { byPath, readAll } from '../../../test/fixtures/read'
import type { OpenProgress } from './types'
import { EntryReadError, openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const sha = (buf: Buffer) => createHash('sha256').update(buf).digest('hex')

describe('opening an export', () => {
  it('never changes the archive: same bytes and same mtime after opening and reading every entry', async () => {
    const inner = await zipBuffer([{ name: 'x.wav', data: randomBytes(20_000) }])
    const path = work.path('readonly.zip')
    await writeFile(
      path,
      setField(await zipBuffer([
        { name: 'a.wav', data: randomBytes(40_000), compress: false },
        { name: 'deflated.zip', data: inner },
        { name: 'stored.zip', data: inner, compress: false },
        { name: 'bad.txt', data: 'crc will not match' }
      ]), 'bad.txt', 'crc32', 7)
    )
    const old = new Date('2020-05-06T07:08:09Z')
    await utimes(path, old, old)
    const before = { hash: sha(await readFile(path)), mtime: (await stat(path)).mtimeMs }

    const a = await openArchive(path)
    for (const e of a.entries) await readAll(a, e).catch(() => undefined)
    await readAll(a, a.entries[0]!, { start: 10, end: 20 })
    await a.close()

    expect(sha(await readFile(path))).toBe(before.hash)
    expect((await stat(path)).mtimeMs).toBe(before.mtime)
  })

  it('reports progress through its phases, ending with done', async () => {
    const path = work.path('progress.zip')
    await writeFile(path, await zipBuffer([{ name: 'in.zip', data: await zipBuffer([{ name: 'x', data: 'x' }]) }, { name: 'y', data: 'y' }]))
    const seen: OpenProgress[] = []
    const a = await openArchive(path, { onProgress: (p) => seen.push(p) })
    await a.close()
    expect(seen[0]!.phase).toBe('listing')
    expect(seen.map((p) => p.phase)).toContain('nested')
    expect(seen.at(-1)).toEqual({ phase: 'done', entries: 3, bytes: a.bytes, totalBytes: a.bytes })
    for (let i = 1; i < seen.length; i++) expect(seen[i]!.bytes).toBeGreaterThanOrEqual(seen[i - 1]!.bytes)
  })

  it('stops promptly with an AbortError when cancelled, before or during the listing', async () => {
    const path = work.path('abort.zip')
    await manyEntriesZip(path, 30_000)
    const early = new AbortController()
    early.abort()
    await expect(openArchive(path, { signal: early.signal })).rejects.toMatchObject({ name: 'AbortError' })

    const during = new AbortController()
    let entriesWhenAborted = 0
    const started = Date.now()
    const err = await openArchive(path, {
      signal: during.signal,
      onProgress: (p) => {
        if (p.entries >= 2000 && !during.signal.aborted) {
          entriesWhenAborted = p.entries
          during.abort()
        }
      }
    }).catch((e: unknown) => e)
    expect(err).toMatchObject({ name: 'AbortError' })
    expect(entriesWhenAborted).toBeGreaterThan(0)
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('lists no more than limits.maxEntries, and says so', async () => {
    const path = work.path('limit.zip')
    await manyEntriesZip(path, 2500)
    const a = await openArchive(path, { limits: { maxEntries: 1000 } })
    try {
      expect(a.entries).toHaveLength(1000)
      expect(a.problems).toEqual([{ kind: 'limit', path: null, message: 'The export lists more than 1000 entries; only the first 1000 are shown.' }])
    } finally {
      await a.close()
    }
  })

  it('reads only its own entries, and none after close', async () => {
    const one = work.path('one.zip')
    const two = work.path('two.zip')
    await writeFile(one, await zipBuffer([{ name: 'same.txt', data: 'one' }]))
    await writeFile(two, await zipBuffer([{ name: 'same.txt', data: 'two' }]))
    const a = await openArchive(one)
    const b = await openArchive(two)
    try {
      await expect(a.openEntry(b.entries[0]!)).rejects.toMatchObject({ reason: 'not-ours' })
      await expect(a.openEntry({ info: a.entries[0]!.info })).rejects.toBeInstanceOf(EntryReadError)
      expect((await readAll(a, byPath(a, 'same.txt'))).toString()).toBe('one')
    } finally {
      await a.close()
      await b.close()
    }
    await expect(a.openEntry(a.entries[0]!)).rejects.toThrow(/was closed/)
    await a.close()
  })

  it('gives the same fingerprint for the same export, and a different one for another', async () => {
    const p1 = work.path('fp1.zip')
    const p2 = work.path('fp2.zip')
    await writeFile(p1, await zipBuffer([{ name: 'a.txt', data: 'a' }]))
    await writeFile(p2, await zipBuffer([{ name: 'a.txt', data: 'b' }]))
    const [a, again, other] = await Promise.all([openArchive(p1), openArchive(p1), openArchive(p2)])
    expect(a.fingerprint).toBe(again.fingerprint)
    expect(a.fingerprint).not.toBe(other.fingerprint)
    await Promise.all([a.close(), again.close(), other.close()])
  })
})
