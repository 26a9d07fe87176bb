import { randomBytes } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renameBytes, setCentralOffset, setField, threeEntries, workDir, zipBomb, zipBuffer, zipLayout } from '../../../test/fixtures/archives'
import { byPath, kindsOf, readAll, readFailure } from '../../../test/fixtures/read'
import { ArchiveOpenError, EntryReadError, openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const audio = randomBytes(100_000)
const text = 'the quick brown fox '.repeat(5000)
const three = threeEntries(audio, text)

const open = async (buf: Buffer, limits?: object) => openArchive(await work.write(buf), { limits })

const reasonOf = (err: Error) => (err instanceof EntryReadError ? err.reason : `not an EntryReadError: ${err.message}`)

describe('a damaged ZIP', () => {
  it('cut in the middle: recovers the whole entries from local headers and refuses the cut one', async () => {
    const buf = await three()
    const b = zipLayout(buf).entries[1]!
    const a = await open(buf.subarray(0, b.data + Math.floor(b.compressedSize / 2)))
    try {
      expect(a.format).toBe('zip')
      expect(a.entries.map((e) => e.info.path)).toEqual(['a.wav', 'b.json'])
      expect(kindsOf(a)).toEqual(expect.arrayContaining(['central-directory', 'truncated']))
      const damage = a.problems.find((p) => p.kind === 'central-directory')!.message
      expect(damage).toBe(
        'The ZIP ends early, as after an interrupted download or copy: its table of contents (the central directory, kept at the end of a ZIP) is missing, so 2 entries were recovered by reading the file from the start.'
      )
      expect(a.problems.find((p) => p.kind === 'truncated')!.path).toBe('b.json')
      expect((await readAll(a, byPath(a, 'a.wav'))).equals(audio)).toBe(true)
      await expect(a.openEntry(byPath(a, 'b.json'))).rejects.toThrow(/past the end of the file/)
    } finally {
      await a.close()
    }
  })

  it('without a central directory: every entry comes back from its local header, sizes from data descriptors', async () => {
    for (const stream of [false, true]) {
      const buf = await three(stream)
      const a = await open(buf.subarray(0, zipLayout(buf).centralStart))
      try {
        expect(a.entries.map((e) => e.info.path)).toEqual(['a.wav', 'b.json', 'c.txt'])
        expect(a.problems.map((p) => p.kind)).toEqual(['central-directory'])
        expect(a.problems[0]!.message).toMatch(/^The ZIP ends early, .*, so 3 entries were recovered/)
        expect(byPath(a, 'b.json').info.size).toBe(text.length)
        expect((await readAll(a, byPath(a, 'a.wav'))).equals(audio)).toBe(true)
        expect((await readAll(a, byPath(a, 'b.json'))).toString()).toBe(text)
        expect((await readAll(a, byPath(a, 'c.txt'))).toString()).toBe('last')
      } finally {
        await a.close()
      }
    }
  })

  it('cut inside its central directory: all entries still come back', async () => {
    const buf = await three()
    const layout = zipLayout(buf)
    const a = await open(buf.subarray(0, layout.entries[1]!.central + 10))
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['a.wav', 'b.json', 'c.txt'])
      expect(a.problems.map((p) => p.kind)).toEqual(['central-directory'])
      expect((await readAll(a, byPath(a, 'c.txt'))).toString()).toBe('last')
    } finally {
      await a.close()
    }
  })

  it('whose central directory breaks off after its first record: the rest is recovered without duplicates', async () => {
    const buf = Buffer.from(await three())
    buf.write('XX', zipLayout(buf).entries[1]!.central, 'latin1')
    const a = await open(buf)
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['a.wav', 'b.json', 'c.txt'])
      expect(a.problems).toEqual([{ kind: 'central-directory', path: null, message: 'The ZIP has a damaged table of contents after its first entry, so 2 more entries were recovered by reading the file from the start.' }])
      expect((await readAll(a, byPath(a, 'b.json'))).toString()).toBe(text)
    } finally {
      await a.close()
    }
  })

  it('whose central directory lies about an offset: the real header is found and used instead', async () => {
    const buf = await three()
    const a = await open(setCentralOffset(buf, 'b.json', 7))
    try {
      expect(a.entries.map((e) => e.info.path).sort()).toEqual(['a.wav', 'b.json', 'c.txt'])
      expect(kindsOf(a)).toEqual(expect.arrayContaining(['missing-header', 'central-directory']))
      expect(a.problems.find((p) => p.kind === 'missing-header')!.path).toBe('b.json')
      expect(a.problems.find((p) => p.kind === 'central-directory')!.message).toBe('The ZIP has a table of contents that points at 1 entry that is not there, so 1 entry was recovered by reading the file from the start.')
      expect((await readAll(a, byPath(a, 'b.json'))).toString()).toBe(text)
    } finally {
      await a.close()
    }
  })

  it('whose end record is unusable: the problem says why in words, never in the ZIP library’s', async () => {
    const eocd = (buf: Buffer, offset: number, value: number) => {
      const copy = Buffer.from(buf)
      copy.writeUInt16LE(value, zipLayout(copy).eocd + offset)
      return copy
    }
    const buf = await three()
    const cases: Array<[Buffer, RegExp]> = [
      [eocd(buf, 4, 1), /^The ZIP is the last piece of a split ZIP \(\.z01, \.z02, …\) whose other pieces were not given, so 3 entries were recovered/],
      [eocd(buf, 20, 9), /^The ZIP has a damaged ending or extra bytes after it, so .* could not be found and 3 entries were recovered/]
    ]
    for (const [damaged, message] of cases) {
      const a = await open(damaged)
      try {
        expect(a.entries.map((e) => e.info.path)).toEqual(['a.wav', 'b.json', 'c.txt'])
        const problem = a.problems.find((p) => p.kind === 'central-directory')!
        expect(problem.message).toMatch(message)
        expect(problem.message).not.toMatch(/signature|disk number|Expected:/)
      } finally {
        await a.close()
      }
    }
  })

  it('whose central directory lies about a size: that entry is refused, its neighbours are not', async () => {
    const buf = await three()
    const a = await open(setField(buf, 'b.json', 'compressedSize', 90_000, 'central'))
    try {
      expect(a.problems.map((p) => [p.kind, p.path])).toEqual([['size-mismatch', 'b.json']])
      expect(reasonOf((await readFailure(a, byPath(a, 'b.json'))).error)).toBe('damaged')
      expect((await readAll(a, byPath(a, 'c.txt'))).toString()).toBe('last')
      expect((await readAll(a, byPath(a, 'a.wav'))).equals(audio)).toBe(true)
    } finally {
      await a.close()
    }
  })

  it('lying about one size and one offset at once: each entry is listed once', async () => {
    const buf = setCentralOffset(setField(await three(), 'b.json', 'compressedSize', 90_000, 'central'), 'c.txt', 3)
    const a = await open(buf)
    try {
      expect(a.entries.map((e) => e.info.path).sort()).toEqual(['a.wav', 'b.json', 'c.txt'])
      expect(kindsOf(a).sort()).toEqual(['central-directory', 'missing-header', 'size-mismatch'])
      expect((await readAll(a, byPath(a, 'c.txt'))).toString()).toBe('last')
    } finally {
      await a.close()
    }
  })

  it('declaring more compressed bytes than the file holds: a problem at listing, not a read past the end', async () => {
    const buf = await three()
    const a = await open(setField(buf, 'c.txt', 'compressedSize', 50_000_000))
    try {
      expect(a.problems.find((p) => p.kind === 'truncated')).toMatchObject({ path: 'c.txt', message: expect.stringMatching(/run past the end of the file/) })
      await expect(a.openEntry(byPath(a, 'c.txt'))).rejects.toThrow(EntryReadError)
    } finally {
      await a.close()
    }
  })

  it('with a wrong CRC-32: the read fails at its end with a clear message', async () => {
    const buf = await three()
    const a = await open(setField(buf, 'b.json', 'crc32', 0x12345678))
    try {
      expect(a.problems).toEqual([])
      const { error, bytes } = await readFailure(a, byPath(a, 'b.json'))
      expect(reasonOf(error)).toBe('crc-mismatch')
      expect(error.message).toMatch(/b\.json is damaged: its CRC-32 is 0x[0-9a-f]{8} but the archive says 0x12345678/)
      expect(bytes).toBeGreaterThan(0)
      // A range read cannot check the CRC, and does not pretend to.
      expect((await readAll(a, byPath(a, 'b.json'), { start: 0, end: 9 })).toString()).toBe(text.slice(0, 10))
    } finally {
      await a.close()
    }
  })
})

