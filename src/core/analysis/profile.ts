import type { RecordingFeatures } from './features'
import { ownNames } from './text/names'
import { distanceKm, type Place } from './text/places'

/**
 * A value is the account's own when its trusted recordings use it at least a quarter as often as
 * their most used one, and at least twice. A stranger whose recordings are a minority stays below
 * that; a household's second language or a friend named now and then in a busy export may not,
 * which is why what these rules find is only ever weak.
 */
export const USUAL_SHARE = 0.25
const MIN_USES = 2

/**
 * Below these many trusted recordings that show a feature, nothing is usual yet and the rule stays
 * silent: with a dozen mentions, a partner named twice looks as rare as a stranger.
 */
export const MIN_SUPPORT = { language: 20, places: 20, names: 20 } as const

/** Home and work of one person are usually within this distance; another person's city is usually not. */
export const AREA_KM = 100

export interface UsualValues {
  values: ReadonlySet<string>
  /** The usual values, most used first, for messages. */
  ranked: readonly string[]
}

/** Places near each other (a home town and the work town) count as one area. */
export interface Area {
  id: number
  /** Names of its places, most mentioned first. */
  names: string[]
}

export interface UsualPlaces {
  areaOf: ReadonlyMap<string, number>
  areas: readonly Area[]
  usual: ReadonlySet<number>
}

export interface Usual {
  /** Indices of the recordings the usual was learnt from. */
  baseline: readonly number[]
  language: UsualValues | null
  names: UsualValues | null
  places: UsualPlaces | null
}

function usualOf(counts: ReadonlyMap<string, number>, support: number, minSupport: number, always: ReadonlySet<string> = new Set()): UsualValues | null {
  if (support < minSupport) return null
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1])
  const top = ranked[0]?.[1] ?? 0
  const bar = Math.max(MIN_USES, top * USUAL_SHARE)
  const usual = ranked.filter(([, n]) => n >= bar).map(([v]) => v)
  return { values: new Set([...usual, ...always]), ranked: usual }
}

/** The distinct sayings of `indices`, each with how many of them said it, in order of first appearance. */
export interface Weighted {
  features: readonly RecordingFeatures[]
  weights: readonly number[]
}

/** What a tally over `indices` needs of them: each distinct saying once, with its count (100,000 recordings say a few thousand things). */
export function weighted(sayings: { distinct: readonly RecordingFeatures[]; kinds: Uint32Array }, indices: readonly number[] | null): Weighted {
  const { kinds } = sayings
  const counts = new Uint32Array(sayings.distinct.length)
  const order: number[] = []
  const n = indices === null ? kinds.length : indices.length
  // A plain indexed loop: this runs over every recording, in a process that is still cold.
  for (let j = 0; j < n; j++) {
    const kind = kinds[indices === null ? j : indices[j]!]!
    if (counts[kind] === 0) order.push(kind)
    counts[kind]! += 1
  }
  return { features: order.map((k) => sayings.distinct[k]!), weights: order.map((k) => counts[k]!) }
}

/**
 * Per value, how many recordings name it, and how many name any: over distinct sayings with their
 * counts, in order of first appearance, so the counts and their order are those of a pass over
 * every recording.
 */
function tally({ features, weights }: Weighted, pick: (f: RecordingFeatures) => readonly string[] | string | null): { counts: Map<string, number>; support: number } {
  const counts = new Map<string, number>()
  let support = 0
  for (let k = 0; k < features.length; k++) {
    const values = pick(features[k]!)
    if (values === null || values.length === 0) continue
    const w = weights[k]!
    support += w
    const add = (v: string) => counts.set(v, (counts.get(v) ?? 0) + w)
    if (typeof values === 'string') add(values)
    else if (values.length === 1) add(values[0]!)
    else for (const v of new Set(values)) add(v)
  }
  return { counts, support }
}

/**
 * Areas by seed: the most mentioned place starts an area and takes every place within AREA_KM of
 * it. Seeds, unlike chains, cannot link Hamburg to Leipzig through a string of towns in between.
 */
function areasOf(all: Weighted, baselineCounts: ReadonlyMap<string, number>): { areaOf: Map<string, number>; areas: Area[] } {
  const places = new Map<string, { place: Place; total: number }>()
  all.features.forEach((f, k) => {
    for (const p of f.places) places.set(p.name, { place: p, total: (places.get(p.name)?.total ?? 0) + all.weights[k]! })
  })
  const order = [...places.values()].sort((a, b) => (baselineCounts.get(b.place.name) ?? 0) - (baselineCounts.get(a.place.name) ?? 0) || b.total - a.total || a.place.name.localeCompare(b.place.name))
  const seeds: Array<{ place: Place; area: Area }> = []
  // Only seeds with coordinates can take a place in, and only a place with them can join one (distanceKm is
  // infinite otherwise): each place asked about by an unknown name is its own area without a look at
  // every seed before it (20,000 such names: 3.9 s).
  const located: Array<{ place: Place; area: Area }> = []
  const hasCoordinates = (p: Place) => p.lat !== null && p.lon !== null
  const areaOf = new Map<string, number>()
  for (const { place } of order) {
    let home = hasCoordinates(place) ? located.find((s) => distanceKm(s.place, place) <= AREA_KM) : undefined
    if (!home) {
      home = { place, area: { id: seeds.length, names: [] } }
      seeds.push(home)
      if (hasCoordinates(place)) located.push(home)
    }
    home.area.names.push(place.name)
    areaOf.set(place.name, home.area.id)
  }
  return { areaOf, areas: seeds.map((s) => s.area) }
}

/** What the account's trusted recordings say, learnt from `baseline` only: never from what the evidence rules flagged. */
export function learnUsual(sayings: { distinct: readonly RecordingFeatures[]; kinds: Uint32Array }, baseline: readonly number[], accountNames: readonly string[]): Usual {
  const trusted = weighted(sayings, baseline)
  const lang = tally(trusted, (f) => f.language)
  const names = tally(trusted, (f) => f.names)
  const placeCounts = tally(trusted, (f) => (f.places.length ? f.places.map((p) => p.name) : null))
  const { areaOf, areas } = areasOf(weighted(sayings, null), placeCounts.counts)
  const areaCounts = tally(trusted, (f) => (f.places.length ? f.places.map((p) => String(areaOf.get(p.name))) : null))
  const usualAreas = usualOf(areaCounts.counts, areaCounts.support, MIN_SUPPORT.places)
  return {
    baseline,
    language: usualOf(lang.counts, lang.support, MIN_SUPPORT.language),
    names: usualOf(names.counts, names.support, MIN_SUPPORT.names, ownNames(accountNames)),
    places: usualAreas && { areaOf, areas, usual: new Set([...usualAreas.values].map(Number)) }
  }
}
