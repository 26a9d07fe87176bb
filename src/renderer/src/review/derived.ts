import type { Device } from '../../../shared/model/recording'
import { useArchiveStore } from '../stores/archive'
import { dayToMs, useFiltersStore } from '../stores/filters'
import { useRecordingsStore } from '../stores/recordings'
import { useReviewStore } from '../stores/review'
import { useTimelineStore } from '../stores/timeline'
import { selectReadyVoices, useVoicesStore } from '../stores/voices'
import { catalogOf, filterOf, orderOf, type Catalog, type Filtered, type Ordered } from './catalog'
import { findingMask, judgedCatalog, reasonBitOf } from './judged'
import { byVoice, relaned, voiceCodes, voiceMask, voiceOrder } from './voice-lanes'

/**
 * The review's derived data: memoised functions of the stores (catalogOf, filterOf, orderOf remember
 * their last arguments), so every component and the keyboard share one computation per change.
 */

const NO_DEVICES: readonly Device[] = Object.freeze([])

const selectDevices = (s: ReturnType<typeof useArchiveStore.getState>) => s.summary?.reading.devices ?? NO_DEVICES

/** The catalog, coloured by the detector's verdicts and the person's marks once the review has loaded. */
export function useCatalog(): Catalog {
  const recordings = useRecordingsStore((s) => s.recordings)
  const devices = useArchiveStore(selectDevices)
  const detector = useReviewStore((s) => s.detector)
  const marks = useReviewStore((s) => s.marks)
  const deviceMarks = useReviewStore((s) => s.deviceMarks)
  return judgedCatalog(catalogOf(recordings, devices), detector, marks, deviceMarks)
}

/** The voice filter's mask: null when off, or while the voices are not known. */
const voiceOnly = (c: Catalog, voice: string | null): Uint8Array | null => {
  const v = voice === null ? null : selectReadyVoices(useVoicesStore.getState())
  return v ? voiceMask(voiceCodes(c.recordings, voiceOrder(v.voices), v.voiceOf), v.voices, voice) : null
}

type FiltersValue = ReturnType<typeof useFiltersStore.getState>
const filtered = (c: Catalog, f: Pick<FiltersValue, 'text' | 'deviceKey' | 'registration' | 'from' | 'to' | 'reason' | 'verdict' | 'mark' | 'finding' | 'voice'>): Filtered => {
  const finding = f.finding === null ? null : (useReviewStore.getState().detector?.findings[f.finding] ?? null)
  return filterOf(c, f.text, f.deviceKey, f.registration, dayToMs(f.from, false), dayToMs(f.to, true), reasonBitOf(f.reason), f.verdict, f.mark, findingMask(c, finding), voiceOnly(c, f.voice))
}

export function useFiltered(): Filtered {
  const c = useCatalog()
  const text = useFiltersStore((s) => s.text)
  const deviceKey = useFiltersStore((s) => s.deviceKey)
  const registration = useFiltersStore((s) => s.registration)
  const from = useFiltersStore((s) => s.from)
  const to = useFiltersStore((s) => s.to)
  const reason = useFiltersStore((s) => s.reason)
  const verdict = useFiltersStore((s) => s.verdict)
  const mark = useFiltersStore((s) => s.mark)
  const finding = useFiltersStore((s) => s.finding)
  const voice = useFiltersStore((s) => s.voice)
  useReviewStore((s) => s.detector)
  useVoicesStore(selectReadyVoices)
  return filtered(c, { text, deviceKey, registration, from, to, reason, verdict, mark, finding, voice })
}

/**
 * What the timeline draws: lanes by device, or by voice when the person chose that and the voices
 * are known. Only the lanes differ; the recordings, the filter's mask and the tones are the same.
 */
export function useTimelineLanes(): { catalog: Catalog; filtered: Filtered; byVoice: boolean } {
  const catalog = useCatalog()
  const f = useFiltered()
  const mode = useTimelineStore((s) => s.laneMode)
  const voices = useVoicesStore(selectReadyVoices)
  if (mode !== 'voice' || !voices) return { catalog, filtered: f, byVoice: false }
  const c = byVoice(catalog, voiceCodes(catalog.recordings, voiceOrder(voices.voices), voices.voiceOf), voices.voices)
  return { catalog: c, filtered: relaned(c, f), byVoice: true }
}

export function useOrdered(): Ordered {
  const c = useCatalog()
  const f = useFiltered()
  const key = useFiltersStore((s) => s.sortKey)
  const dir = useFiltersStore((s) => s.sortDir)
  return orderOf(c, f, key, dir)
}

/** The same values outside React (keyboard handlers, canvas drawing). */
export function getCatalog(): Catalog {
  const r = useReviewStore.getState()
  return judgedCatalog(catalogOf(useRecordingsStore.getState().recordings, selectDevices(useArchiveStore.getState())), r.detector, r.marks, r.deviceMarks)
}
export function getFiltered(): Filtered {
  return filtered(getCatalog(), useFiltersStore.getState())
}
export function getOrdered(): Ordered {
  const f = useFiltersStore.getState()
  return orderOf(getCatalog(), getFiltered(), f.sortKey, f.sortDir)
}

/** Ids of the recordings the filters let through, in list order (what "mark N shown" marks). */
export function shownIds(): string[] {
  const c = getCatalog()
  const { order } = getOrdered()
  const ids = new Array<string>(order.length)
  for (let k = 0; k < order.length; k++) ids[k] = c.recordings[order[k]!]!.id
  return ids
}
