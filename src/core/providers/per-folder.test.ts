import { describe, expect, it } from 'vitest'
import { createExportView } from './export-view'
import { FolderRuns, type RunMember } from './per-folder'
import { memoryArchive } from './testing/memory-archive'

/** A member whose path is its norm, as a plain lower-case path's is. */
const member = (norm: string): RunMember => ({ path: norm, plain: true, cut: norm.lastIndexOf('/'), norm, normLength: norm.length, normHas: (text, at) => norm.startsWith(text, at) })

const runsOf = (norms: string[]) => {
  const runs = new FolderRuns()
  norms.forEach((norm, i) => runs.note(member(norm), i))
  return runs.runs.map((r) => [r.folder, r.cut, r.from, r.to, r.odd])
}

describe('FolderRuns', () => {
  it('makes one run per folder met in a row, and a new one when another folder comes between', () => {
    expect(runsOf(['a/b/1.wav', 'a/b/2.wav', 'a/bc/3.wav', 'a/b/4.wav', 'x/b/5.wav', 'x/b/6.wav'])).toEqual([
      ['a/b', 3, 0, 2, false],
      ['a/bc', 4, 2, 3, false],
      ['a/b', 3, 3, 4, false],
      // A folder of the same length but another name ('x/b' after 'a/b') starts a run.
      ['x/b', 3, 4, 6, false]
    ])
  })

  it('tells the root from a folder named by a leading slash, and keeps a name ending in / alone', () => {
    expect(runsOf(['top.csv', 'x.wav', '/a.wav', '/b.wav', 'a/b/', 'a/b/', 'a/c.wav'])).toEqual([
      ['', -1, 0, 2, false],
      ['', 0, 2, 4, false],
      ['a/b', 3, 4, 5, true],
      ['a/b', 3, 5, 6, true],
      ['a', 1, 6, 7, false]
    ])
  })

  it('does not join entries that are not next to each other in the view', () => {
    const runs = new FolderRuns()
    runs.note(member('a/1.wav'), 0)
    runs.note(member('a/2.wav'), 2)
    expect(runs.runs.map((r) => [r.from, r.to])).toEqual([
      [0, 1],
      [2, 3]
    ])
  })

  it('joins a folder however its entries spell it, by its normalised name, and parts folders that differ only beyond ASCII', async () => {
    const paths = ['Alexa/Audio/1.wav', 'alexa/AUDIO/2.wav', 'ALEXA/audio/\u00fc.wav', 'Alexa/Audio/\u0130.wav', 'alexa/audio/3.wav', 'Alexa/Audi\u00d6/4.wav', 'alexa/audi\u00f6/5.wav', 'Alexa/Audio/6.wav', 'Alexa/Audi\u0130/7.wav', 'alexa/audi\u0069\u0307/8.wav', 'K/1.wav', '\u212a/2.wav']
    const view = createExportView(await memoryArchive({ parts: [], mtime: new Date(0) }, paths.map((path) => ({ path, content: 'x' }))))
    expect(view.folders.map((r) => [r.folder, r.cut, r.from, r.to, r.odd])).toEqual([
      ['alexa/audio', 11, 0, 5, false],
      ['alexa/audi\u00f6', 11, 5, 7, false],
      ['alexa/audio', 11, 7, 8, false],
      // Turkish capital dotted I lower-cases to 'i' and a combining dot (two characters): another folder than 'audio', one with 'audi\u0069\u0307'.
      ['alexa/audi\u0069\u0307', 12, 8, 10, false],
      // The Kelvin sign lower-cases to 'k' (not ASCII lower-casing, which leaves it): 'k' and '\u212a' are one folder.
      ['k', 1, 10, 12, false]
    ])
    // Each run's entries have its folder before their cut, as their norms say.
    for (const r of view.folders) for (let i = r.from; i < r.to; i++) expect(view.entries[i]!.norm.slice(0, r.cut)).toBe(r.folder)
  })
})
