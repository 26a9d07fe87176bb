import { describe, expect, it } from 'vitest'
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
})
