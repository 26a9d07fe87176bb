import type { Device } from '../../../shared/model/recording'
import type { ArchiveSlice } from '../stores/archive'
import { dayToMs, type FiltersSlice } from '../stores/filters'
import { selectReadyVoices } from '../stores/voices'
import { useStore } from '../stores'
import { catalogOf, filterOf, orderOf, type Catalog, type Filtered, type Ordered } from './catalog'
import { findingMask, judgedCatalog, reasonBitOf } from './judged'
import { byVoice, relaned, voiceCodes, voiceMask, voiceOrder } from './voice-lanes'

/**
 * The review's derived data: memoised functions of the stores (catalogOf, filterOf, orderOf remember
 * their last arguments), so every component and the keyboard share one computation per change.
 */

const NO_DEVICES: readonly Device[] = Object.freeze([])

const selectDevices = (s: ArchiveSlice) => s.summary?.reading.devices ?? NO_DEVICES

/** The catalog, coloured by the detector's verdicts and the person's marks once the review has loaded. */
export function useCatalog(): Catalog {
  const recordings = useStore((s) => s.recordings.recordings)
  const devices = useStore((s) => selectDevices(s.archive))
  const detector = useStore((s) => s.review.detector)
  const marks = useStore((s) => s.review.marks)
  const deviceMarks = useStore((s) => s.review.deviceMarks)
  return judgedCatalog(catalogOf(recordings, devices), detector, marks, deviceMarks)
}

/** The voice filter's mask: null when off, or while the voices are not known. */
const voiceOnly = (c: Catalog, voice: string | null): Uint8Array | null => {
  const v = voice === null ? null : selectReadyVoices(useStore.getState().voices)
  return v ? voiceMask(voiceCodes(c.recordings, voiceOrder(v.voices), v.voiceOf), v.voices, voice) : null
}

const filtered = (c: Catalog, f: Pick<FiltersSlice, 'text' | 'deviceKey' | 'registration' | 'from' | 'to' | 'reason' | 'verdict' | 'mark' | 'finding' | 'voice'>): Filtered => {
  const finding = f.finding === null ? null : (useStore.getState().review.detector?.findings[f.finding] ?? null)
  return filterOf(c, f.text, f.deviceKey, f.registration, dayToMs(f.from, false), dayToMs(f.to, true), reasonBitOf(f.reason), f.verdict, f.mark, findingMask(c, finding), voiceOnly(c, f.voice))
}

export function useFiltered(): Filtered {
  const c = useCatalog()
  const text = useStore((s) => s.filters.text)
  const deviceKey = useStore((s) => s.filters.deviceKey)
  const registration = useStore((s) => s.filters.registration)
  const from = useStore((s) => s.filters.from)
  const to = useStore((s) => s.filters.to)
  const reason = useStore((s) => s.filters.reason)
  const verdict = useStore((s) => s.filters.verdict)
  const mark = useStore((s) => s.filters.mark)
  const finding = useStore((s) => s.filters.finding)
  const voice = useStore((s) => s.filters.voice)
  useStore((s) => s.review.detector)
  useStore((s) => selectReadyVoices(s.voices))
  return filtered(c, { text, deviceKey, registration, from, to, reason, verdict, mark, finding, voice })
}

/**
 * What the timeline draws: lanes by device, or by voice when the person chose that and the voices
 * are known. Only the lanes differ; the recordings, the filter's mask and the tones are the same.
 */
export function useTimelineLanes(): { catalog: Catalog; filtered: Filtered; byVoice: boolean } {
  const catalog = useCatalog()
  const f = useFiltered()
  const mode = useStore((s) => s.timeline.laneMode)
  const voices = useStore((s) => selectReadyVoices(s.voices))
  if (mode !== 'voice' || !voices) return { catalog, filtered: f, byVoice: false }
  const c = byVoice(catalog, voiceCodes(catalog.recordings, voiceOrder(voices.voices), voices.voiceOf), voices.voices)
  return { catalog: c, filtered: relaned(c, f), byVoice: true }
}

export function useOrdered(): Ordered {
  const c = useCatalog()
  const f = useFiltered()
  const key = useStore((s) => s.filters.sortKey)
  const dir = useStore((s) => s.filters.sortDir)
  // Sorted by length, the lengths learnt so far count (and re-sort as more are learnt).
  const learnt = useStore((s) => (key === 'duration' ? s.durations.ms : undefined))
  return orderOf(c, f, key, dir, learnt)
}

/** The same values outside React (keyboard handlers, canvas drawing). */
export function getCatalog(): Catalog {
  const r = useStore.getState().review
  return judgedCatalog(catalogOf(useStore.getState().recordings.recordings, selectDevices(useStore.getState().archive)), r.detector, r.marks, r.deviceMarks)
}
export function getFiltered(): Filtered {
  return filtered(getCatalog(), useStore.getState().filters)
}
export function getOrdered(): Ordered {
  const f = useStore.getState().filters
  return orderOf(getCatalog(), getFiltered(), f.sortKey, f.sortDir, f.sortKey === 'duration' ? useStore.getState().durations.ms : undefined)
}

/** Ids of the recordings the filters let through, in list order (what "mark N shown" marks). */
export function shownIds(): string[] {
  const c = getCatalog()
  const { order } = getOrdered()
  const ids = new Array<string>(order.length)
  for (let k = 0; k < order.length; k++) ids[k] = c.recordings[order[k]!]!.id
  return ids
}
