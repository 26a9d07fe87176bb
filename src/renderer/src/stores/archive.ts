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
  open(path: string): Promise<void>
  cancel(): Promise<void>
  close(): Promise<void>
  loadMoreEntries(): Promise<void>
}

const PAGE = 500
let jobCounter = 0

export const useArchiveStore = create<ArchiveState>((set, get) => ({
  status: 'idle',
  jobId: null,
  openingPath: null,
  progress: null,
  summary: null,
  entries: [],
  error: null,

  async open(path) {
    const previous = get().summary
    if (previous) void call('closeArchive', { archiveId: previous.archiveId }).catch(() => undefined)
    const jobId = `job${++jobCounter}-${Date.now().toString(36)}`
    set({ status: 'opening', jobId, openingPath: path, progress: null, summary: null, entries: [], error: null })
    try {
      const summary = await call('openArchive', { path, jobId })
      if (get().jobId !== jobId) return
      set({ status: 'open', summary, jobId: null })
      await get().loadMoreEntries()
    } catch (err) {
      if (get().jobId !== jobId) return
      const error = err instanceof ApiError ? { code: err.code, message: err.message } : { code: 'internal', message: String(err) }
      set({ status: error.code === 'cancelled' ? 'idle' : 'error', error: error.code === 'cancelled' ? null : error, jobId: null })
    }
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

  async loadMoreEntries() {
    const { summary, entries } = get()
    if (!summary || entries.length >= summary.entryCount) return
    const page = await call('listEntries', { archiveId: summary.archiveId, offset: entries.length, limit: PAGE })
    if (get().summary?.archiveId === summary.archiveId) set({ entries: [...get().entries, ...page.entries] })
  }
}))

onEvent('archive.progress', (progress) => {
  if (progress.jobId === useArchiveStore.getState().jobId) useArchiveStore.setState({ progress })
})
onEvent('archive.hashed', ({ archiveId, sha256 }) => {
  const { summary } = useArchiveStore.getState()
  if (summary?.archiveId === archiveId) useArchiveStore.setState({ summary: { ...summary, sha256 } })
})
