import { useArchiveStore } from './archive'
import { resetDurations } from './durations'
import { resetFilters } from './filters'
import { resetPlayer } from './player'
import { useRecordingsStore } from './recordings'
import { useReviewStore } from './review'
import { resetRowWaves } from './rowWaves'
import { resetSelection } from './selection'
import { resetTimeline } from './timeline'
import { resetVoices } from './voices'

/**
 * The one place that reacts to the open export changing: every per-export piece of state is reset
 * here, in one order, and the recordings and the review are (re)loaded when an export opens or is
 * re-read (a column mapping gives a new reading). The hash finishing replaces the summary but keeps
 * its reading, so it reloads nothing.
 */
useArchiveStore.subscribe((state, previous) => {
  const archiveId = state.summary?.archiveId ?? null
  if (archiveId !== (previous.summary?.archiveId ?? null)) {
    resetSelection()
    resetFilters()
    resetTimeline()
    resetPlayer(archiveId)
    resetDurations(archiveId)
    resetRowWaves(archiveId)
    resetVoices()
  }
  const open = state.status === 'open' ? state.summary : null
  const before = previous.status === 'open' ? previous.summary : null
  if (!open) {
    if (useRecordingsStore.getState().archiveId !== null) useRecordingsStore.getState().reset()
    if (useReviewStore.getState().archiveId !== null) useReviewStore.getState().reset()
    return
  }
  if (open.archiveId !== before?.archiveId || open.reading !== before.reading) {
    void useRecordingsStore.getState().load(open.archiveId)
    // The open answer carries the review (verdicts with the list); a re-read asks for it again.
    void useReviewStore.getState().load(open.archiveId, open.archiveId !== before?.archiveId ? open.review : undefined)
  }
})
