import type { StoreApi } from 'zustand'
import type { ArchiveSlice } from './archive'
import { freshDurations } from './durations'
import { freshFilters } from './filters'
import { freshPlayer } from './player'
import { freshRecordings } from './recordings'
import { freshReview } from './review'
import { freshRowWaves } from './rowWaves'
import { freshSelection } from './selection'
import type { RootState } from './slice'
import { freshTimeline } from './timeline'

export interface PerExport {
  /**
   * Bumped by every reset: a new export, none, or a new reading of the same one. A load or a change
   * started under an earlier epoch drops its answer (in place of a counter per store).
   */
  epoch: number
  /** The one reset: the archive slice reports every change of its summary or status here. */
  exportChanged(before: ArchiveSlice, after: ArchiveSlice): void
}

/**
 * The one place that reacts to the open export changing: every per-export piece of state is reset
 * here, in one `set`, and the recordings and the review are (re)loaded when an export opens or is
 * re-read (a column mapping gives a new reading). The hash finishing replaces the summary but keeps
 * its reading, so it reloads nothing.
 */
export const createPerExport = (api: StoreApi<RootState>): PerExport => ({
  epoch: 0,
  exportChanged(before, after) {
    const archiveId = after.summary?.archiveId ?? null
    const switched = archiveId !== (before.summary?.archiveId ?? null)
    const open = after.status === 'open' ? after.summary : null
    const was = before.status === 'open' ? before.summary : null
    const reread = open !== null && (open.archiveId !== was?.archiveId || open.reading !== was.reading)
    const { recordings, review } = api.getState()
    const closed = open === null && (recordings.archiveId !== null || review.archiveId !== null)
    if (!switched && !reread && !closed) return
    api.setState((s) => ({
      epoch: s.epoch + 1,
      ...(switched && {
        selection: { ...s.selection, ...freshSelection() },
        filters: { ...s.filters, ...freshFilters() },
        timeline: { ...s.timeline, ...freshTimeline() },
        player: { ...s.player, ...freshPlayer(s.player, archiveId) },
        durations: { ...s.durations, ...freshDurations(archiveId) },
        rowWaves: { ...s.rowWaves, ...freshRowWaves(archiveId) }
      }),
      ...(closed && { recordings: { ...s.recordings, ...freshRecordings() }, review: { ...s.review, ...freshReview() } })
    }))
    const s = api.getState()
    if (switched && archiveId) s.durations.schedule(archiveId)
    if (open && reread) {
      void s.recordings.load(open.archiveId)
      // The open answer carries the review (verdicts with the list); a re-read asks for it again.
      void s.review.load(open.archiveId, open.archiveId !== was?.archiveId ? open.review : undefined)
    }
  }
})
