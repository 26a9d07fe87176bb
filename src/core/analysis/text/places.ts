import gazetteer from './places.json'
import { fold, tokenize, type Token } from './tokens'

export interface Place {
  /** The gazetteer's name, or the words as said when the place is not in it. */
  name: string
  lat: number | null
  lon: number | null
}

const known = new Map<string, Place>()
let longest = 1
for (const [name, lat, lon, ...aliases] of gazetteer.places as Array<[string, number, number, ...string[]]>) {
  const place = { name, lat, lon }
  for (const spelling of [name, ...aliases]) {
    const key = tokenize(spelling).map((t) => t.folded).join(' ')
    known.set(key, place)
    longest = Math.max(longest, key.split(' ').length)
  }
}

// Words after which a place name follows in a question about weather, traffic or the way.
const BEFORE_PLACE = new Set(['in', 'to', 'near', 'from', 'around', 'for', 'nach', 'bei', 'aus', 'fur', 'von', 'zwischen'])
// "between Hamburg and Berlin": a known place after these, but never a guess.
const BETWEEN_PLACES = new Set(['and', 'und'])
// A question is about a place when it asks one of these; only then do unknown capitalised words count as places.
const PLACE_QUESTION = /\b(weather|forecast|temperature|rain|snow|sunny|traffic|drive|commute|how far|where is|directions|wetter|vorhersage|temperatur|regen|regnet|schnee|schneit|sonnig|verkehr|stau|fahrt|wie weit|wo (?:ist|liegt)|route)\b/i
// Capitalised words that follow "in" without naming a place ("in the morning" is lower case; these are not).
const NOT_A_PLACE = new Set(['i', 'ich', 'der', 'die', 'das', 'dem', 'den', 'the', 'a', 'an', 'my', 'meinem', 'meiner', 'minutes', 'minuten', 'stunden', 'hours', 'alexa', 'echo', 'google'])

function knownAt(tokens: readonly Token[], i: number): { place: Place; length: number } | null {
  for (let n = Math.min(longest, tokens.length - i); n >= 1; n--) {
    const place = known.get(
      tokens
        .slice(i, i + n)
        .map((t) => t.folded)
        .join(' ')
    )
    if (place) return { place, length: n }
  }
  return null
}

/** The places a transcript asks about: named right after "in", "to", "nach", … */
export function placesIn(text: string, tokens: readonly Token[] = tokenize(text)): Place[] {
  const found = new Map<string, Place>()
  const asksAboutPlace = PLACE_QUESTION.test(text)
  for (let i = 1; i < tokens.length; i++) {
    const before = tokens[i - 1]!.folded
    if (!BEFORE_PLACE.has(before) && !BETWEEN_PLACES.has(before)) continue
    const hit = knownAt(tokens, i)
    if (hit) {
      found.set(hit.place.name, hit.place)
      i += hit.length - 1
      continue
    }
    const t = tokens[i]!
    if (asksAboutPlace && BEFORE_PLACE.has(before) && t.capitalized && !NOT_A_PLACE.has(t.folded)) found.set(t.text, { name: t.text, lat: null, lon: null })
  }
  return [...found.values()]
}

/** Great-circle distance in km. */
export function distanceKm(a: Place, b: Place): number {
  if (a.lat === null || a.lon === null || b.lat === null || b.lon === null) return Number.POSITIVE_INFINITY
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLon = (b.lon - a.lon) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

export const isKnownPlaceWord = (folded: string): boolean => known.has(folded)
export { fold }
