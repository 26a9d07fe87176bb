import { describe, expect, it } from 'vitest'
import { FolderRuns } from './per-folder'

const runsOf = (norms: string[]) => {
  const runs = new FolderRuns()
  norms.forEach((norm, i) => runs.note(norm, norm.lastIndexOf('/'), i))
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
    runs.note('a/1.wav', 1, 0)
    runs.note('a/2.wav', 1, 2)
    expect(runs.runs.map((r) => [r.from, r.to])).toEqual([
      [0, 1],
      [2, 3]
    ])
  })
})
