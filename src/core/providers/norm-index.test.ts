import { describe, expect, it } from 'vitest'
import { createExportView, type ViewEntry } from './export-view'
import { hashOf, NormIndex } from './norm-index'
import { memoryArchive } from './testing/memory-archive'
import { fixedBasisTwins, thueMorseTwins } from '../../../test/fixtures/hash-flood'

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

  // Each entry wrapped so that reading its normSource (what a name compare reads) is counted.
  const counted = (entries: readonly ViewEntry[]) => {
    const reads = { n: 0 }
    const wrapped = entries.map((e) => Object.create(e, { normSource: { get: () => (reads.n++, e.normSource) } }) as ViewEntry)
    return { wrapped, reads }
  }

  it.each([
    ['built to one hash from the fixed basis', () => fixedBasisTwins('a/', 9, '.wav')],
    ['of one hash from any start (Thue-Morse blocks)', () => thueMorseTwins('a/', 9, '.wav')]
  ])('answers as before for 512 names %s, comparing names a bounded number of times, not once per pair', async (_, namesOf) => {
    const names = namesOf()
    const last = names.length - 1
    // The last name again, in capitals: a second entry of one norm.
    const view = await viewOf([...names, names[last]!.toUpperCase()])
    const { wrapped, reads } = counted(view.entries)
    const index = new NormIndex(wrapped)
    expect(index.unique).toBe(false)
    const places = names.map((_, i) => (i === last ? last + 1 : i))
    expect(names.map((n) => index.find(n, ''))).toEqual(places)
    expect(index.find('a/', names[7]!.slice(2))).toBe(7)
    expect(index.find(names[0]!.replace('.wav', '.mp3'), '')).toBe(-1)
    expect(names.map((_, i) => index.placeOf(view.entries[i]!, view.normHash(view.entries[i]!)))).toEqual(places)
    // A compare reads two normSources, and each probe makes at most one: flood-budget.ts allows
    // 4,096 + 16 per name put in (513) or asked for (1,027), 28,736 probes. A table that compared
    // each name with every one before it read 263,000.
    expect(reads.n).toBeLessThanOrEqual(2 * 28_736)
    const unique = new NormIndex(counted(view.entries.slice(0, last + 1)).wrapped)
    expect(unique.unique).toBe(true)
  })
})
