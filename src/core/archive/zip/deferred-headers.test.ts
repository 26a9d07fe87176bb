// Stored audio has its local header checked on its first read, not at listing (verify.ts,
// deferrable): a scan of 100,000 clips then reads no header of theirs. The checks and problem lines
// are the same, only later; these pin what a hostile ZIP still meets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setCentralOffset, setField, workDir, zipBuffer, zipLayout } from '../../../../test/fixtures/archives'
import { byPath, kindsOf, readAll, readFailure } from '../../../../test/fixtures/read'
import { EntryReadError, openArchive } from '../index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const audio = Buffer.alloc(40_000, 0x11)
const json = JSON.stringify({ said: 'x'.repeat(3000) })
const three = () =>
  zipBuffer([
    { name: 'Audio/a.wav', data: audio, compress: false },
    { name: 'b.json', data: json },
    { name: 'Audio/c.wav', data: Buffer.alloc(5000, 0x22), compress: false }
  ])

const open = async (buf: Buffer) => openArchive(await work.write(buf))

const reasonOf = (err: Error) => (err instanceof EntryReadError ? err.reason : `not an EntryReadError: ${err.message}`)

describe('stored audio whose local header is checked on first read', () => {
  it('reads that start together all wait for the one check (none finds the data unplaced)', async () => {
    const a = await open(await three())
    try {
      const e = byPath(a, 'Audio/a.wav')
      const head = async () => {
        const chunks: Buffer[] = []
        for await (const c of await a.openEntry(e, { start: 0, end: 99 })) chunks.push(c as Buffer)
        return Buffer.concat(chunks)
      }
      const got = await Promise.all([head(), head(), head()])
      for (const b of got) expect(b.equals(audio.subarray(0, 100))).toBe(true)
      expect(a.problems).toEqual([])
    } finally {
      await a.close()
    }
  })

  it('a size only the local header changes: no problem at listing; the read is refused and the problem joins the list', async () => {
    const a = await open(setField(setField(await three(), 'Audio/a.wav', 'compressedSize', 39_000, 'local'), 'Audio/a.wav', 'uncompressedSize', 39_000, 'local'))
    try {
      expect(a.problems).toEqual([])
      const { error } = await readFailure(a, byPath(a, 'Audio/a.wav'))
      expect(reasonOf(error)).toBe('damaged')
      expect(error.message).toMatch(/Audio\/a\.wav disagree on its size \(40000\/40000 bytes against 39000\/39000\)/)
      expect(a.problems.map((p) => [p.kind, p.path])).toEqual([['size-mismatch', 'Audio/a.wav']])
      // Refused for good, with the same error, and the neighbours are untouched.
      expect(reasonOf((await readFailure(a, byPath(a, 'Audio/a.wav'))).error)).toBe('damaged')
      expect(a.problems).toHaveLength(1)
      expect((await readAll(a, byPath(a, 'b.json'))).toString()).toBe(json)
      expect((await readAll(a, byPath(a, 'Audio/c.wav'))).equals(Buffer.alloc(5000, 0x22))).toBe(true)
    } finally {
      await a.close()
    }
  })

  it('a local header that names another file: read by the directory, the mismatch reported when read', async () => {
    const buf = await three()
    const local = zipLayout(buf).entries.find((e) => e.name === 'Audio/a.wav')!.local
    const lying = Buffer.from(buf)
    lying.write('Audio/x.wav', local + 30, 'latin1')
    const a = await open(lying)
    try {
      expect(a.problems).toEqual([])
      expect((await readAll(a, byPath(a, 'Audio/a.wav'))).equals(audio)).toBe(true)
      expect(a.problems).toEqual([expect.objectContaining({ kind: 'name-mismatch', path: 'Audio/a.wav', offsets: [local], message: expect.stringMatching(/local header names it Audio\/x\.wav/) })])
    } finally {
      await a.close()
    }
  })

  it('a method only the local header changes: the read is refused', async () => {
    const a = await open(setField(await three(), 'Audio/c.wav', 'method', 8, 'local'))
    try {
      expect(a.problems).toEqual([])
      expect(reasonOf((await readFailure(a, byPath(a, 'Audio/c.wav'))).error)).toBe('damaged')
      expect(kindsOf(a)).toEqual(['method-mismatch'])
    } finally {
      await a.close()
    }
  })

  it('two reads at once check the header once', async () => {
    const a = await open(setField(setField(await three(), 'Audio/a.wav', 'compressedSize', 1, 'local'), 'Audio/a.wav', 'uncompressedSize', 1, 'local'))
    try {
      const both = await Promise.all([readFailure(a, byPath(a, 'Audio/a.wav')), readFailure(a, byPath(a, 'Audio/a.wav'))])
      expect(both.map(({ error }) => reasonOf(error))).toEqual(['damaged', 'damaged'])
      expect(kindsOf(a)).toEqual(['size-mismatch'])
    } finally {
      await a.close()
    }
  })

  it('an offset whose clip would run over the next header is checked at listing, so the real header is recovered', async () => {
    const buf = await three()
    const a = await open(setCentralOffset(buf, 'Audio/a.wav', 7))
    try {
      expect(kindsOf(a)).toEqual(expect.arrayContaining(['missing-header', 'central-directory']))
      expect(a.problems.find((p) => p.kind === 'missing-header')!.path).toBe('Audio/a.wav')
      expect(kindsOf(a)).not.toContain('overlap')
      expect((await readAll(a, byPath(a, 'Audio/a.wav'))).equals(audio)).toBe(true)
      expect((await readAll(a, byPath(a, 'b.json'))).toString()).toBe(json)
    } finally {
      await a.close()
    }
  })

  it('a clip that both headers declare longer than the file: checked and refused at listing, before any read', async () => {
    const a = await open(setField(setField(await three(), 'Audio/c.wav', 'compressedSize', 50_000_000), 'Audio/c.wav', 'uncompressedSize', 50_000_000))
    try {
      expect(kindsOf(a)).toContain('truncated')
      await expect(a.openEntry(byPath(a, 'Audio/c.wav'))).rejects.toThrow(EntryReadError)
    } finally {
      await a.close()
    }
  })
})