describe('a hostile ZIP', () => {
  it('with two entries sharing the same bytes (non-recursive zip bomb trick): both refused', async () => {
    const buf = await zipBuffer([
      { name: 'one.txt', data: 'same bytes' },
      { name: 'two.txt', data: 'same bytes' },
      { name: 'ok.txt', data: 'fine' }
    ])
    const a = await open(setCentralOffset(buf, 'two.txt', zipLayout(buf).entries[0]!.local))
    try {
      expect(a.problems.filter((p) => p.kind === 'overlap').map((p) => p.path).sort()).toEqual(['one.txt', 'two.txt'])
      expect(reasonOf((await readFailure(a, byPath(a, 'one.txt'))).error)).toBe('refused')
      expect(reasonOf((await readFailure(a, byPath(a, 'two.txt'))).error)).toBe('refused')
      expect((await readAll(a, byPath(a, 'ok.txt'))).toString()).toBe('fine')
    } finally {
      await a.close()
    }
  })

  it('a 200 MB zip bomb that declares its size: refused at listing, in well under the time to inflate it', async () => {
    const path = work.path('bomb.zip')
    await zipBomb(path, 200 * 1024 * 1024)
    const started = Date.now()
    const a = await openArchive(path)
    try {
      expect(a.problems.find((p) => p.kind === 'zip-bomb')).toMatchObject({ path: 'bomb.wav', message: expect.stringMatching(/more than 200:1/) })
      expect(reasonOf((await readFailure(a, a.entries[0]!)).error)).toBe('limit')
      expect(Date.now() - started).toBeLessThan(2000)
    } finally {
      await a.close()
    }
  })

  it('a zip bomb that lies about its size: the read stops as soon as it passes the declared size', async () => {
    const path = work.path('liar.zip')
    await zipBomb(path, 200 * 1024 * 1024)
    const { readFile } = await import('node:fs/promises')
    const a = await open(setField(await readFile(path), 'bomb.wav', 'uncompressedSize', 1_000_000, 'central'))
    try {
      expect(a.problems).toEqual([])
      const started = Date.now()
      const { error, bytes } = await readFailure(a, a.entries[0]!)
      expect(reasonOf(error)).toBe('size-mismatch')
      expect(error.message).toMatch(/more than the 1000000 bytes its header declares/)
      expect(bytes).toBeLessThanOrEqual(1_000_000)
      expect(Date.now() - started).toBeLessThan(1000)
    } finally {
      await a.close()
    }
  })

  it('an entry over the configured size limit is a problem line and is not read', async () => {
    const a = await open(await three(), { maxEntryBytes: 50_000 })
    try {
      expect(a.problems.filter((p) => p.kind === 'limit').map((p) => p.path).sort()).toEqual(['a.wav', 'b.json'])
      expect(reasonOf((await readFailure(a, byPath(a, 'a.wav'))).error)).toBe('limit')
      expect((await readAll(a, byPath(a, 'c.txt'))).toString()).toBe('last')
    } finally {
      await a.close()
    }
  })

  it('an encrypted entry is listed as encrypted and never read', async () => {
    const a = await open(setField(await three(), 'b.json', 'flags', 0x801))
    try {
      expect(byPath(a, 'b.json').info.encrypted).toBe(true)
      expect(a.problems).toEqual([{ kind: 'encrypted', path: 'b.json', message: 'b.json is encrypted; it is listed but not read.' }])
      const { error } = await readFailure(a, byPath(a, 'b.json'))
      expect(reasonOf(error)).toBe('encrypted')
      expect(byPath(a, 'a.wav').info.encrypted).toBe(false)
    } finally {
      await a.close()
    }
  })

  it('an unsupported compression method is named in the problem and in the read error', async () => {
    const a = await open(setField(setField(await three(), 'b.json', 'method', 14), 'c.txt', 'method', 99))
    try {
      expect(byPath(a, 'b.json').info.method).toBe('lzma')
      expect(a.problems.find((p) => p.path === 'b.json')!.message).toBe('b.json uses compression method 14 (LZMA), which Exportscope cannot read.')
      const { error } = await readFailure(a, byPath(a, 'b.json'))
      expect(reasonOf(error)).toBe('unsupported-method')
      expect(error.message).toMatch(/compression method 14 \(LZMA\)/)
      // Method 99 is AES: encrypted whatever the flag says.
      expect(byPath(a, 'c.txt').info).toMatchObject({ method: 'aes', encrypted: true })
    } finally {
      await a.close()
    }
  })
})

