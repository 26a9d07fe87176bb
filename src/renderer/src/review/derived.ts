import type { Device } from '../../../shared/model/recording'
import { useArchiveStore } from '../stores/archive'
import { dayToMs, useFiltersStore } from '../stores/filters'
import { useRecordingsStore } from '../stores/recordings'
import { useReviewStore } from '../stores/review'
import { catalogOf, filterOf, orderOf, type Catalog, type Filtered, type Ordered } from './catalog'
import { findingMask, judgedCatalog, reasonBitOf } from './judged'

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

type FiltersValue = ReturnType<typeof useFiltersStore.getState>
const filtered = (c: Catalog, f: Pick<FiltersValue, 'text' | 'deviceKey' | 'registration' | 'from' | 'to' | 'reason' | 'verdict' | 'mark' | 'finding'>): Filtered => {
  const finding = f.finding === null ? null : (useReviewStore.getState().detector?.findings[f.finding] ?? null)
  return filterOf(c, f.text, f.deviceKey, f.registration, dayToMs(f.from, false), dayToMs(f.to, true), reasonBitOf(f.reason), f.verdict, f.mark, findingMask(c, finding))
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
  useReviewStore((s) => s.detector)
  return filtered(c, { text, deviceKey, registration, from, to, reason, verdict, mark, finding })
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
