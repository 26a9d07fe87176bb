import type { Recording, RecordingSignal } from '../../../shared/model/recording'
import type { AudioLookup } from '../audio-lookup'
import type { ExportView, ViewEntry } from '../export-view'
import { audioNearRows, matchByTime, type Timed } from '../match-by-time'
import { ProblemLog } from '../problem-log'
import { toUtcIso } from '../time'
import type { ParseContext, ProviderItem } from '../types'
import { MAX_ACTIVITY_CHARS, MAX_OPEN_TAGS, readActivityHtml, toItem, type TooDeep } from './activity-html'
import { activityItemOf, GOOGLE, itemRecording, type ActivityItem } from './activity-item'
import { readJsonArray } from './activity-json'
import { MAX_ITEM_CHARS } from './json-items'
import { readHtmlTime } from './html-time'

// Takeout names audio by when it was saved: up to a few seconds after the item's time.
const AUDIO_LAG_MAX_MS = 15_000
const PROGRESS_EVERY = 2000

export interface ActivityFileOptions {
  accountId: string | null
  /** The DeviceFact key of the account's pseudo-device: every item of this file is recorded on it. */
  deviceKey: string | null
  /** Audio beside this file with the time its name gives, sorted by that time (stable). */
  folderTimed: ReadonlyArray<Timed<ViewEntry>>
  lookup: AudioLookup
  used: Set<string>
}

interface Parsed {
  item: ActivityItem
  index: number
  time: string | null
  line: number | null
}

// An item with none of these is no recording a person could review: a million `{}` items once made a
// million empty recordings (615 MB). They are counted in one problem line instead.
const hollow = (item: ActivityItem): boolean =>
  !item.title?.trim() && typeof item.time !== 'string' && !item.audioFiles?.length && !item.subtitles?.some((s) => s.name?.trim())

async function* itemsOf(view: ExportView, file: ViewEntry, log: ProblemLog, signal?: AbortSignal): AsyncGenerator<Parsed> {
  if (file.ext === 'json') {
    for await (const ev of readJsonArray(await view.open(file), () => view.open(file), signal)) {
      if (ev.type === 'error') {
        log.add('malformed-json', ev.message, ev.line)
        continue
      }
      if (ev.type === 'too-large') {
        log.add('limit', `item ${ev.index + 1} (from byte ${ev.byteOffset}) holds ${ev.chars} characters, past the limit of ${MAX_ITEM_CHARS} for one item; it is skipped`, null)
        continue
      }
      if (typeof ev.value !== 'object' || ev.value === null || Array.isArray(ev.value)) {
        log.add('malformed-json', `item ${ev.index + 1} is not an object`, null)
        continue
      }
      const item = activityItemOf(ev.value as Record<string, unknown>)
      if (hollow(item)) {
        log.add('empty-item', `item ${ev.index + 1} holds no title, time, answer or audio: nothing to review, so it is not counted as a recording`, null)
        continue
      }
      const time = typeof item.time === 'string' ? toUtcIso(item.time) : null
      if (!time) log.add('bad-time', `item ${ev.index + 1} has no readable time (${String((ev.value as { time?: unknown }).time)})`, null)
      yield { item, index: ev.index, time, line: null }
    }
    return
  }
  let index = 0
  const tooDeep = ({ charOffset }: TooDeep) =>
    log.add('limit', `at character ${charOffset} more than ${MAX_OPEN_TAGS} tags are open at once (tags left unclosed); the activity they are in ends there, and the file is read on after that tag`, null)
  for await (const activity of readActivityHtml(await view.open(file), signal, tooDeep)) {
    if (activity.oversized) {
      const { charOffset, chars } = activity.oversized
      log.add('limit', `activity ${index + 1} (from character ${charOffset}) holds ${chars} characters, past the limit of ${MAX_ACTIVITY_CHARS} for one activity; only its first ${MAX_ACTIVITY_CHARS} are read`, null)
    }
    const { item, timeLine } = toItem(activity, (line) => readHtmlTime(line) !== null)
    if (!timeLine && hollow(item)) {
      log.add('empty-item', `activity ${++index} holds no title, time, answer or audio: nothing to review, so it is not counted as a recording`, null)
      continue
    }
    const read = timeLine ? readHtmlTime(timeLine) : null
    const time = read && 'utc' in read ? read.utc : null
    if (read && 'error' in read) log.add('bad-time', `activity ${index + 1}: ${read.error}`, null)
    else if (!read) log.add('bad-time', `activity ${index + 1} shows no time`, null)
    yield { item: { ...item, time: time ?? undefined }, index: index++, time, line: null }
  }
}

/**
 * One activity file (JSON, or the HTML twin): each item a recording. Audio is tied by the item's
 * `audioFiles`; items without that reference take the nearest unnamed audio saved just after them.
 */
export async function* readActivityFile(view: ExportView, file: ViewEntry, ctx: ParseContext, opts: ActivityFileOptions): AsyncGenerator<ProviderItem> {
  const log = new ProblemLog(GOOGLE, file.path)
  const waiting: Recording[] = []
  let count = 0
  for await (const { item, index, time } of itemsOf(view, file, log, ctx.signal)) {
    const signals: RecordingSignal[] = []
    let audio: ViewEntry | null = null
    for (const name of item.audioFiles ?? []) {
      const hit = typeof name === 'string' ? opts.lookup.find(name, file) : null
      if (hit) {
        audio ??= hit
        opts.used.add(hit.key)
      } else {
        signals.push('audio-missing')
        log.add('audio-not-found', `item ${index + 1} names the audio "${String(name)}", which is not in the export`, null)
      }
    }
    const recording = itemRecording(item, file, index, time, opts.accountId, audio, signals)
    recording.deviceId = opts.deviceKey
    if (audio || (item.audioFiles?.length ?? 0) > 0 || !time) yield { type: 'recording', recording }
    else waiting.push(recording)
    if (++count % PROGRESS_EVERY === 0) ctx.onProgress?.({ provider: GOOGLE, file: file.path, recordings: count })
  }
  const rows = waiting.map((r) => ({ t: Date.parse(r.time!), item: r }))
  // Only the audio near these rows' times is looked at: with every file of a folder taking all of its
  // audio, 4,000 one-item files beside 20,000 MP3s took 79 s.
  const near = audioNearRows(opts.folderTimed, rows.map((r) => r.t), 0, AUDIO_LAG_MAX_MS)
  const timed = near.filter((a) => !opts.used.has(a.item.key) && !ctx.claimed.has(a.item))
  const match = matchByTime(timed, rows, 0, AUDIO_LAG_MAX_MS)
  for (const [a, r] of match.pairs) {
    r.audio = { path: a.path, part: a.part, size: a.entry.info.size }
    opts.used.add(a.key)
  }
  for (const recording of waiting) yield { type: 'recording', recording }
  opts.lookup.reportAmbiguous(file, log)
  for (const p of log.drain()) yield { type: 'problem', problem: p }
}
