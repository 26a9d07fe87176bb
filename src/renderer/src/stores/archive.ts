import type { ArchiveSummary, EntryInfo } from '../../../shared/model/archive'
import type { EventPayload } from '../../../shared/ipc/events'
import { ApiError, call, onEvent } from '../api/client'
import type { Root, SliceCreator } from './slice'

type Progress = EventPayload<'archive.progress'>

export interface ArchiveSlice {
  status: 'idle' | 'opening' | 'open' | 'error'
  jobId: string | null
  openingPath: string | null
  progress: Progress | null
  summary: ArchiveSummary | null
  entries: EntryInfo[]
  error: { code: string; message: string } | null
  /** Openings started so far: each gets its own job id, and a newer one wins. */
  openings: number
  /** The entry the file view wants listed, and the one fetch loop that lists up to it. */
  wantedEntry: number
  loadingEntries: { archiveId: string; done: Promise<void> } | null
  /** Opens what the person chose: `path` to show while it opens, `token` (from the dialog or a drop) is what main opens. */
  open(chosen: { path: string; token: string }): Promise<void>
  openSample(): Promise<void>
  /** Takes a fresh summary of the open export (after a re-read) without reopening it. */
  applySummary(summary: ArchiveSummary): void
  cancel(): Promise<void>
  close(): Promise<void>
  /** Fetches the next page of entries. */
  loadMoreEntries(): Promise<void>
  /** Fetches pages until the entry at `index` is listed (the file view asks as it scrolls). */
  loadEntriesThrough(index: number): Promise<void>
}

/** The one reset (per-export.ts) the archive reports to: it sees the archive before and after each change. */
export interface ArchiveRoot {
  exportChanged(before: ArchiveSlice, after: ArchiveSlice): void
}

/** Entries per listEntries call (the contract's largest page); the file view asks for more as it scrolls. */
const PAGE = 5000

/**
 * The open export: its summary and its file list. Every change of the summary or the status goes
 * through `change`, which hands before and after to the one per-export reset (per-export.ts).
 */
export const createArchiveSlice: SliceCreator<ArchiveSlice, ArchiveRoot> = (set, get, root) => {
  const change = (patch: Partial<ArchiveSlice>) => {
    const before = get()
    set(patch)
    root.getState().exportChanged(before, get())
  }

  /** One opening at a time: a newer one wins, and the previous export is closed. */
  const openWith = async (label: string, start: (jobId: string) => Promise<ArchiveSummary>): Promise<void> => {
    const previous = get().summary
    if (previous) void call('closeArchive', { archiveId: previous.archiveId }).catch(() => undefined)
    const openings = get().openings + 1
    const jobId = `job${openings}-${Date.now().toString(36)}`
    change({ status: 'opening', jobId, openings, wantedEntry: 0, openingPath: label, progress: null, summary: null, entries: [], error: null })
    try {
      // The bench's split of open → first paint (bench/session/open-paint.ts): the call, and the engine's own part of it.
      performance.mark('exportscope:open-asked')
      const summary = await start(jobId)
      performance.mark('exportscope:open-answered', { detail: summary.timings ?? null })
      if (get().jobId !== jobId) return
      // The file list's first page is asked for once the recordings' first page is drawn (per-export.ts).
      change({ status: 'open', summary, jobId: null })
    } catch (err) {
      if (get().jobId !== jobId) return
      const error = err instanceof ApiError ? { code: err.code, message: err.message } : { code: 'internal', message: String(err) }
      change({ status: error.code === 'cancelled' ? 'idle' : 'error', error: error.code === 'cancelled' ? null : error, jobId: null })
    }
  }

  return {
    status: 'idle',
    jobId: null,
    openingPath: null,
    progress: null,
    summary: null,
    entries: [],
    error: null,
    openings: 0,
    wantedEntry: 0,
    loadingEntries: null,

    open: ({ path, token }) => openWith(path, (jobId) => call('openArchive', { token, jobId })),
    openSample: () => openWith('sample-export.zip', (jobId) => call('openSample', { jobId })),
    applySummary: (summary) => {
      if (get().summary?.archiveId === summary.archiveId) change({ summary })
    },

    async cancel() {
      const { jobId } = get()
      if (jobId) await call('cancelJob', { jobId })
    },

    async close() {
      const { summary } = get()
      change({ status: 'idle', summary: null, entries: [], error: null, progress: null })
      if (summary) await call('closeArchive', { archiveId: summary.archiveId })
    },

    loadMoreEntries() {
      return get().loadEntriesThrough(get().entries.length)
    },

    loadEntriesThrough(index) {
      // One fetch loop per open export; a later wish raises its target instead of starting another.
      set({ wantedEntry: Math.max(get().wantedEntry, index) })
      const archiveId = get().summary?.archiveId
      if (!archiveId) return Promise.resolve()
      const loading = get().loadingEntries
      if (loading?.archiveId === archiveId) return loading.done
      const done = (async () => {
        for (;;) {
          const { summary, entries, wantedEntry } = get()
          if (summary?.archiveId !== archiveId || entries.length >= summary.entryCount || entries.length > wantedEntry) return
          const page = await call('listEntries', { archiveId, offset: entries.length, limit: PAGE })
          if (get().summary?.archiveId !== archiveId || get().entries.length !== entries.length || page.entries.length === 0) return
          set({ entries: [...entries, ...page.entries] })
        }
      })().finally(() => {
        if (get().loadingEntries?.done === done) set({ loadingEntries: null })
      })
      set({ loadingEntries: { archiveId, done } })
      return done
    }
  }
}

/** The engine's pushes about opening: progress of the job under way, the hash once it is done. */
export function listenArchive(root: Root<{ archive: ArchiveSlice }>): void {
  onEvent('archive.progress', (progress) => {
    const { archive } = root.getState()
    if (progress.jobId === archive.jobId) root.setState({ archive: { ...archive, progress } })
  })
  onEvent('archive.hashed', ({ archiveId, sha256 }) => {
    const { archive } = root.getState()
    // Same export, same reading: the one reset (per-export.ts) sees nothing to redo.
    if (archive.summary?.archiveId === archiveId) root.getState().archive.applySummary({ ...archive.summary, sha256 })
  })
}
