import { describe, expect, it } from 'vitest'
import { createExportView, type ViewEntry } from './export-view'
import { hashOf, NormIndex } from './norm-index'
import { memoryArchive } from './testing/memory-archive'

const viewOf = async (paths: string[]) => createExportView(await memoryArchive({ parts: [], mtime: new Date(0) }, paths.map((path) => ({ path, content: 'x' }))))

describe('NormIndex', () => {
  it('finds each normalised name (the last entry of a name), by prefix and rest, as a Map of names would', async () => {
    const view = await viewOf(['A/One.wav', 'a/two.wav', 'B/one.wav', 'a/ONE.wav', 'Ä/drei.wav'])
    const index = new NormIndex(view.entries)
    const byMap = new Map<string, number>()
    view.entries.forEach((e, place) => byMap.set(e.norm, place))
    expect(index.unique).toBe(false)
    for (const norm of ['a/one.wav', 'a/two.wav', 'b/one.wav', 'ä/drei.wav']) {
      expect(index.find(norm, '')).toBe(byMap.get(norm))
      const cut = norm.indexOf('/') + 1
      expect(index.find(norm.slice(0, cut), norm.slice(cut))).toBe(byMap.get(norm))
    }
    expect(index.find('a/', 'three.wav')).toBe(-1)
    expect(new NormIndex(view.entries.slice(1, 3)).unique).toBe(true)
  })

  it('tells names apart whose hashes collide, growing past many of them', async () => {
    const paths = Array.from({ length: 300 }, (_, i) => `f/${i}.wav`)
    const view = await viewOf([...paths, 'f/7.wav'])
    // Every name one hash: each probe runs on past the others and compares names.
    const same = (_: ViewEntry) => hashOf('f/0.wav', '')
    const index = new NormIndex(view.entries, same)
    expect(index.unique).toBe(false)
    // (find hashes the name asked for itself: only f/0.wav's hash finds the run of slots.)
    expect(index.find('f/0.wav', '')).toBe(0)
    const honest = new NormIndex(view.entries)
    expect(paths.map((p) => honest.find(p, ''))).toEqual(paths.map((_, i) => (i === 7 ? 300 : i)))
    expect(new NormIndex(view.entries.slice(0, 300), same).unique).toBe(true)
  })
})
