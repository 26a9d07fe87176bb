import type { Recording } from '../../shared/model/recording'
import { languageOf, loadLanguageDetector, primaryLanguage } from './text/language'
import { namesIn } from './text/names'
import { placesIn, type Place } from './text/places'
import { tokenize } from './text/tokens'

export interface RecordingFeatures {
  /** UTC milliseconds, or null when the export gives no time with a known zone. */
  time: number | null
  language: string | null
  /** Where the language came from: the export states it, or the transcript's words were read. */
  languageFrom: 'export' | 'transcript' | null
  places: readonly Place[]
  names: readonly string[]
}

const NONE: readonly never[] = Object.freeze([])

// The same reading is analysed again after every mark; its words do not change, so they are read once
// (and a second call while the first is still reading waits for it instead of reading them again).
const cache = new WeakMap<readonly Recording[], Promise<readonly RecordingFeatures[]>>()

// Reading 100,000 distinct transcripts takes seconds; the engine answers other calls in between.
const SLICE_MS = 8
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve))

/** What the profile rules compare, per recording; transcripts repeat ("stop"), so each text is read once. */
export function featuresOf(recordings: readonly Recording[]): Promise<readonly RecordingFeatures[]> {
  let hit = cache.get(recordings)
  if (!hit) {
    hit = readFeatures(recordings)
    cache.set(recordings, hit)
    hit.catch(() => cache.delete(recordings))
  }
  return hit
}

async function readFeatures(recordings: readonly Recording[]): Promise<readonly RecordingFeatures[]> {
  // The detector's table takes ~50-100 ms and ~5 MB to load (text/eld-table.ts): only an export with transcripts of unknown language pays for it.
  const needsDetector = recordings.some((r) => primaryLanguage(r.language) === null && !!r.transcript?.trim())
  const detect = needsDetector ? await loadLanguageDetector() : null
  const languages = new Map<string, string | null>()
  const words = new Map<string, { places: readonly Place[]; names: readonly string[]; count: number }>()
  const featuresOfOne = (r: Recording): RecordingFeatures => {
    const parsed = r.time === null ? Number.NaN : Date.parse(r.time)
    const time = Number.isNaN(parsed) ? null : parsed
    const transcript = r.transcript?.trim() || null
    const stated = primaryLanguage(r.language)
    if (!transcript) return { time, language: stated, languageFrom: stated ? 'export' : null, places: NONE, names: NONE }
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
    return { time, language, languageFrom: stated ? 'export' : language ? 'transcript' : null, places: w.places, names: w.names }
  }
  const out: RecordingFeatures[] = new Array(recordings.length)
  let sliceStarted = performance.now()
  for (let i = 0; i < recordings.length; i++) {
    out[i] = featuresOfOne(recordings[i]!)
    if ((i & 63) === 63 && performance.now() - sliceStarted > SLICE_MS) {
      await nextTurn()
      sliceStarted = performance.now()
    }
  }
  return out
}
