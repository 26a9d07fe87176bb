import type { RecordingSummary } from '../../../shared/model/export'
import type { Device } from '../../../shared/model/recording'
import { measured, memoLast } from './memo'
import { parseTime } from './time'
import { registrationOf, toneIndex, toneOf, type Registration, type Tone } from './tones'

/** One timeline lane: a device of the export, or the recordings that name none. */
export interface Lane {
  /** The device id, or '' for recordings without a device. */
  key: string
  device: Device | null
  /** The device's name as a person knows it; null for the no-device lane (the UI says so in its language). */
  label: string | null
  registration: Registration
  tone: Tone
  count: number
  /** Lanes by voice (voice-lanes.ts): the voice's number as the Voices panel shows it, 0 for recordings in no voice group. */
  voice?: number
}

/**
 * Everything the review derives once per loaded set of recordings, in flat typed arrays so that
 * filtering, sorting and drawing 100,000 recordings never touch the Recording objects in a hot loop.
 */
export interface Catalog {
  recordings: readonly RecordingSummary[]
  devices: readonly Device[]
  /** Epoch ms per recording; NaN when the export gives no time. */
  time: Float64Array
  /** Lane per recording. */
  lane: Int32Array
  /** Index into TONES per recording (registration now; the detector's verdict later). */
  tone: Uint8Array
  lanes: Lane[]
  laneOf: Map<string, number>
  /** Per lane, the recordings that have a time, sorted by time; and their times, for binary search. */
  laneIndex: Int32Array[]
  laneTimes: Float64Array[]
  /** Lower-cased transcript per recording, for search. */
  text: string[]
  byId: Map<string, number>
  /** Earliest and latest time; NaN when no recording has one. */
  min: number
  max: number
  untimed: number
  /** The detector's verdicts and the person's marks per recording, once the review has loaded (see judged.ts). */
  judged?: Judged
}

/** Per recording, as codes: VERDICTS index, MARKS index (0 = no mark), and a bit per RULE_IDS index. */
export interface Judged {
  verdict: Uint8Array
  mark: Uint8Array
  reasons: Uint32Array
}
export const VERDICTS = ['own', 'suspect', 'foreign'] as const
export const MARKS = [null, 'mine', 'not-mine', 'unsure'] as const

export const NO_DEVICE = ''

export function deviceLabel(device: Device): string {
  return device.name?.trim() || device.serial || device.type || device.id
}

const registrationRank: Record<Registration, number> = { unregistered: 0, registered: 1, unstated: 2, unknown: 3 }

/** Devices as the cards and lanes show them: not registered first (what a person must see), then by recordings. */
export function orderDevices(devices: readonly Device[]): Device[] {
  return [...devices].sort(
    (a, b) =>
      registrationRank[registrationOf(a)] - registrationRank[registrationOf(b)] ||
      b.recordings - a.recordings ||
      deviceLabel(a).localeCompare(deviceLabel(b))
  )
}

export const catalogOf = memoLast(measured('catalog', (recordings: readonly RecordingSummary[], devices: readonly Device[]): Catalog => {
  const n = recordings.length
  const byDevice = new Map(devices.map((d) => [d.id, d]))
  const time = new Float64Array(n)
  const laneArr = new Int32Array(n)
  const tone = new Uint8Array(n)
  const text: string[] = new Array<string>(n)
  const byId = new Map<string, number>()
  const counts = new Map<string, number>()
  let min = Number.POSITIVE_INFINITY
  let max = Number.NEGATIVE_INFINITY
  let untimed = 0
  for (let i = 0; i < n; i++) {
    const r = recordings[i]!
    const t = parseTime(r.time)
    time[i] = t
    if (Number.isFinite(t)) {
      if (t < min) min = t
      if (t > max) max = t
    } else untimed++
    text[i] = r.transcript ? r.transcript.toLocaleLowerCase() : ''
    byId.set(r.id, i)
    const key = r.deviceId ?? NO_DEVICE
    counts.set(key, (counts.get(key) ?? 0) + 1)
  }

  // Lanes: every device that has recordings (in the cards' order), then ids the device list lacks, then none.
  const lanes: Lane[] = []
  for (const d of orderDevices(devices)) {
    const count = counts.get(d.id) ?? 0
    if (count > 0) lanes.push({ key: d.id, device: d, label: deviceLabel(d), registration: registrationOf(d), tone: toneOf(d), count })
  }
  for (const [key, count] of counts) {
    if (key !== NO_DEVICE && !byDevice.has(key)) lanes.push({ key, device: null, label: key, registration: 'unknown', tone: toneOf(null), count })
  }
  if (counts.has(NO_DEVICE)) lanes.push({ key: NO_DEVICE, device: null, label: null, registration: 'unknown', tone: toneOf(null), count: counts.get(NO_DEVICE)! })
  const laneOf = new Map(lanes.map((l, i) => [l.key, i]))

  const perLane: number[][] = lanes.map(() => [])
  for (let i = 0; i < n; i++) {
    const li = laneOf.get(recordings[i]!.deviceId ?? NO_DEVICE)!
    laneArr[i] = li
    tone[i] = toneIndex(lanes[li]!.tone)
    if (Number.isFinite(time[i]!)) perLane[li]!.push(i)
  }
  const laneIndex = perLane.map((ids) => Int32Array.from(ids).sort((a, b) => time[a]! - time[b]! || a - b))
  const laneTimes = laneIndex.map((ids) => Float64Array.from(ids, (i) => time[i]!))

  return {
    recordings,
    devices,
    time,
    lane: laneArr,
    tone,
    lanes,
    laneOf,
    laneIndex,
    laneTimes,
    text,
    byId,
    min: untimed === n ? Number.NaN : min,
    max: untimed === n ? Number.NaN : max,
    untimed
  }
}))

