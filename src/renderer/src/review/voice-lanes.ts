import type { RecordingSummary } from '../../../shared/model/export'
import type { VoiceSummary } from '../../../shared/model/voices'
import type { Catalog, Filtered, Lane } from './catalog'
import { memoLast } from './memo'
import { toneOf } from './tones'

/** The voice filter's value for recordings in no voice group (too short, too quiet, no audio). */
export const NO_VOICE = ''

/** The voices' ids in the panel's order as one string: what the codes depend on, equal across answers that only change marks. */
export const voiceOrder = (voices: readonly Pick<VoiceSummary, 'id'>[]): string => voices.map((v) => v.id).join('\n')

/** Per recording, the index of its voice in `order` (voiceOrder: the panel's order), -1 when in no voice group. */
export const voiceCodes = memoLast((recordings: readonly RecordingSummary[], order: string, voiceOf: Readonly<Record<string, string>>): Int32Array => {
  const index = new Map(order === '' ? [] : order.split('\n').map((id, k) => [id, k]))
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

type LaneParts = Pick<Catalog, 'lane' | 'laneIndex' | 'laneTimes'> & { counts: Int32Array; laneOfCode: Int32Array }

/**
 * The heavy part of the voice lanes, keyed on the times and the codes only (a voice's mark does not
 * redo it): one lane per voice with recordings, in the panel's order, then those in no voice group,
 * each lane's recordings sorted by time.
 */
const voiceLaneParts = memoLast((time: Float64Array, codes: Int32Array, voiceCount: number): LaneParts => {
  const n = codes.length
  const none = voiceCount
  const counts = new Int32Array(voiceCount + 1)
  for (let i = 0; i < n; i++) counts[codes[i]! < 0 ? none : codes[i]!]!++
  const laneOfCode = new Int32Array(voiceCount + 1).fill(-1)
  let lanes = 0
  for (let k = 0; k <= voiceCount; k++) if (counts[k]! > 0) laneOfCode[k] = lanes++
  const lane = new Int32Array(n)
  const perLane: number[][] = Array.from({ length: lanes }, () => [])
  for (let i = 0; i < n; i++) {
    const li = laneOfCode[codes[i]! < 0 ? none : codes[i]!]!
    lane[i] = li
    if (Number.isFinite(time[i]!)) perLane[li]!.push(i)
  }
  const laneIndex = perLane.map((ids) => Int32Array.from(ids).sort((a, b) => time[a]! - time[b]! || a - b))
  const laneTimes = laneIndex.map((ids) => Float64Array.from(ids, (i) => time[i]!))
  return { lane, laneIndex, laneTimes, counts, laneOfCode }
})

/** The catalog with its lanes by voice: the same recordings, times, tones and judgement; each lane named by its voice's number and toned by its mark. */
export const byVoice = memoLast((c: Catalog, codes: Int32Array, voices: readonly VoiceSummary[]): Catalog => {
  const { lane, laneIndex, laneTimes, counts, laneOfCode } = voiceLaneParts(c.time, codes, voices.length)
  const lanes: Lane[] = []
  for (let k = 0; k <= voices.length; k++) {
    if (laneOfCode[k]! < 0) continue
    const v = voices[k]
    // The person's word on the voice colours its lane's label as it colours the voice's card.
    const tone = v?.mark === 'not-known' ? toneOf(null, null, 'not-mine') : v?.mark ? toneOf(null, null, 'mine') : toneOf(null)
    lanes.push({ key: v ? v.id : NO_VOICE, device: null, label: null, registration: 'unknown', tone, count: counts[k]!, voice: v ? k + 1 : 0 })
  }
  return { ...c, lane, lanes, laneOf: new Map(lanes.map((l, li) => [l.key, li])), laneIndex, laneTimes }
})

/** The filter's result with its per-lane counts for the voice lanes (the mask is the same). */
export const relaned = memoLast((c: Catalog, f: Filtered): Filtered => {
  const laneCounts = new Int32Array(c.lanes.length)
  for (let i = 0; i < f.mask.length; i++) if (f.mask[i]) laneCounts[c.lane[i]!]!++
  return { ...f, laneCounts }
})
