import { alsoDuring, count, listOf } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { ProfileRule } from '../types'

/** Weak: people named in recordings whom the account's other recordings rarely or never name. */
export const unknownNames: ProfileRule = {
  kind: 'profile',
  id: 'unknown-names',
  severity: 'weak',
  run(e, usual) {
    const known = usual.names
    if (!known) return []
    const indices: number[] = []
    const strangers = new Map<string, number>()
    e.features.forEach((f, i) => {
      if (f.names.length === 0) return
      const unknown = f.names.filter((n) => !known.values.has(n))
      if (unknown.length === 0) return
      indices.push(i)
      for (const n of unknown) strangers.set(n, (strangers.get(n) ?? 0) + 1)
    })
    if (indices.length === 0) return []
    const names = [...strangers].sort((a, b) => b[1] - a[1]).map(([n]) => n)
    const theirs = known.ranked.length ? ` (they name ${listOf([...known.ranked], 4)})` : ''
    return [findingOf(e, this, indices, [], `${count(indices.length, 'recording')} name ${listOf(names, 5)}, whom the account's other recordings rarely or never name${theirs}${alsoDuring(timesOf(e, indices))}.`, 'unknownNames', {
        names: names.slice(0, 5),
        more: Math.max(0, names.length - 5),
        theirs: [...known.ranked].slice(0, 4)
      })
    ]
  }
}
