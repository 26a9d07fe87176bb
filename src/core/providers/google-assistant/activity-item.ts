import type { Recording, RecordingSignal } from '../../../shared/model/recording'
import type { ViewEntry } from '../export-view'
import { clip, Interner } from '../clip'
import { stableId } from '../ids'

export const GOOGLE = 'google-assistant'

/** An item of MyActivity.json, as far as public parsers and quoted real entries show it. */
export interface ActivityItem {
  header?: string
  title?: string
  titleUrl?: string
  time?: string
  products?: string[]
  subtitles?: Array<{ name?: string; url?: string }>
  details?: Array<{ name?: string }>
  locationInfos?: Array<{ name?: string; url?: string; source?: string }>
  audioFiles?: string[]
  activityControls?: string[]
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
const strings = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined)
const named = <K extends string>(v: unknown, keys: readonly K[]): Array<Partial<Record<K, string>>> | undefined =>
  Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null).map((x) => Object.fromEntries(keys.flatMap((k) => (typeof x[k] === 'string' ? [[k, x[k]]] : []))) as Partial<Record<K, string>>)
    : undefined

/**
 * An item as the file holds it, with every field of the wrong type dropped: a JSON item is the
 * export's word, not ours, and one odd item must not stop the reading of the rest (found by fuzz/).
 */
export function activityItemOf(raw: Record<string, unknown>): ActivityItem {
  return {
    header: str(raw.header),
    title: str(raw.title),
    titleUrl: str(raw.titleUrl),
    time: str(raw.time),
    products: strings(raw.products),
    subtitles: named(raw.subtitles, ['name', 'url'] as const),
    details: named(raw.details, ['name'] as const),
    locationInfos: named(raw.locationInfos, ['name', 'url', 'source'] as const),
    audioFiles: strings(raw.audioFiles),
    activityControls: strings(raw.activityControls)
  }
}

// 'Said "…"' in English exports; other languages put their own verb before (or after) the words.
const SAID = /^(said|gesagt|a dit|dijo|ha detto|zei)\s*:?\s*/i
const QUOTES = new Set('"„“”«»\'‚‘')
const SPACE = /\s/
const STRANGER = /unrecognized speaker|unrecognised speaker|nicht erkannte[rn]? (sprecher|stimme)|unbekannte[rn]? (sprecher|stimme)/i

// The ends are cut by walking in from them: patterns such as /\s+gesagt$/ or /["…]+$/ try again
// from every character of a long run of spaces or quotes, so a title of 80,000 of them cost 12 s.
/** `s` without a German 'gesagt' that ends it after a space, as the German export writes the verb last. */
function withoutTrailingGesagt(s: string): string {
  const at = s.length - 'gesagt'.length
  if (at < 1 || !SPACE.test(s[at - 1]!) || s.slice(at).toLowerCase() !== 'gesagt') return s
  let end = at
  while (end > 0 && SPACE.test(s[end - 1]!)) end--
  return s.slice(0, end)
}

function withoutQuotes(s: string): string {
  let start = 0
  let end = s.length
  while (start < end && QUOTES.has(s[start]!)) start++
  while (end > start && QUOTES.has(s[end - 1]!)) end--
  return s.slice(start, end)
}

export const transcriptOf = (title: string | undefined): string | null => {
  if (!title) return null
  const said = withoutQuotes(withoutTrailingGesagt(title.replace(SAID, '')).trim()).trim()
  return said ? clip(said) : null
}

const joined = (values: Array<string | undefined> | undefined): string | null => {
  const kept = (values ?? []).filter((v): v is string => typeof v === 'string' && v !== '')
  return kept.length > 0 ? clip(kept.join('; ')) : null
}

const shared = new Interner()
/** Short values repeat on every item (header, products, details, places): one copy of each is kept. */
const once = (v: string | null | undefined): string | null => (v ? shared.get(v) : null)

/** The item's fields as text, for the evidence; `answer` and `time` are shared with the recording, not copied. */
function fieldsOf(item: ActivityItem, answer: string | null, time: string | null): Record<string, string> {
  const fields: Record<string, string> = {}
  const put = (k: string, v: string | null | undefined) => {
    if (v) fields[k] = v
  }
  put('header', once(item.header))
  put('title', item.title && clip(item.title))
  put('time', item.time === time ? time : item.time && clip(item.time))
  put('products', once(joined(item.products)))
  put('subtitles', answer)
  put('details', once(joined(item.details?.map((d) => d.name))))
  put('locationInfos', once(joined(item.locationInfos?.map((l) => l.name))))
  put('audioFiles', joined(item.audioFiles))
  return fields
}

export function itemRecording(item: ActivityItem, file: ViewEntry, index: number, time: string | null, accountId: string | null, audio: ViewEntry | null, signals: RecordingSignal[]): Recording {
  if (item.details?.some((d) => d.name && STRANGER.test(d.name))) signals.push('unrecognized-speaker')
  const answer = joined(item.subtitles?.map((s) => s.name))
  return {
    id: stableId('r', GOOGLE, file.key, index),
    provider: GOOGLE,
    time,
    archiveTime: null,
    deviceId: null,
    accountId,
    audio: audio ? { path: audio.path, part: audio.part, size: audio.entry.info.size } : null,
    durationMs: null,
    transcript: transcriptOf(item.title),
    response: answer,
    language: null,
    signals,
    source: { file: file.path, part: file.part, line: null, fields: fieldsOf(item, answer, time) }
  }
}

// Takeout audio names carry their own UTC time: 2023-11-05_07_15_33_123_UTC.mp3 (older ones add the query after _UTC).
const AUDIO_TIME = /(\d{4})-(\d{2})-(\d{2})_(\d{2})_(\d{2})_(\d{2})(?:_(\d{3}))?_UTC/i

export function audioNameTime(name: string): number | null {
  const m = AUDIO_TIME.exec(name)
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!, m[7] ? +m[7] : 0) : null
}
