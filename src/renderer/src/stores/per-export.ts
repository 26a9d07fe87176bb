import type { StoreApi } from 'zustand'
import type { ArchiveRoot, ArchiveSlice } from './archive'
import { freshDurations, type DurationsSlice } from './durations'
import type { Epoch } from './epoch'
import { freshFilters, type FiltersSlice } from './filters'
import { freshPlayer, type PlayerSlice } from './player'
import { freshRecordings, type RecordingsSlice } from './recordings'
import { freshReview, type ReviewSlice } from './review'
import { freshRowWaves, type RowWavesSlice } from './rowWaves'
import { freshSelection, type SelectionSlice } from './selection'
import { freshTimeline, type TimelineSlice } from './timeline'
import { freshVoices, type VoicesSlice } from './voices'

/** The epoch and the one reset, at the store's top level. */
export type PerExport = Epoch & ArchiveRoot

/** The slices that hold per-export state, which the reset replaces. */
interface PerExportSlices extends PerExport {
  archive: ArchiveSlice
  selection: SelectionSlice
  filters: FiltersSlice
  timeline: TimelineSlice
  player: PlayerSlice
  durations: DurationsSlice
  rowWaves: RowWavesSlice
  recordings: RecordingsSlice
  review: ReviewSlice
  voices: VoicesSlice
}

/**
 * The one place that reacts to the open export changing: every per-export piece of state is reset
 * here, in one `set`, and the recordings and the review are (re)loaded when an export opens or is
 * re-read (a column mapping gives a new reading). The hash finishing replaces the summary but keeps
 * its reading, so it reloads nothing.
 */
export const createPerExport = (api: StoreApi<PerExportSlices>): PerExport => ({
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
        rowWaves: { ...s.rowWaves, ...freshRowWaves(archiveId) },
        voices: { ...s.voices, ...freshVoices() }
      }),
      ...(closed && { recordings: { ...s.recordings, ...freshRecordings() }, review: { ...s.review, ...freshReview() } })
    }))
    const s = api.getState()
    // Lengths and the file list are asked for once the first page is drawn: asking for lengths wakes
    // audio's background work (header lengths of every recording), and either would take the CPU
    // and the renderer's thread from the first paint at 100,000 recordings.
    const afterFirstPage =
      switched && archiveId
        ? () => {
            const now = api.getState()
            now.durations.schedule(archiveId)
            if (now.archive.summary?.archiveId === archiveId) void now.archive.loadMoreEntries()
          }
        : undefined
    if (afterFirstPage && !(open && reread)) afterFirstPage()
    if (open && reread) {
      void s.recordings.load(open.archiveId, afterFirstPage)
      // The open answer carries the review (verdicts with the list); a re-read asks for it again.
      void s.review.load(open.archiveId, open.archiveId !== was?.archiveId ? open.review : undefined)
    }
  }
})
