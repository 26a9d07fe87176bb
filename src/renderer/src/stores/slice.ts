import type { StoreApi } from 'zustand'
import type { AppSlice } from './app'
import type { ArchiveSlice } from './archive'
import type { ComplaintSlice } from './complaint'
import type { DurationsSlice } from './durations'
import type { FiltersSlice } from './filters'
import type { PlayerSlice } from './player'
import type { RecordingsSlice } from './recordings'
import type { ReviewSlice } from './review'
import type { RowWavesSlice } from './rowWaves'
import type { SelectionSlice } from './selection'
import type { TimelineSlice } from './timeline'
import type { UiSlice } from './ui'
import type { PerExport } from './per-export'

/** Every slice of the one store, each under its own key (their field names repeat: status, archiveId, load…). */
export interface Slices {
  app: AppSlice
  ui: UiSlice
  archive: ArchiveSlice
  recordings: RecordingsSlice
  review: ReviewSlice
  filters: FiltersSlice
  selection: SelectionSlice
  timeline: TimelineSlice
  player: PlayerSlice
  durations: DurationsSlice
  rowWaves: RowWavesSlice
  complaint: ComplaintSlice
}

export type RootState = Slices & PerExport

/** A slice's own `set`: merges into its key only (a function gets the slice's state). */
export type SliceSet<T> = (patch: Partial<T> | ((state: T) => Partial<T>)) => void

/** The whole store, for the few slices that read or reset others (the archive's reset, the guards of loads). */
export type Root = Pick<StoreApi<RootState>, 'getState' | 'setState'>

/** A slice creator in zustand's slice pattern, scoped: it sees its own state, and the root when it asks for it. */
export type SliceCreator<K extends keyof Slices> = (set: SliceSet<Slices[K]>, get: () => Slices[K], root: Root) => Slices[K]

/** Builds slice `key` with a set and get bound to it; called once per slice at the composition root. */
export function slice<K extends keyof Slices>(key: K, create: SliceCreator<K>, api: StoreApi<RootState>): Slices[K] {
  const set: SliceSet<Slices[K]> = (patch) =>
    api.setState((s) => ({ [key]: { ...s[key], ...(typeof patch === 'function' ? patch(s[key]) : patch) } }) as Pick<RootState, K>)
  return create(set, () => api.getState()[key], api)
}
