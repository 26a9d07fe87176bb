import type { Recording } from '../../shared/model/recording'
import { keptMs, readTimesOf } from '../read-times'
import { nextTurn } from '../next-turn'
import { languageOf, loadLanguageDetector, primaryLanguage } from './text/language'
import { namesIn } from './text/names'
import { placesIn, type Place } from './text/places'
import { tokenize } from './text/tokens'

/** What a recording said, read once per distinct saying: recordings that said the same share one object. */
export interface RecordingFeatures {
  language: string | null
  /** Where the language came from: the export states it, or the transcript's words were read. */
  languageFrom: 'export' | 'transcript' | null
  places: readonly Place[]
  names: readonly string[]
}

export interface Features {
  /** UTC milliseconds per recording, NaN when the export gives no time with a known zone. */
  times: Float64Array
  /** Aligned with the recordings; the same object for recordings that said the same thing. */
  each: readonly RecordingFeatures[]
  /** The distinct objects of `each`, in the order they first appear there. */
  distinct: readonly RecordingFeatures[]
  /** Aligned with the recordings: the place of each one's features in `distinct`. */
  kinds: Uint32Array
}

const NONE: readonly never[] = Object.freeze([])

// The same reading is analysed again after every mark; its words do not change, so they are read once
// (and a second call while the first is still reading waits for it instead of reading them again).
const cache = new WeakMap<readonly Recording[], Promise<Features>>()

// Reading 100,000 distinct transcripts takes seconds; the engine answers other calls in between.
const SLICE_MS = 8

/** What the profile rules compare, per recording; transcripts repeat ("stop"), so each text is read once. */
export function featuresOf(recordings: readonly Recording[]): Promise<Features> {
  let hit = cache.get(recordings)
  if (!hit) {
    hit = readFeatures(recordings)
    cache.set(recordings, hit)
    hit.catch(() => cache.delete(recordings))
  }
  return hit
}

async function readFeatures(recordings: readonly Recording[]): Promise<Features> {
  // The detector takes ~5 MB and, built, ~3 ms to load (its table from the build's binary file; from eld's text, as in tests, 30-80 ms: text/eld-table.ts): only an export with transcripts of unknown language pays for it.
  const needsDetector = recordings.some((r) => primaryLanguage(r.language) === null && !!r.transcript?.trim())
  const detect = needsDetector ? await loadLanguageDetector() : null
  const words = new Map<string, { places: readonly Place[]; names: readonly string[]; count: number }>()
  // One object per distinct saying, not per recording: at 100,000 recordings that said a few hundred
  // things, 100,000 objects of five fields were ~7 MB of the scan's peak.
  // Per stated language (null: none stated), then per transcript (with the answer where it is read too).
  const shared = new Map<string | null, Map<string, number>>()
  // Each saying's place in `distinct`: the analysis tallies sayings with their counts, not recordings.
  const distinct: RecordingFeatures[] = []
  const silentKinds = new Map<string | null, number>()
  const kindOfOne = (r: Recording): number => {
    const transcript = r.transcript?.trim() || null
    const stated = primaryLanguage(r.language)
    const from = stated ? 'export' : null
    if (!transcript) {
      let kind = silentKinds.get(stated)
      if (kind === undefined) silentKinds.set(stated, (kind = distinct.push(SILENT_IN.get(stated) ?? silentIn(stated)) - 1))
      return kind
    }
    // The answer is part of the saying only where it helps read the language.
    const key = stated === null && detect !== null && r.response ? `${transcript}\u0000${r.response}` : transcript
    let sayings = shared.get(stated)
    if (!sayings) shared.set(stated, (sayings = new Map()))
    const known = sayings.get(key)
    if (known !== undefined) return known
    let w = words.get(transcript)
    if (!w) {
      const tokens = tokenize(transcript)
      const places = placesIn(transcript, tokens)
      const names = namesIn(transcript, tokens)
      w = { places: places.length ? places : NONE, names: names.length ? names : NONE, count: tokens.length }
      words.set(transcript, w)
    }
    // Read once per saying: a saying met again is answered from `sayings` above.
    const language = stated ?? (detect !== null ? languageOf(detect, transcript, r.response, w.count) : null)
    const kind = distinct.push({ language, languageFrom: from ?? (language ? 'transcript' : null), places: w.places, names: w.names }) - 1
    sayings.set(key, kind)
    return kind
  }
  // The commonest case (no language stated, no answer to read with it: an Alexa export) by the
  // transcript as the export wrote it, one lookup instead of trimming and two.
  const plain = new Map<string | null, number>()
  const withAnswer = new Map<string, Map<string, number>>()
  const times = new Float64Array(recordings.length)
  const kept = readTimesOf(recordings)
  const each: RecordingFeatures[] = new Array(recordings.length)
  const kinds = new Uint32Array(recordings.length)
  let sliceStarted = performance.now()
  for (let i = 0; i < recordings.length; i++) {
    const r = recordings[i]!
    // As the reader read it from the time's digits where it kept that (read-times.ts), else parsed here.
    const ms = keptMs(kept, i, r)
    if (ms === ms) times[i] = ms
    else {
      const time = r.time
      times[i] = time === null ? Number.NaN : Date.parse(time)
    }
    let kind: number | undefined
    if (r.language === null && (detect === null || !r.response)) {
      kind = plain.get(r.transcript)
      if (kind === undefined) plain.set(r.transcript, (kind = kindOfOne(r)))
    } else if (r.language === null && r.transcript !== null) {
      // With the answer read too: by transcript, then by answer (no joined key made and hashed per recording).
      let answers = withAnswer.get(r.transcript)
      if (!answers) withAnswer.set(r.transcript, (answers = new Map()))
      kind = answers.get(r.response!)
      if (kind === undefined) answers.set(r.response!, (kind = kindOfOne(r)))
    } else kind = kindOfOne(r)
    kinds[i] = kind
    each[i] = distinct[kind]!
    if ((i & 63) === 63 && performance.now() - sliceStarted > SLICE_MS) {
      await nextTurn()
      sliceStarted = performance.now()
    }
  }
  return { times, each, distinct, kinds }
}

// Recordings with nothing said share one object per stated language.
const SILENT_IN = new Map<string | null, RecordingFeatures>()
function silentIn(stated: string | null): RecordingFeatures {
  const f: RecordingFeatures = Object.freeze({ language: stated, languageFrom: stated ? 'export' : null, places: NONE, names: NONE })
  SILENT_IN.set(stated, f)
  return f
}
