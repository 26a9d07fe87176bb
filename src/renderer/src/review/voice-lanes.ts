import type { RecordingSummary } from '../../../shared/model/export'
import type { VoiceSummary } from '../../../shared/model/voices'
import type { Catalog, Filtered, Lane } from './catalog'
import { memoLast } from './memo'
import { toneOf } from './tones'

/** The voice filter's value for recordings in no voice group (too short, too quiet, no audio). */
export const NO_VOICE = ''

/** Per recording, the index of its voice among `voices` (the Voices panel's order), -1 when in no voice group. */
export const voiceCodes = memoLast((recordings: readonly RecordingSummary[], voices: readonly VoiceSummary[], voiceOf: Readonly<Record<string, string>>): Int32Array => {
  const index = new Map(voices.map((v, k) => [v.id, k]))
  const codes = new Int32Array(recordings.length)
  for (let i = 0; i < recordings.length; i++) {
    const v = voiceOf[recordings[i]!.id]
    codes[i] = v === undefined ? -1 : (index.get(v) ?? -1)
  }
  return codes
})

/**
 * The recordings of one voice (or, for NO_VOICE, of none) as a mask for filterOf; null when the
 * filter is off. A voice that is no longer among the groups (worked out again) lets nothing through.
 */
export const voiceMask = memoLast((codes: Int32Array, voices: readonly VoiceSummary[], voice: string | null): Uint8Array | null => {
  if (voice === null) return null
  const want = voice === NO_VOICE ? -1 : voices.findIndex((v) => v.id === voice)
  const mask = new Uint8Array(codes.length)
  if (voice !== NO_VOICE && want < 0) return mask
  for (let i = 0; i < codes.length; i++) if (codes[i] === want) mask[i] = 1
  return mask
})

type LaneParts = Pick<Catalog, 'lane' | 'lanes' | 'laneOf' | 'laneIndex' | 'laneTimes'>

/** One lane per voice in the panel's order, then the recordings in no voice group; keyed on the times, so a mark does not redo it. */
const voiceLaneParts = memoLast((time: Float64Array, codes: Int32Array, voices: readonly VoiceSummary[]): LaneParts => {
  const n = codes.length
  const counts = new Int32Array(voices.length + 1)
  for (let i = 0; i < n; i++) counts[codes[i]! < 0 ? voices.length : codes[i]!]!++
  const lanes: Lane[] = []
  const laneOfCode = new Int32Array(voices.length + 1).fill(-1)
  voices.forEach((v, k) => {
    if (counts[k]! === 0) return
    laneOfCode[k] = lanes.length
    // The person's word on the voice colours its lane's label as it colours the voice's card.
    const tone = v.mark === 'not-known' ? toneOf(null, null, 'not-mine') : v.mark ? toneOf(null, null, 'mine') : toneOf(null)
    lanes.push({ key: v.id, device: null, label: null, registration: 'unknown', tone, count: counts[k]!, voice: k + 1 })
  })
  if (counts[voices.length]! > 0) {
    laneOfCode[voices.length] = lanes.length
    lanes.push({ key: NO_VOICE, device: null, label: null, registration: 'unknown', tone: toneOf(null), count: counts[voices.length]!, voice: 0 })
  }
  const lane = new Int32Array(n)
  const perLane: number[][] = lanes.map(() => [])
  for (let i = 0; i < n; i++) {
    const li = laneOfCode[codes[i]! < 0 ? voices.length : codes[i]!]!
    lane[i] = li
    if (Number.isFinite(time[i]!)) perLane[li]!.push(i)
  }
  const laneIndex = perLane.map((ids) => Int32Array.from(ids).sort((a, b) => time[a]! - time[b]! || a - b))
  const laneTimes = laneIndex.map((ids) => Float64Array.from(ids, (i) => time[i]!))
  return { lane, lanes, laneOf: new Map(lanes.map((l, li) => [l.key, li])), laneIndex, laneTimes }
})

/** The catalog with its lanes by voice: the same recordings, times, tones and judgement. */
export const byVoice = memoLast((c: Catalog, codes: Int32Array, voices: readonly VoiceSummary[]): Catalog => ({ ...c, ...voiceLaneParts(c.time, codes, voices) }))

/** The filter's result with its per-lane counts for the voice lanes (the mask is the same). */
export const relaned = memoLast((c: Catalog, f: Filtered): Filtered => {
  const laneCounts = new Int32Array(c.lanes.length)
  for (let i = 0; i < f.mask.length; i++) if (f.mask[i]) laneCounts[c.lane[i]!]!++
  return { ...f, laneCounts }
})