// ---- Filtering

export type RegistrationFilter = Registration | 'all'
/** The detector's verdict; 'flagged' is suspect or foreign. */
export type VerdictFilter = 'all' | 'flagged' | (typeof VERDICTS)[number]
/** The person's mark; 'unmarked' is what is still to review. */
export type MarkFilter = 'all' | 'unmarked' | NonNullable<(typeof MARKS)[number]>

/** Which review filters apply; primitives (and a memoised mask) so memoLast sees what changed. */
export interface ReviewFilterArgs {
  reasonBit: number
  verdict: VerdictFilter
  mark: MarkFilter
  /** Only these recordings (a finding's), or null. */
  only: Uint8Array | null
}

export interface Filtered {
  /** 1 where the recording passes every filter. */
  mask: Uint8Array
  count: number
  /** Passing recordings per lane. */
  laneCounts: Int32Array
}

/** The words of a search, each of which a transcript must contain. */
export function searchWords(text: string): string[] {
  return text.toLocaleLowerCase().split(/\s+/).filter(Boolean)
}

export const filterOf = memoLast(
  (
    c: Catalog,
    text: string,
    deviceKey: string | null,
    registration: RegistrationFilter,
    from: number,
    to: number,
    reasonBit: number = -1,
    verdict: VerdictFilter = 'all',
    mark: MarkFilter = 'all',
    only: Uint8Array | null = null,
    /** Only these recordings (a voice's), or null. */
    voiceOnly: Uint8Array | null = null
  ): Filtered => {
    const n = c.recordings.length
    const mask = new Uint8Array(n)
    const laneCounts = new Int32Array(c.lanes.length)
    const words = searchWords(text)
    const wantLane = deviceKey === null ? -1 : (c.laneOf.get(deviceKey) ?? -2)
    const hasFrom = Number.isFinite(from)
    const hasTo = Number.isFinite(to)
    let count = 0
    const j = c.judged
    const reasonMask = reasonBit >= 0 ? 1 << reasonBit : 0
    const wantVerdict = verdict === 'all' || verdict === 'flagged' ? -1 : VERDICTS.indexOf(verdict)
    const wantMark = mark === 'all' ? -1 : mark === 'unmarked' ? 0 : MARKS.indexOf(mark)
    const judging = !!j && (reasonMask !== 0 || verdict !== 'all' || wantMark !== -1)
    for (let i = 0; i < n; i++) {
      const li = c.lane[i]!
      if (wantLane !== -1 && li !== wantLane) continue
      if (registration !== 'all' && c.lanes[li]!.registration !== registration) continue
      if (only && !only[i]) continue
      if (voiceOnly && !voiceOnly[i]) continue
      if (judging) {
        if (reasonMask && !(j.reasons[i]! & reasonMask)) continue
        if (verdict === 'flagged' ? j.verdict[i] === 0 : wantVerdict !== -1 && j.verdict[i] !== wantVerdict) continue
        if (wantMark !== -1 && j.mark[i] !== wantMark) continue
      }
      if (hasFrom || hasTo) {
        const t = c.time[i]!
        if (!Number.isFinite(t) || (hasFrom && t < from) || (hasTo && t > to)) continue
      }
      if (words.length) {
        const s = c.text[i]!
        let ok = true
        for (const w of words) {
          if (!s.includes(w)) {
            ok = false
            break
          }
        }
        if (!ok) continue
      }
      mask[i] = 1
      laneCounts[li]!++
      count++
    }
    return { mask, count, laneCounts }
  }
)

