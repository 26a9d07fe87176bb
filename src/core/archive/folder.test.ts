import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir, zipBuffer } from '../../../test/fixtures/archives'
import { byPath, readAll } from '../../../test/fixtures/read'
import { ArchiveOpenError, openArchive } from './index'

let work: Awaited<ReturnType<typeof workDir>>
beforeAll(async () => {
  work = await workDir()
  await mkdir(work.path('export/Alexa/Voice'), { recursive: true })
  await mkdir(work.path('export/empty-sub'))
  await writeFile(work.path('export/Alexa/Voice/b.wav'), 'bbbb')
  await writeFile(work.path('export/Alexa/Voice/a.wav'), 'aaaa')
  await writeFile(work.path('export/Alexa/devices.csv'), 'id,name\n1,Echo')
  await writeFile(work.path('export/Alexa/more.zip'), await zipBuffer([{ name: 'inside.mp3', data: 'mp3' }]))
  await writeFile(work.path('secret.txt'), 'outside the export')
  await symlink(work.path('secret.txt'), work.path('export/leak.txt'))
  await symlink(work.path('export/Alexa/devices.csv'), work.path('export/devices-link.csv'))
  await symlink(work.path('export/Alexa'), work.path('export/loop'))
  await mkdir(work.path('nothing/deeper'), { recursive: true })
})
afterAll(() => work.done())

describe('a folder (an export already unpacked)', () => {
  it('is walked in name order with relative "/" paths, and ZIPs inside it are opened too', async () => {
    const a = await openArchive(work.path('export'))
    try {
      expect(a.format).toBe('folder')
      expect(a.entries.map((e) => e.info.path)).toEqual([
        'Alexa/Voice/a.wav',
        'Alexa/Voice/b.wav',
        'Alexa/devices.csv',
        'Alexa/more.zip',
        'Alexa/more.zip!/inside.mp3',
        'devices-link.csv'
      ])
      expect(byPath(a, 'Alexa/Voice/a.wav').info).toMatchObject({ size: 4, kind: 'audio', method: 'file', crc32: null })
      expect(byPath(a, 'Alexa/Voice/a.wav').info.localTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/)
      expect((await readAll(a, byPath(a, 'Alexa/Voice/b.wav'))).toString()).toBe('bbbb')
      expect((await readAll(a, byPath(a, 'Alexa/devices.csv'), { start: 3, end: 6 })).toString()).toBe('name')
      expect((await readAll(a, byPath(a, 'Alexa/more.zip!/inside.mp3'))).toString()).toBe('mp3')
      expect((await readAll(a, byPath(a, 'devices-link.csv'))).toString()).toBe('id,name\n1,Echo')
    } finally {
      await a.close()
    }
  })

  it('never follows a link out of the folder, nor a link to a folder', async () => {
    const a = await openArchive(work.path('export'))
    try {
      expect(a.entries.map((e) => e.info.path)).not.toContain('leak.txt')
      expect(a.problems.map((p) => [p.kind, p.path])).toEqual([
        ['symlink', 'leak.txt'],
        ['symlink', 'loop']
      ])
    } finally {
      await a.close()
    }
  })

  it('with no files in it cannot be opened', async () => {
    const err = await openArchive(work.path('nothing')).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ArchiveOpenError)
    expect(err).toMatchObject({ reason: 'no-entries', message: `The folder ${work.path('nothing')} holds no files.` })
  })
})
