import { create } from 'zustand'
import type { ArchiveSummary, EntryInfo } from '../../../shared/model/archive'
import type { EventPayload } from '../../../shared/ipc/events'
import { ApiError, call, onEvent } from '../api/client'

type Progress = EventPayload<'archive.progress'>

interface ArchiveState {
  status: 'idle' | 'opening' | 'open' | 'error'
  jobId: string | null
  openingPath: string | null
  progress: Progress | null
  summary: ArchiveSummary | null
  entries: EntryInfo[]
  error: { code: string; message: string } | null
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

/** Entries per listEntries call (the contract's largest page); the file view asks for more as it scrolls. */
const PAGE = 5000
let loadingEntries: { archiveId: string; done: Promise<void> } | null = null
let wantedEntry = 0
let jobCounter = 0

export const useArchiveStore = create<ArchiveState>((set, get) => ({
  status: 'idle',
  jobId: null,
  openingPath: null,
  progress: null,
  summary: null,
  entries: [],
  error: null,

  open: ({ path, token }) => openWith(path, (jobId) => call('openArchive', { token, jobId })),
  openSample: () => openWith('sample-export.zip', (jobId) => call('openSample', { jobId })),
  applySummary: (summary) => {
    if (get().summary?.archiveId === summary.archiveId) set({ summary })
  },


  async cancel() {
    const { jobId } = get()
    if (jobId) await call('cancelJob', { jobId })
  },

  async close() {
    const { summary } = get()
    set({ status: 'idle', summary: null, entries: [], error: null, progress: null })
    if (summary) await call('closeArchive', { archiveId: summary.archiveId })
  },

  loadMoreEntries() {
    return get().loadEntriesThrough(get().entries.length)
  },

  loadEntriesThrough(index) {
    // One fetch loop per open export; a later wish raises its target instead of starting another.
    wantedEntry = Math.max(wantedEntry, index)
    const archiveId = get().summary?.archiveId
    if (!archiveId) return Promise.resolve()
    if (loadingEntries?.archiveId === archiveId) return loadingEntries.done
    const done = (async () => {
      for (;;) {
        const { summary, entries } = get()
        if (summary?.archiveId !== archiveId || entries.length >= summary.entryCount || entries.length > wantedEntry) return
        const page = await call('listEntries', { archiveId, offset: entries.length, limit: PAGE })
        if (get().summary?.archiveId !== archiveId || get().entries.length !== entries.length || page.entries.length === 0) return
        set({ entries: [...entries, ...page.entries] })
      }
    })().finally(() => {
      if (loadingEntries?.done === done) loadingEntries = null
    })
    loadingEntries = { archiveId, done }
    return done
  }
}))

/** One opening at a time: a newer one wins, and the previous export is closed. */
async function openWith(label: string, start: (jobId: string) => Promise<ArchiveSummary>): Promise<void> {
  const { getState: get, setState: set } = useArchiveStore
  const previous = get().summary
  if (previous) void call('closeArchive', { archiveId: previous.archiveId }).catch(() => undefined)
  const jobId = `job${++jobCounter}-${Date.now().toString(36)}`
  wantedEntry = 0
  set({ status: 'opening', jobId, openingPath: label, progress: null, summary: null, entries: [], error: null })
  try {
    const summary = await start(jobId)
    if (get().jobId !== jobId) return
    set({ status: 'open', summary, jobId: null })
    await get().loadMoreEntries()
  } catch (err) {
    if (get().jobId !== jobId) return
    const error = err instanceof ApiError ? { code: err.code, message: err.message } : { code: 'internal', message: String(err) }
    set({ status: error.code === 'cancelled' ? 'idle' : 'error', error: error.code === 'cancelled' ? null : error, jobId: null })
  }
}

onEvent('archive.progress', (progress) => {
  if (progress.jobId === useArchiveStore.getState().jobId) useArchiveStore.setState({ progress })
})
onEvent('archive.hashed', ({ archiveId, sha256 }) => {
  const { summary } = useArchiveStore.getState()
  if (summary?.archiveId === archiveId) useArchiveStore.setState({ summary: { ...summary, sha256 } })
})