describe('ZIP names', () => {
  it('decodes CP437 when the UTF-8 flag is clear, and turns backslashes into slashes', async () => {
    let buf = await zipBuffer([
      { name: 'GrXYe.txt', data: '1' },
      { name: 'dir|file.txt', data: '2' }
    ])
    buf = renameBytes(buf, 'GrXYe', Buffer.from([0x47, 0x72, 0x81, 0xe1, 0x65]))
    buf = renameBytes(buf, 'dir|file', 'dir\\file')
    buf = setField(setField(buf, 'Gr\u0081\u00e1e.txt'.replace(/[\u0081\u00e1]/g, '\ufffd'), 'flags', 0), 'dir\\file.txt', 'flags', 0)
    const a = await open(buf)
    try {
      expect(a.entries.map((e) => [e.info.path, e.info.unsafePath])).toEqual([
        ['Grüße.txt', false],
        ['dir/file.txt', false]
      ])
    } finally {
      await a.close()
    }
  })

  it('keeps names that try to leave the archive as text only, flagged unsafe with a problem line', async () => {
    let buf = await zipBuffer([
      { name: 'xx/evil.wav', data: 'evil' },
      { name: 'xabs.wav', data: 'abs' },
      { name: 'Cxxwin.wav', data: 'win' },
      { name: 'nice/x.wav', data: 'nice' },
      { name: 'ctlXctl.txt', data: 'ctl' }
    ])
    buf = renameBytes(buf, 'xx/evil', '../evil')
    buf = renameBytes(buf, 'xabs', '/abs')
    buf = renameBytes(buf, 'Cxxwin', 'C:\\win')
    buf = renameBytes(buf, 'ctlXctl', 'ctl\x1bctl')
    const a = await open(buf)
    try {
      expect(a.entries.map((e) => [e.info.path, e.info.unsafePath])).toEqual([
        ['../evil.wav', true],
        ['/abs.wav', true],
        ['C:/win.wav', true],
        ['nice/x.wav', false],
        ['ctl\ufffdctl.txt', false]
      ])
      expect(a.problems.filter((p) => p.kind === 'unsafe-path').map((p) => p.path)).toEqual(['../evil.wav', '/abs.wav', 'C:/win.wav'])
      // Display text, still readable as bytes: it is never a path on this machine.
      expect((await readAll(a, byPath(a, '../evil.wav'))).toString()).toBe('evil')
    } finally {
      await a.close()
    }
  })
})

