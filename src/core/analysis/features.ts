import type { Recording } from '../../shared/model/recording'
import { languageOf, loadLanguageDetector, primaryLanguage } from './text/language'
import { namesIn } from './text/names'
import { placesIn, type Place } from './text/places'
import { tokenize } from './text/tokens'

export interface RecordingFeatures {
  /** UTC milliseconds, or null when the export gives no time with a known zone. */
  time: number | null
  language: string | null
  places: readonly Place[]
  names: readonly string[]
}

const NONE: readonly never[] = Object.freeze([])

// The same reading is analysed again after every mark; its words do not change, so they are read once.
const cache = new WeakMap<readonly Recording[], readonly RecordingFeatures[]>()

/** What the profile rules compare, per recording; transcripts repeat ("stop"), so each text is read once. */
export async function featuresOf(recordings: readonly Recording[]): Promise<readonly RecordingFeatures[]> {
  const hit = cache.get(recordings)
  if (hit) return hit
  // eld's n-gram tables take ~200 ms and ~45 MB to load: only an export with transcripts of unknown language pays for them.
  const needsDetector = recordings.some((r) => primaryLanguage(r.language) === null && !!r.transcript?.trim())
  const detect = needsDetector ? await loadLanguageDetector() : null
  const languages = new Map<string, string | null>()
  const words = new Map<string, { places: readonly Place[]; names: readonly string[]; count: number }>()
  const out = recordings.map((r): RecordingFeatures => {
    const parsed = r.time === null ? Number.NaN : Date.parse(r.time)
    const time = Number.isNaN(parsed) ? null : parsed
    const transcript = r.transcript?.trim() || null
    const stated = primaryLanguage(r.language)
    if (!transcript) return { time, language: stated, places: NONE, names: NONE }
    let w = words.get(transcript)
    if (!w) {
      const tokens = tokenize(transcript)
      const places = placesIn(transcript, tokens)
      const names = namesIn(transcript, tokens)
      w = { places: places.length ? places : NONE, names: names.length ? names : NONE, count: tokens.length }
      words.set(transcript, w)
    }
    let language = stated
    if (language === null && detect !== null) {
      const key = r.response ? `${transcript}\u0000${r.response}` : transcript
      language = languages.get(key) ?? null
      if (!languages.has(key)) languages.set(key, (language = languageOf(detect, transcript, r.response, w.count)))
    }
    return { time, language, places: w.places, names: w.names }
  })
  cache.set(recordings, out)
  return out
}
