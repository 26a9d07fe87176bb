import { create } from 'zustand'
import { createAppSlice } from './app'
import { createArchiveSlice, listenArchive } from './archive'
import { createComplaintSlice, listenComplaint } from './complaint'
import { createDurationsSlice, listenDurations } from './durations'
import { createFiltersSlice } from './filters'
import { createPerExport } from './per-export'
import { createPlayerSlice, listenPlayer } from './player'
import { createRecordingsSlice } from './recordings'
import { createReviewSlice, listenReview } from './review'
import { createRowWavesSlice, listenRowWaves } from './rowWaves'
import { createSelectionSlice } from './selection'
import { slice, type RootState } from './slice'
import { createTimelineSlice } from './timeline'
import { createUiSlice } from './ui'

export type { RootState } from './slice'

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
  complaint: slice('complaint', createComplaintSlice, api)
}))

// The engine's pushes, each handed to the slice it concerns.
for (const listen of [listenArchive, listenReview, listenPlayer, listenDurations, listenRowWaves, listenComplaint]) listen(useStore)

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
