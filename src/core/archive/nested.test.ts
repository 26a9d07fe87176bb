import { randomBytes } from 'node:crypto'
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setField, workDir, zipBuffer } from '../../../test/fixtures/archives'
import { byPath, kindsOf, readAll } from '../../../test/fixtures/read'
import { openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
const savedTmp = process.env.TMPDIR
beforeAll(async () => {
  work = await workDir()
  // A private TMPDIR for this test process, so other suites' temp folders cannot confuse the count.
  process.env.TMPDIR = work.path('tmp')
  await mkdir(process.env.TMPDIR)
})
afterAll(async () => {
  process.env.TMPDIR = savedTmp
  await work.done()
})

const clip = randomBytes(50_000)
const inner = () =>
  zipBuffer([
    { name: 'Audio/clip.wav', data: clip, compress: false },
    { name: 'Audio/transcript.txt', data: 'alexa stop '.repeat(500) }
  ])

const tempDirs = async () => (await readdir(tmpdir())).filter((n) => n.startsWith('exportscope-'))

describe('a ZIP inside a ZIP (Amazon nests one per category)', () => {
  it('keeps the outer order around several inner archives: entries before, between and after them, one stored, one deflated, one not a ZIP', async () => {
    const path = work.path('order-nest.zip')
    await writeFile(
      path,
      await zipBuffer([
        { name: 'first.txt', data: '1' },
        { name: 'A.zip', data: await inner(), compress: false },
        { name: 'between.txt', data: '2' },
        { name: 'fake.zip', data: 'not a zip at all' },
        { name: 'B.zip', data: await inner() },
        { name: 'last.txt', data: '3' }
      ])
    )
    const a = await openArchive(path)
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual([
        'first.txt',
        'A.zip',
        'A.zip!/Audio/clip.wav',
        'A.zip!/Audio/transcript.txt',
        'between.txt',
        'fake.zip',
        'B.zip',
        'B.zip!/Audio/clip.wav',
        'B.zip!/Audio/transcript.txt',
        'last.txt'
      ])
      expect(kindsOf(a)).toEqual(['nested'])
    } finally {
      await a.close()
    }
  })

  it('stored: is read in place, its entries listed as outer!/inner and readable, whole and by range', async () => {
    const path = work.path('stored-nest.zip')
    await writeFile(path, await zipBuffer([{ name: 'Amazon/Alexa.zip', data: await inner(), compress: false }, { name: 'Amazon/index.html', data: '<p>hi</p>' }]))
    const before = await tempDirs()
    const a = await openArchive(path)
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['Amazon/Alexa.zip', 'Amazon/Alexa.zip!/Audio/clip.wav', 'Amazon/Alexa.zip!/Audio/transcript.txt', 'Amazon/index.html'])
      expect(a.problems).toEqual([])
      expect(await tempDirs()).toEqual(before)
      const wav = byPath(a, 'Amazon/Alexa.zip!/Audio/clip.wav')
      expect(wav.info.kind).toBe('audio')
      expect((await readAll(a, wav)).equals(clip)).toBe(true)
      expect((await readAll(a, wav, { start: 100, end: 199 })).equals(clip.subarray(100, 200))).toBe(true)
      expect((await readAll(a, byPath(a, 'Amazon/Alexa.zip!/Audio/transcript.txt'))).toString()).toBe('alexa stop '.repeat(500))
    } finally {
      await a.close()
    }
  })

  it('deflated: is inflated to a private temp file (0600) that is removed on close', async () => {
    const path = work.path('deflated-nest.zip')
    await writeFile(path, await zipBuffer([{ name: 'Alexa.zip', data: Buffer.concat([await inner(), Buffer.alloc(0)]), compress: true }]))
    const before = await tempDirs()
    const a = await openArchive(path)
    const made = (await tempDirs()).filter((d) => !before.includes(d))
    try {
      expect(a.entries.map((e) => e.info.path)).toEqual(['Alexa.zip', 'Alexa.zip!/Audio/clip.wav', 'Alexa.zip!/Audio/transcript.txt'])
      expect((await readAll(a, byPath(a, 'Alexa.zip!/Audio/clip.wav'))).equals(clip)).toBe(true)
      expect(made).toHaveLength(1)
      const dir = join(tmpdir(), made[0]!)
      expect((await stat(dir)).mode & 0o777).toBe(0o700)
      const [file] = await readdir(dir)
      expect((await stat(join(dir, file!))).mode & 0o777).toBe(0o600)
    } finally {
      await a.close()
    }
    expect(await tempDirs()).toEqual(before)
  })

  it('nests at any depth up to the limit, and lists deeper ones as files with a problem line', async () => {
    let buf = await inner()
    for (const name of ['level3.zip', 'level2.zip', 'level1.zip']) buf = await zipBuffer([{ name, data: buf, compress: name !== 'level2.zip' }])
    const path = work.path('deep.zip')
    await writeFile(path, buf)
    const a = await openArchive(path)
    try {
      expect(a.entries.map((e) => e.info.path)).toContain('level1.zip!/level2.zip!/level3.zip!/Audio/clip.wav')
      expect((await readAll(a, byPath(a, 'level1.zip!/level2.zip!/level3.zip!/Audio/clip.wav'))).equals(clip)).toBe(true)
    } finally {
      await a.close()
    }
    const shallow = await openArchive(path, { limits: { maxDepth: 2 } })
    try {
      expect(shallow.entries.map((e) => e.info.path)).toEqual(['level1.zip', 'level1.zip!/level2.zip', 'level1.zip!/level2.zip!/level3.zip'])
      expect(shallow.problems).toEqual([{ kind: 'nested-too-deep', path: 'level1.zip!/level2.zip!/level3.zip', message: expect.stringMatching(/nested 3 archives deep, past the limit of 2/) }])
    } finally {
      await shallow.close()
    }
  })

  it('a broken inner archive is a problem line on that entry; the outer archive still opens', async () => {
    const damaged = setField(await inner(), 'Audio/transcript.txt', 'crc32', 1)
    const path = work.path('broken-nest.zip')
    await writeFile(path, await zipBuffer([
      { name: 'fake.zip', data: 'this is not a zip at all' },
      { name: 'crc.zip', data: damaged, compress: false },
      { name: 'ok.txt', data: 'ok' }
    ]))
    const a = await openArchive(path)
    try {
      expect(kindsOf(a)).toEqual(['nested'])
      expect(a.problems[0]).toMatchObject({ path: 'fake.zip', message: 'fake.zip is named like a ZIP archive but is not one; it is listed as a file.' })
      // The inner CRC is only checked when that entry is read.
      await expect(readAll(a, byPath(a, 'crc.zip!/Audio/transcript.txt'))).rejects.toThrow(/CRC-32/)
      expect((await readAll(a, byPath(a, 'ok.txt'))).toString()).toBe('ok')
    } finally {
      await a.close()
    }
  })
})