// ---- Sorting

export type SortKey = 'time' | 'device' | 'duration' | 'transcript'
export type SortDir = 'asc' | 'desc'

interface BaseOrder {
  order: Int32Array
  /** How many leading entries have a value; the rest (no time, no duration…) stay last either way. */
  known: number
}

// Keyed by the times array, which a catalog shares with its judged copies: a mark does not re-sort.
const baseOrders = new WeakMap<Float64Array, Map<SortKey, BaseOrder>>()
/** Lengths the engine learnt (WAV headers, decoding), by recording id; the export's own come first. */
export type Learnt = ReadonlyMap<string, number>
const NOTHING_LEARNT: Learnt = new Map()
// By length: also keyed by the learnt lengths, which grow while the audio is read.
const lengthOrders = new WeakMap<Float64Array, { learnt: Learnt; order: BaseOrder }>()

function baseOrder(c: Catalog, key: SortKey, learnt: Learnt): BaseOrder {
  let byKey = baseOrders.get(c.time)
  if (!byKey) baseOrders.set(c.time, (byKey = new Map()))
  const cached = key === 'duration' ? lengthOrders.get(c.time)?.learnt === learnt && lengthOrders.get(c.time)!.order : byKey.get(key)
  if (cached) return cached
  const lengthOf = (i: number): number | null => c.recordings[i]!.durationMs ?? learnt.get(c.recordings[i]!.id) ?? null
  const n = c.recordings.length
  const has = (i: number): boolean => {
    switch (key) {
      case 'time':
        return Number.isFinite(c.time[i]!)
      case 'duration':
        return lengthOf(i) !== null
      case 'transcript':
        return c.text[i] !== ''
      case 'device':
        return true
    }
  }
  const withValue: number[] = []
  const without: number[] = []
  for (let i = 0; i < n; i++) (has(i) ? withValue : without).push(i)
  // Within a device, a transcript or a duration, by time; recordings without one last.
  const timeOf = (i: number) => (Number.isFinite(c.time[i]!) ? c.time[i]! : Number.POSITIVE_INFINITY)
  const byTime = (a: number, b: number) => timeOf(a) - timeOf(b) || a - b
  const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true })
  const laneRank = (i: number) => c.lane[i]!
  const compare: (a: number, b: number) => number =
    key === 'time'
      ? byTime
      : key === 'duration'
        ? (a, b) => lengthOf(a)! - lengthOf(b)! || byTime(a, b)
        : key === 'device'
          ? (a, b) => laneRank(a) - laneRank(b) || byTime(a, b)
          : (a, b) => collator.compare(c.recordings[a]!.transcript!, c.recordings[b]!.transcript!) || byTime(a, b)
  const sorted = Int32Array.from(withValue).sort(compare)
  const order = new Int32Array(n)
  order.set(sorted)
  order.set(Int32Array.from(without).sort(byTime), sorted.length)
  const result = { order, known: sorted.length }
  if (key === 'duration') lengthOrders.set(c.time, { learnt, order: result })
  else byKey.set(key, result)
  return result
}

export interface Ordered {
  /** Recording indices in list order, only those passing the filters. */
  order: Int32Array
  /** Inverse: position in `order` per recording, -1 when filtered out. */
  pos: Int32Array
}

export const orderOf = memoLast((c: Catalog, f: Filtered, key: SortKey, dir: SortDir, learnt: Learnt = NOTHING_LEARNT): Ordered => {
  const { order: base, known } = baseOrder(c, key, learnt)
  const order = new Int32Array(f.count)
  const pos = new Int32Array(c.recordings.length).fill(-1)
  let k = 0
  const take = (i: number) => {
    if (f.mask[i]) {
      pos[i] = k
      order[k++] = i
    }
  }
  if (dir === 'asc') for (let j = 0; j < base.length; j++) take(base[j]!)
  else {
    for (let j = known - 1; j >= 0; j--) take(base[j]!)
    for (let j = known; j < base.length; j++) take(base[j]!)
  }
  return { order, pos }
})

// ---- Timeline helpers

/** First index in a sorted array whose value is >= t. */
export function lowerBound(a: Float64Array, t: number): number {
  let lo = 0
  let hi = a.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < t) lo = mid + 1
    else hi = mid
  }
  return lo
}
