import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renameBytes, tarBuffer, zipBuffer, zipLayout, workDir } from '../../../test/fixtures/archives'
import { byPath, readAll } from '../../../test/fixtures/read'
import { openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const slashClip = randomBytes(3000)
const backslashClip = randomBytes(5000)

const open = async (buf: Buffer, ext: string) => openArchive(await work.write(buf, ext))

/** The tar header of `name` typed as a folder ('5'), its checksum made right again: what tar-stream never writes with data. */
function typedAsFolder(tar: Buffer, name: string): Buffer {
  const out = Buffer.from(tar)
  const at = out.indexOf(Buffer.from(`${name}\0`))
  out[at + 156] = 0x35
  out.fill(0x20, at + 148, at + 156)
  let sum = 0
  for (let i = at; i < at + 512; i++) sum += out[i]!
  out.write(`${sum.toString(8).padStart(6, '0')}\0 `, at + 148, 'latin1')
  return out
}

describe('a ZIP entry named like a folder', () => {
  it('holding bytes is listed as a file under its name without the mark, readable, with a problem line naming it and its size', async () => {
    let buf = await zipBuffer([
      { name: 'Empty_', data: '', compress: false },
      // Java's ZipOutputStream writes folders as an empty deflate stream: 2 compressed bytes, nothing in them.
      { name: 'Java_', data: '', compress: true },
      { name: 'Audio/slash.wav_', data: slashClip, compress: false },
      { name: 'Audio/backslash.wav_', data: backslashClip, compress: true },
      { name: 'Audio/plain.wav', data: 'plain' }
    ])
    for (const name of ['Empty', 'Java', 'Audio/slash.wav']) buf = renameBytes(buf, `${name}_`, `${name}/`)
    buf = renameBytes(buf, 'Audio/backslash.wav_', 'Audio/backslash.wav\\')
    expect(zipLayout(buf).entries.find((e) => e.name === 'Java/')!.compressedSize).toBe(2)
    const a = await open(buf, 'zip')
    try {
      expect(a.entries.map((e) => [e.info.path, e.info.size])).toEqual([
        ['Audio/slash.wav', slashClip.length],
        ['Audio/backslash.wav', backslashClip.length],
        ['Audio/plain.wav', 5]
      ])
      expect(a.problems).toEqual([
        {
          kind: 'folder-with-data',
          path: 'Audio/slash.wav',
          message: `Audio/slash.wav/ is named like a folder (its name ends in "/") but holds ${slashClip.length} bytes; it is listed as the file Audio/slash.wav, so its contents are not lost.`
        },
        {
          kind: 'folder-with-data',
          path: 'Audio/backslash.wav',
          message: `Audio/backslash.wav\\ is named like a folder (its name ends in "\\") but holds ${backslashClip.length} bytes; it is listed as the file Audio/backslash.wav, so its contents are not lost.`
        }
      ])
      expect(byPath(a, 'Audio/slash.wav').info.kind).toBe('audio')
      // Read after listing, its local header (which still ends in '/') is checked: it must not count as another name.
      expect((await readAll(a, byPath(a, 'Audio/slash.wav'))).equals(slashClip)).toBe(true)
      expect((await readAll(a, byPath(a, 'Audio/backslash.wav'))).equals(backslashClip)).toBe(true)
      expect(a.problems.map((p) => p.kind)).not.toContain('name-mismatch')
    } finally {
      await a.close()
    }
  })

  it('that shares its name with a file is a duplicate name: both copies stay listed', async () => {
    let buf = await zipBuffer([
      { name: 'Audio/x.wav', data: 'first', compress: false },
      { name: 'Audio/x.wav_', data: 'second', compress: false }
    ])
    buf = renameBytes(buf, 'Audio/x.wav_', 'Audio/x.wav/')
    const a = await open(buf, 'zip')
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['Audio/x.wav', 'Audio/x.wav'])
      expect(a.problems.map((p) => [p.kind, p.path])).toEqual([
        ['folder-with-data', 'Audio/x.wav'],
        ['duplicate-name', 'Audio/x.wav']
      ])
      expect((await readAll(a, a.entries[1]!)).toString()).toBe('second')
    } finally {
      await a.close()
    }
  })
})

describe('a tar entry named like a folder', () => {
  it('of type file holding bytes is listed as a file without the mark, readable, with a problem line; empty folders stay silent', async () => {
    const tar = await tarBuffer([
      { name: 'Audio/', data: '', type: 'directory' },
      // An old tar's folder: a file entry whose name ends in '/', with nothing in it.
      { name: 'Old/', data: '' },
      { name: 'Audio/slash.wav/', data: slashClip },
      { name: 'Audio/after.wav', data: 'after' }
    ])
    const a = await open(tar, 'tar')
    try {
      expect(a.entries.map((e) => e.info.path).filter((p) => !p.endsWith('/'))).toEqual(['Audio/slash.wav', 'Audio/after.wav'])
      expect(a.problems).toEqual([
        {
          kind: 'folder-with-data',
          path: 'Audio/slash.wav',
          message: `Audio/slash.wav/ is named like a folder (its name ends in "/") but holds ${slashClip.length} bytes; it is listed as the file Audio/slash.wav, so its contents are not lost.`
        }
      ])
      expect((await readAll(a, byPath(a, 'Audio/slash.wav'))).equals(slashClip)).toBe(true)
      expect((await readAll(a, byPath(a, 'Audio/after.wav'))).toString()).toBe('after')
    } finally {
      await a.close()
    }
  })

  it('of type folder declaring bytes ends the listing with problem lines, keeping the entries before it, instead of leaving it pending', async () => {
    const tar = typedAsFolder(await tarBuffer([{ name: 'Audio/before.wav', data: 'before' }, { name: 'Audio/x.wav/', data: slashClip }, { name: 'Audio/after.wav', data: 'after' }]), 'Audio/x.wav/')
    const a = await open(tar, 'tar')
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['Audio/before.wav'])
      expect(a.problems.map((p) => [p.kind, p.path])).toEqual([
        ['folder-with-data', 'Audio/x.wav/'],
        ['truncated', null]
      ])
      expect(a.problems[0]!.message).toBe(`Audio/x.wav/ is a folder that declares ${slashClip.length} bytes of data; the archive cannot be read past it.`)
      expect(a.problems[1]!.message).toMatch(/; 1 entry was indexed before that\.$/)
      expect((await readAll(a, byPath(a, 'Audio/before.wav'))).toString()).toBe('before')
    } finally {
      await a.close()
    }
  })
})
