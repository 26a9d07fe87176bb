import type { Device } from '../../../shared/model/recording'
import { useArchiveStore } from '../stores/archive'
import { dayToMs, useFiltersStore } from '../stores/filters'
import { useRecordingsStore } from '../stores/recordings'
import { catalogOf, filterOf, orderOf, type Catalog, type Filtered, type Ordered } from './catalog'

/**
 * The review's derived data: memoised functions of the stores (catalogOf, filterOf, orderOf remember
 * their last arguments), so every component and the keyboard share one computation per change.
 */

const NO_DEVICES: readonly Device[] = Object.freeze([])

const selectDevices = (s: ReturnType<typeof useArchiveStore.getState>) => s.summary?.reading.devices ?? NO_DEVICES

export function useCatalog(): Catalog {
  const recordings = useRecordingsStore((s) => s.recordings)
  const devices = useArchiveStore(selectDevices)
  return catalogOf(recordings, devices)
}

export function useFiltered(): Filtered {
  const c = useCatalog()
  const text = useFiltersStore((s) => s.text)
  const deviceKey = useFiltersStore((s) => s.deviceKey)
  const registration = useFiltersStore((s) => s.registration)
  const from = useFiltersStore((s) => s.from)
  const to = useFiltersStore((s) => s.to)
  return filterOf(c, text, deviceKey, registration, dayToMs(from, false), dayToMs(to, true))
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
  return catalogOf(useRecordingsStore.getState().recordings, selectDevices(useArchiveStore.getState()))
}
export function getFiltered(): Filtered {
  const f = useFiltersStore.getState()
  return filterOf(getCatalog(), f.text, f.deviceKey, f.registration, dayToMs(f.from, false), dayToMs(f.to, true))
}
export function getOrdered(): Ordered {
  const f = useFiltersStore.getState()
  return orderOf(getCatalog(), getFiltered(), f.sortKey, f.sortDir)
}
