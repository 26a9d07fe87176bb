import { crc32 } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { decodeCp437 } from './cp437'
import { looksLikeTar } from './detect'
import { entryKind } from './kind'
import { dosLocalTime, utcLocalTime } from './time'
import { decodeZipName, safeName } from './zip/names'

const NONE = new Map<number, Buffer>()
const unicodeField = (raw: Buffer, name: string, version = 1) => {
  const head = Buffer.alloc(5)
  head[0] = version
  head.writeUInt32LE(crc32(raw) >>> 0, 1)
  return new Map([[0x7075, Buffer.concat([head, Buffer.from(name)])]])
}

describe('ZIP names', () => {
  it('CP437 covers all 256 bytes, with glyphs instead of control characters', () => {
    expect(decodeCp437(Buffer.from([0x48, 0x81, 0x94, 0xe1, 0x9c]))).toBe('Hüöß£')
    expect(decodeCp437(Buffer.from([0x01, 0x1b, 0x7f, 0x00]))).toBe('☺←⌂\ufffd')
    const all = decodeCp437(Buffer.from(Array.from({ length: 256 }, (_, i) => i)))
    expect([...all]).toHaveLength(256)
    expect(all).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
  })

  it('UTF-8 when flagged, CP437 when not, and the Info-ZIP Unicode Path field when its CRC matches', () => {
    const raw = Buffer.from('Grüße.txt')
    expect(decodeZipName(0x800, raw, NONE)).toBe('Grüße.txt')
    // UTF-8 bytes read as CP437, as Info-ZIP would show an unflagged name.
    expect(decodeZipName(0, raw, NONE)).toBe('Gr├╝├ƒe.txt')
    const dos = Buffer.from([0x47, 0x72, 0x81, 0xe1, 0x65])
    expect(decodeZipName(0, dos, unicodeField(dos, 'Grüße'))).toBe('Grüße')
    // A stale field (the name was changed after it was written) is ignored.
    expect(decodeZipName(0, dos, unicodeField(Buffer.from('other'), 'Wrong'))).toBe('Grüße')
    expect(decodeZipName(0, dos, unicodeField(dos, 'Wrong', 2))).toBe('Grüße')
  })

  it('marks names that try to leave the archive, and only those', () => {
    const cases: [string, string, boolean][] = [
      ['../evil.wav', '../evil.wav', true],
      ['a/../../b', 'a/../../b', true],
      ['/abs.wav', '/abs.wav', true],
      ['C:\\win.wav', 'C:/win.wav', true],
      ['c:rel.wav', 'c:rel.wav', true],
      ['dir\\file.wav', 'dir/file.wav', false],
      ['a..b/c...wav', 'a..b/c...wav', false],
      ['Takeout/Notiz: Einkauf.json', 'Takeout/Notiz: Einkauf.json', false],
      ['bell\u0007.txt', 'bell\ufffd.txt', false]
    ]
    for (const [input, path, unsafe] of cases) expect(safeName(input), input).toEqual({ path, unsafe })
  })
})

describe('times', () => {
  it('formats DOS date/time as archive-local wall time, null when it is not a date', () => {
    const date = ((2024 - 1980) << 9) | (12 << 5) | 31
    const time = (23 << 11) | (59 << 5) | 29
    expect(dosLocalTime(date, time)).toBe('2024-12-31T23:59:58')
    expect(dosLocalTime(0, 0)).toBeNull()
    expect(dosLocalTime(((2024 - 1980) << 9) | (13 << 5) | 1, 0)).toBeNull()
  })
  it('formats an instant as UTC wall time', () => {
    expect(utcLocalTime(new Date(Date.UTC(2024, 0, 2, 3, 4, 6)))).toBe('2024-01-02T03:04:06')
    expect(utcLocalTime(new Date(Number.NaN))).toBeNull()
    expect(utcLocalTime(undefined)).toBeNull()
  })
})

describe('entryKind', () => {
  it('tells kinds by extension, case-insensitively', () => {
    expect(['a.WAV', 'b.opus', 'c.3gp', 'd.amr', 'e.webm'].map(entryKind)).toEqual(['audio', 'audio', 'audio', 'audio', 'audio'])
    expect(['x.pdf', 'x.htm', 'x.csv', 'x.XML', 'x.tgz', 'x.gz', 'x.jpeg', 'x.webp'].map(entryKind)).toEqual(['document', 'document', 'data', 'data', 'archive', 'archive', 'image', 'image'])
    expect(['README', 'x.exe', 'dir.wav/file', '.wav'].map(entryKind)).toEqual(['other', 'other', 'other', 'audio'])
    // Only the name's own last dot counts, never one in a folder.
    expect(['a.csv/b.d/noext', 'a.d/x.', 'a.pdf/b.tar.gz', 'x.zip!/in/c.Mp3', 'a/b/'].map(entryKind)).toEqual(['other', 'other', 'archive', 'audio', 'other'])
    const debris = ['__MACOSX/Alexa/._clip.wav', 'Alexa/._clip.wav', 'x.zip!/__MACOSX/a.wav', 'x.zip!/Alexa/._a.wav', '__MACOSX/Takeout/._MyActivity.json', 'part/__MACOSX/a.mp3']
    expect(debris.map(entryKind)).toEqual(debris.map(() => 'other'))
    expect(['__MACOSX.wav', 'Alexa/_clip.wav', 'MACOSX/a.wav'].map(entryKind)).toEqual(['audio', 'audio', 'audio'])
  })
})

describe('looksLikeTar', () => {
  it('accepts a ustar header or an old header whose checksum adds up, nothing else', () => {
    const block = Buffer.alloc(512)
    block.write('name.txt')
    block.write('0000644\0', 100)
    block.fill(0x20, 148, 156)
    let sum = 0
    for (const b of block) sum += b
    block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148)
    expect(looksLikeTar(block)).toBe(true)
    block[0] = 0x4e
    expect(looksLikeTar(block)).toBe(false)
    expect(looksLikeTar(Buffer.alloc(512))).toBe(false)
  })
})
