import { alsoDuring, count, listOf } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { ProfileRule } from '../types'

// Past this many areas the rest are told in one finding, so a traveller's export stays readable.
const MAX_FINDINGS = 10

/**
 * Weak: weather, traffic and "where is" questions about places far from the ones the account's
 * other recordings ask about. In 2018 a magazine found the stranger from exactly these.
 */
export const otherPlaces: ProfileRule = {
  kind: 'profile',
  id: 'other-places',
  severity: 'weak',
  run(e, usual) {
    const places = usual.places
    if (!places) return []
    const byArea = new Map<number, number[]>()
    e.features.forEach((f, i) => {
      if (f.places.length === 0) return
      const areas = new Set(f.places.map((p) => places.areaOf.get(p.name)!).filter((a) => !places.usual.has(a)))
      for (const a of areas) {
        const list = byArea.get(a)
        if (list) list.push(i)
        else byArea.set(a, [i])
      }
    })
    const theirs = listOf(places.areas.filter((a) => places.usual.has(a.id)).flatMap((a) => a.names), 4)
    const ranked = [...byArea].sort((a, b) => b[1].length - a[1].length)
    const shown = ranked.slice(0, MAX_FINDINGS)
    const rest = ranked.slice(MAX_FINDINGS)
    if (rest.length) shown.push([-1, [...new Set(rest.flatMap(([, list]) => list))].sort((a, b) => a - b)])
    return shown.map(([area, indices]) => {
      const names = area === -1 ? rest.flatMap(([a]) => places.areas[a]!.names) : places.areas[area]!.names
      return findingOf(e, this, indices, [], `${count(indices.length, 'recording')} ask about ${listOf(names)}, far from the places the account's other recordings ask about (${theirs})${alsoDuring(timesOf(e, indices))}.`, 'otherPlaces', {
        places: names,
        theirs: places.areas.filter((a) => places.usual.has(a.id)).flatMap((a) => a.names)
      })
    })
  }
}
