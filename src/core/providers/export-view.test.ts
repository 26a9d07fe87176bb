import { writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { workDir, zipBuffer } from '../../../test/fixtures/archives'
import { openArchive } from '../archive'
import { AUDIO_EXTENSIONS, entryKind } from '../archive/kind'
import { createExportView } from './export-view'
import { hashOf } from './norm-index'
import { memoryArchive } from './testing/memory-archive'

const viewOf = async (paths: Array<string | { path: string; part: string }>) =>
  createExportView(await memoryArchive({ parts: [], mtime: new Date(0) }, paths.map((p) => (typeof p === 'string' ? { path: p, content: 'x' } : { ...p, content: 'x' }))))

describe('the export view', () => {
  it('counts as audio exactly what the archive engine calls audio: one list of extensions', async () => {
    const names = [...AUDIO_EXTENSIONS].map((ext) => `Clips/a.${ext.toUpperCase()}`)
    expect(names.map(entryKind)).toEqual(names.map(() => 'audio'))
    expect(AUDIO_EXTENSIONS.has('wma') && AUDIO_EXTENSIONS.has('3gp')).toBe(true)
    const view = await viewOf([...names, 'Clips/notes.txt', 'Clips/a.wav.json', 'x.constructor'])
    expect(view.entries.map((e) => e.audio)).toEqual([...names.map(() => true), false, false, false])
    expect(entryKind('x.constructor')).toBe('other')
  })

  it('normalises names once: case, NFD, no-break spaces, backslashes and nested-archive marks', async () => {
    const view = await viewOf(['Takeout/My\u00a0Activity/Ü.MP3', 'Outer.zip!/Inner/Re\u0301sume\u0301.WAV', 'a\\b\\C.csv', { path: 'Takeout/x.json', part: 'takeout-002.zip' }])
    expect(view.entries.map((e) => [e.norm, e.base, e.ext, e.segments])).toEqual([
      ['takeout/my activity/ü.mp3', 'ü.mp3', 'mp3', ['takeout', 'my activity', 'ü.mp3']],
      ['outer.zip/inner/résumé.wav', 'résumé.wav', 'wav', ['outer.zip', 'inner', 'résumé.wav']],
      ['a/b/c.csv', 'c.csv', 'csv', ['a', 'b', 'c.csv']],
      ['takeout/x.json', 'x.json', 'json', ['takeout', 'x.json']]
    ])
    expect(view.entries.map((e) => e.key)).toEqual(['Takeout/My\u00a0Activity/Ü.MP3', 'Outer.zip!/Inner/Re\u0301sume\u0301.WAV', 'a\\b\\C.csv', 'takeout-002.zip\u0000Takeout/x.json'])
    expect(view.byBase('RÉSUMÉ.wav').map((e) => e.path)).toEqual(['Outer.zip!/Inner/Re\u0301sume\u0301.WAV'])
    expect(view.byKey('takeout-002.zip\u0000Takeout/x.json')?.part).toBe('takeout-002.zip')
  })

  it('works out each name\'s hash, its last \'/\' and extension as it is made, as the long way finds them', async () => {
    const view = await viewOf(['Alexa/Audio/20210701-000001.WAV', 'x.zip!/In/Ä b.mp3', 'Dir\\Sub\\c.Wav', 'top.csv', '._debris.wav', '.wav', 'a.b/c', 'Q/ZZ.Ogg', 'a\u00a0b/Ünï.txt'])
    expect(view.entries.map((e) => e.norm)).toEqual(['alexa/audio/20210701-000001.wav', 'x.zip/in/ä b.mp3', 'dir/sub/c.wav', 'top.csv', '.wav', 'a.b/c', 'q/zz.ogg', 'a b/ünï.txt'])
    for (const e of view.entries) {
      expect(view.normHash(e)).toBe(hashOf(e.norm, ''))
      expect(e.cut).toBe(e.norm.lastIndexOf('/'))
    }
    expect(view.entries.map((e) => e.ext)).toEqual(['wav', 'mp3', 'wav', 'csv', '', '', 'ogg', 'txt'])
    expect(view.entries.map((e) => e.base)).toEqual(['20210701-000001.wav', 'ä b.mp3', 'c.wav', 'top.csv', '.wav', 'c', 'zz.ogg', 'ünï.txt'])
  })

  it('leaves out re-zipping debris and folders, wherever they sit', async () => {
    const view = await viewOf(['__MACOSX/a/._b.wav', 'a/__MACOSX/b.wav', 'a/__MACOSX', 'a/._b.wav', 'a/.DS_Store', 'a/', 'a/b.wav', 'a//c.wav/'])
    expect(view.entries.map((e) => e.path)).toEqual(['a/b.wav'])
  })

  it('takes a ZIP name\'s hash, last \'/\' and \'.\' from its listing where the name is plain, the same as the long way finds them', async () => {
    const work = await workDir()
    try {
      const inner = await zipBuffer([{ name: 'In/Deep.WAV', data: 'x' }])
      const names = ['Alexa/Audio/20210701-000001.WAV', 'a!/b.wav', 'A.B/c', 'top.CSV', 'x/y:z.wav', 'Ä/ö.mp3', 'q/__MACOSX/r.wav', 'q/._s.wav', 'Q__/__MacOSX', 'q__/r_.wav', 'part/__MACOSX/a.mp3', '__MACOSX/b.wav', 'c/._d.wav', '.wav', 'nodot', 'a.b.c/D.E.Ogg', 'inner.zip']
      const path = work.path('names.zip')
      await writeFile(path, await zipBuffer(names.map((name) => ({ name, data: name === 'inner.zip' ? inner : 'x', compress: name !== 'inner.zip' }))))
      const archive = await openArchive(path)
      try {
        const view = createExportView(archive)
        // The kind the listing gives from its walk is the one the path alone gives ('__MACOSX' twins are 'other').
        expect(archive.entries.map((e) => e.info.kind)).toEqual(archive.entries.map((e) => entryKind(e.info.path)))
        expect(archive.entries.filter((e) => e.info.path.includes('MACOSX')).map((e) => e.info.kind)).toEqual(['other', 'other', 'other'])
        // Taken from the listing for the plain names only: '!/', ':', non-ASCII and the nested entry go the long way.
        expect(archive.entries.filter((e) => e.plainShape?.({ hash: 0, slash: 0, dot: 0, underscores: false })).map((e) => e.info.path)).toEqual(names.filter((n) => !/[!:Ä]/.test(n)))
        expect(view.entries.map((e) => e.norm)).toEqual(['alexa/audio/20210701-000001.wav', 'a/b.wav', 'a.b/c', 'top.csv', 'x/y:z.wav', 'ä/ö.mp3', 'q__/r_.wav', '.wav', 'nodot', 'a.b.c/d.e.ogg', 'inner.zip', 'inner.zip/in/deep.wav'])
        for (const e of view.entries) {
          expect(view.normHash(e)).toBe(hashOf(e.norm, ''))
          expect(e.cut).toBe(e.norm.lastIndexOf('/'))
        }
        expect(view.entries.map((e) => e.ext)).toEqual(['wav', 'wav', '', 'csv', 'wav', 'mp3', 'wav', '', '', 'ogg', 'zip', 'wav'])
        expect(view.entries.map((e) => e.audio)).toEqual([true, true, false, false, true, true, true, true, false, true, false, true])
      } finally {
        await archive.close()
      }
    } finally {
      await work.done()
    }
  })
})
