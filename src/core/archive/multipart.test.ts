import { mkdir, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir, zipBuffer } from '../../../test/fixtures/archives'
import { byPath, readAll } from '../../../test/fixtures/read'
import { openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => (work = await workDir()))
afterAll(() => work.done())

const part = (n: number) => `takeout-20240102T030405Z-00${n}.zip`
async function writeParts(dir: string, numbers: number[]) {
  await mkdir(work.path(dir), { recursive: true })
  for (const n of numbers) {
    await writeFile(work.path(`${dir}/${part(n)}`), await zipBuffer([{ name: `Takeout/My Activity/Assistant/part${n}.mp3`, data: `audio ${n}` }, { name: `Takeout/archive_browser_${n}.html`, data: 'x' }]))
  }
}

describe('a Google Takeout export split into parts', () => {
  beforeAll(async () => {
    await writeParts('all', [1, 2, 3])
    await writeParts('gap', [1, 3])
    await writeParts('mixed', [1, 2])
    await writeFile(work.path('mixed/takeout-20230101T000000Z-001.zip'), await zipBuffer([{ name: 'old.txt', data: 'old' }]))
    await writeFile(work.path('mixed/notes.txt'), 'not a part')
  })

  it('opened from any one part, is one export of all parts', async () => {
    const a = await openArchive(work.path(`all/${part(2)}`))
    try {
      expect(a.format).toBe('multipart-zip')
      expect(a.path).toBe(work.path(`all/${part(2)}`))
      expect(a.parts.map((p) => p.path)).toEqual([1, 2, 3].map((n) => work.path(`all/${part(n)}`)))
      expect(a.bytes).toBe(a.parts.reduce((s, p) => s + p.bytes, 0))
      expect(a.entries).toHaveLength(6)
      expect(a.problems).toEqual([])
      const mp3 = byPath(a, 'Takeout/My Activity/Assistant/part3.mp3')
      expect(mp3.info.part).toBe(part(3))
      expect((await readAll(a, mp3)).toString()).toBe('audio 3')
    } finally {
      await a.close()
    }
  })

  it('opened as the folder holding the parts, is the same export', async () => {
    const fromPart = await openArchive(work.path(`all/${part(1)}`))
    const fromFolder = await openArchive(work.path('all'))
    try {
      expect(fromFolder.format).toBe('multipart-zip')
      expect(fromFolder.entries.map((e) => e.info)).toEqual(fromPart.entries.map((e) => e.info))
      expect(fromFolder.fingerprint).toBe(fromPart.fingerprint)
    } finally {
      await fromPart.close()
      await fromFolder.close()
    }
  })

  it('with a part missing from the numbering: a problem line names it', async () => {
    const a = await openArchive(work.path(`gap/${part(3)}`))
    try {
      expect(a.parts).toHaveLength(2)
      expect(a.problems).toEqual([{ kind: 'missing-part', path: part(2), message: `Part ${part(2)} is missing from the numbering; the export is incomplete.` }])
    } finally {
      await a.close()
    }
  })

  it('in a folder with another export too: opens the larger set and says the other was left alone', async () => {
    const a = await openArchive(work.path('mixed'))
    try {
      expect(a.parts.map((p) => p.path)).toEqual([1, 2].map((n) => work.path(`mixed/${part(n)}`)))
      expect(a.problems.map((p) => p.kind)).toEqual(['other-export'])
    } finally {
      await a.close()
    }
  })

  it('a lone first part is an ordinary ZIP', async () => {
    await mkdir(work.path('lone'))
    await writeFile(work.path(`lone/${part(1)}`), await zipBuffer([{ name: 'a.txt', data: 'a' }]))
    const a = await openArchive(work.path(`lone/${part(1)}`))
    try {
      expect(a.format).toBe('zip')
      expect(a.entries[0]!.info.part).toBeNull()
    } finally {
      await a.close()
    }
  })

  it('a folder whose only part is a lone first part opens that ZIP as itself, entry for entry', async () => {
    await mkdir(work.path('lone-folder'))
    await writeFile(work.path(`lone-folder/${part(1)}`), await zipBuffer([{ name: 'Takeout/a.mp3', data: 'a' }]))
    const folder = await openArchive(work.path('lone-folder'))
    const file = await openArchive(work.path(`lone-folder/${part(1)}`))
    try {
      expect(folder.format).toBe('zip')
      expect(folder.parts.map((p) => p.path)).toEqual([work.path(`lone-folder/${part(1)}`)])
      expect(folder.entries.map((e) => e.info)).toEqual(file.entries.map((e) => e.info))
      expect(folder.entries[0]!.info).toMatchObject({ path: 'Takeout/a.mp3', part: null })
    } finally {
      await folder.close()
      await file.close()
    }
  })

  it('two exports whose names merely end in numbers are not parts of one', async () => {
    await mkdir(work.path('numbered'))
    await writeFile(work.path('numbered/ui-1700.zip'), await zipBuffer([{ name: 'a.mp3', data: 'a' }]))
    await writeFile(work.path('numbered/ui-20000.zip'), await zipBuffer([{ name: 'b.mp3', data: 'b' }]))
    await writeFile(work.path('numbered/export-1701.zip'), await zipBuffer([{ name: 'c.mp3', data: 'c' }]))
    const one = await openArchive(work.path('numbered/ui-1700.zip'))
    const folder = await openArchive(work.path('numbered'))
    try {
      expect(one.format).toBe('zip')
      expect(one.parts).toHaveLength(1)
      expect(one.entries.map((e) => e.info.path)).toEqual(['a.mp3'])
      expect(one.problems).toEqual([])
      // The folder is a folder of three ZIPs, not one export made of their entries.
      expect(folder.format).toBe('folder')
      expect(folder.entries.map((e) => e.info.path).sort()).toEqual(expect.arrayContaining(['export-1701.zip', 'ui-1700.zip', 'ui-20000.zip'].map((n) => expect.stringContaining(n))))
    } finally {
      await one.close()
      await folder.close()
    }
  })

  it('a damaged sibling part is a problem line; the part that was opened still opens', async () => {
    await writeParts('bad', [1, 2])
    await writeFile(work.path(`bad/${part(2)}`), 'not a zip')
    const a = await openArchive(work.path(`bad/${part(1)}`))
    try {
      expect(a.entries).toHaveLength(2)
      expect(a.problems).toEqual([{ kind: 'part', path: part(2), message: `Part ${part(2)} could not be opened: it is not a ZIP archive.` }])
    } finally {
      await a.close()
    }
  })
})
