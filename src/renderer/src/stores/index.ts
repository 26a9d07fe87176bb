import { create } from 'zustand'
import { createAppSlice, type AppSlice } from './app'
import { createArchiveSlice, listenArchive, type ArchiveSlice } from './archive'
import { createComplaintSlice, listenComplaint, type ComplaintSlice } from './complaint'
import { createDurationsSlice, listenDurations, type DurationsSlice } from './durations'
import { createFiltersSlice, type FiltersSlice } from './filters'
import { createPerExport, type PerExport } from './per-export'
import { createPlayerSlice, listenPlayer, type PlayerSlice } from './player'
import { createRecordingsSlice, type RecordingsSlice } from './recordings'
import { createReviewSlice, listenReview, type ReviewSlice } from './review'
import { createRowWavesSlice, listenRowWaves, type RowWavesSlice } from './rowWaves'
import { createSelectionSlice, type SelectionSlice } from './selection'
import { slice } from './slice'
import { createTimelineSlice, type TimelineSlice } from './timeline'
import { createUiSlice, type UiSlice } from './ui'
import { createVoicesSlice, listenVoices, type VoicesSlice } from './voices'

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
  voices: VoicesSlice
  complaint: ComplaintSlice
}

/** The slices, the epoch and the one reset (per-export.ts). */
export type RootState = Slices & PerExport

/**
 * The renderer's one store, composed from slices (zustand's slice pattern). Components read it
 * through selectors, `useStore((s) => s.review.busy)`, with `useShallow` where a selector builds an
 * object or array; per-export state is reset in one place, per-export.ts.
 */
export const useStore = create<RootState>()((_set, _get, api) => ({
  ...createPerExport(api),
  app: slice('app', createAppSlice, api),
  ui: slice('ui', createUiSlice, api),
  archive: slice('archive', createArchiveSlice, api),
  recordings: slice('recordings', createRecordingsSlice, api),
  review: slice('review', createReviewSlice, api),
  filters: slice('filters', createFiltersSlice, api),
  selection: slice('selection', createSelectionSlice, api),
  timeline: slice('timeline', createTimelineSlice, api),
  player: slice('player', createPlayerSlice, api),
  durations: slice('durations', createDurationsSlice, api),
  rowWaves: slice('rowWaves', createRowWavesSlice, api),
  voices: slice('voices', createVoicesSlice, api),
  complaint: slice('complaint', createComplaintSlice, api)
}))

// The engine's pushes, each handed to the slice it concerns.
for (const listen of [listenArchive, listenReview, listenPlayer, listenDurations, listenRowWaves, listenVoices, listenComplaint]) listen(useStore)

/**
 * A transient subscription to one part of the store (the timeline's view, the selection): the
 * listener runs when that part changes, without a React render.
 */
export function watch<T>(select: (s: RootState) => T, listener: (now: T, before: T) => void): () => void {
  return useStore.subscribe((s, previous) => {
    const now = select(s)
    const before = select(previous)
    if (now !== before) listener(now, before)
  })
}
