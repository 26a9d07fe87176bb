import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setField, workDir, zipBuffer, zipLayout } from '../../../../test/fixtures/archives'
import { byPath, readAll } from '../../../../test/fixtures/read'
import { openArchive } from '../index'
import { decodeZipName, plainName, safeName } from './names'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const text = 'the quick brown fox '.repeat(500)
const three = () =>
  zipBuffer([
    { name: 'a.wav', data: 'audio', compress: false },
    { name: 'b.json', data: text },
    { name: 'c.txt', data: 'last' }
  ])

const open = async (buf: Buffer) => openArchive(await work.write(buf))

/** Where the extra field of a central record starts (yazl writes one: the Info-ZIP timestamp). */
const centralExtra = (buf: Buffer, name: string) => {
  const e = zipLayout(buf).entries.find((x) => x.name === name)!
  return e.central + 46 + buf.readUInt16LE(e.central + 28)
}

// The central records are walked by listCentral itself (yauzl only finds the directory), with the
// checks yauzl made: a record that fails one ends the directory there, and the rest is recovered
// from the local headers, each entry once.
describe('a central directory record that breaks the walk', () => {
  const breaksAfterFirst = async (buf: Buffer) => {
    const a = await open(buf)
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['a.wav', 'b.json', 'c.txt'])
      expect(a.problems).toEqual([{ kind: 'central-directory', path: null, message: 'The ZIP has a damaged table of contents after its first entry, so 2 more entries were recovered by reading the file from the start.' }])
      expect((await readAll(a, byPath(a, 'b.json'))).toString()).toBe(text)
      expect((await readAll(a, byPath(a, 'c.txt'))).toString()).toBe('last')
    } finally {
      await a.close()
    }
  }

  it('an extra field that runs past the end of its record', async () => {
    const buf = Buffer.from(await three())
    buf.writeUInt16LE(0xff, centralExtra(buf, 'b.json') + 2)
    await breaksAfterFirst(buf)
  })

  it('a Zip64 field too short for the sizes the record leaves to it', async () => {
    const buf = setField(await three(), 'b.json', 'compressedSize', 0xffffffff, 'central')
    buf.writeUInt16LE(0x0001, centralExtra(buf, 'b.json'))
    await breaksAfterFirst(buf)
  })

  it('the strong-encryption flag', async () => {
    await breaksAfterFirst(setField(await three(), 'b.json', 'flags', 0x40, 'central'))
  })

  it('a record that is not one', async () => {
    const buf = Buffer.from(await three())
    buf.write('XX', zipLayout(buf).entries[1]!.central, 'latin1')
    await breaksAfterFirst(buf)
  })
})

describe('plainName, the fast path for names', () => {
  it('gives exactly what decoding and safeName give, for every name it accepts, in either encoding', () => {
    const bytes = fc.uint8Array({ maxLength: 24 })
    const asciiish = fc.array(fc.constantFrom(0x2e, 0x2f, 0x3a, 0x5c, 0x41, 0x61, 0x20, 0x7e, 0x7f, 0x1f, 0x80, 0xc3, 0xbc), { maxLength: 12 }).map((a) => Uint8Array.from(a))
    fc.assert(
      fc.property(fc.oneof(bytes, asciiish), fc.boolean(), (raw, utf8) => {
        const buf = Buffer.concat([Buffer.from('pad'), raw, Buffer.from('pad')])
        const plain = plainName(buf, 3, 3 + raw.length, new Map())
        if (plain === null) return
        expect({ path: plain, unsafe: false }).toEqual(safeName(decodeZipName(utf8 ? 0x800 : 0, raw, new Map())))
      }),
      { numRuns: 3000 }
    )
  })

  it('accepts ordinary names and leaves the rest to the full decoding', () => {
    const plain = (name: string) => plainName(Buffer.from(name, 'latin1'), 0, name.length, new Map())
    expect(plain('Alexa/Voice/clip 1.wav')).toBe('Alexa/Voice/clip 1.wav')
    expect(plain('')).toBe('')
    for (const name of ['../x', 'a/../b', '/abs', 'C:x', 'dir\\x', 'bell\x07', 'del\x7f', 'Gr\xfc\xdfe']) expect(plain(name), name).toBeNull()
    // A Unicode Path field names the entry, whatever its header bytes say.
    expect(plainName(Buffer.from('ok.txt'), 0, 6, new Map([[0x7075, Buffer.alloc(8)]]))).toBeNull()
  })
})