describe('what cannot be opened at all', () => {
  const fails = async (path: string) => {
    const err = await openArchive(path).then(
      () => null,
      (e: unknown) => e
    )
    expect(err).toBeInstanceOf(ArchiveOpenError)
    return err as ArchiveOpenError
  }

  it('a file that is not an archive', async () => {
    const path = work.path('letter.pdf')
    await writeFile(path, '%PDF-1.7\n' + 'x'.repeat(2000))
    const err = await fails(path)
    expect(err.reason).toBe('not-archive')
    expect(err.message).toBe(`${path} is not a ZIP or tar archive.`)
  })

  it('a file that starts like a ZIP and holds nothing of one', async () => {
    const path = work.path('fake.zip')
    await writeFile(path, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(5000)]))
    const err = await fails(path)
    expect(err.reason).toBe('not-archive')
    expect(err.message).toMatch(/is not a ZIP or tar archive: it has neither a central directory nor a single file header\.$/)
  })

  it('an empty file, and a path that does not exist', async () => {
    const path = work.path('empty.zip')
    await writeFile(path, '')
    expect((await fails(path)).message).toBe(`${path} is empty (0 bytes).`)
    const missing = await fails(work.path('nope.zip'))
    expect(missing.reason).toBe('missing')
    expect(missing.message).toBe(`${work.path('nope.zip')} does not exist.`)
  })

  it('an empty but valid ZIP opens, with a problem line saying so', async () => {
    const a = await open(await zipBuffer([]))
    try {
      expect(a.entries).toEqual([])
      expect(a.problems.map((p) => p.kind)).toEqual(['empty'])
    } finally {
      await a.close()
    }
  })
})
