import type { RecordingSummary } from '../../../shared/model/export'
import { ApiError, call } from '../api/client'
import type { SliceCreator } from './slice'
import type { Epoch } from './epoch'

/** The contract's largest page. */
export const RECORDING_PAGE = 5000
const FIRST_PAGE = 1000
/**
 * While pages arrive, the screen is refreshed at most this often, and only once the set has grown by
 * half: each refresh re-derives the catalog over everything loaded, so 100,000 recordings cost a few
 * refreshes rather than one per page.
 */
const PUBLISH_MS = 250
const PUBLISH_GROWTH = 1.5

export interface RecordingsSlice {
  /** Which open export these recordings belong to. */
  archiveId: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  recordings: readonly RecordingSummary[]
  /** How many the engine says there are (known after the first page). */
  total: number
  /** The export whose first page has reached the store (kept through a re-read): until then the workspace waits (App.tsx). */
  shown: string | null
  error: string | null
  /**
   * Fetches every recording of the export in pages; the one reset (a new export or reading) makes an
   * older load stop. `shown` runs once the first page is in the store (work that can wait for the first screen).
   */
  load(archiveId: string, shown?: () => void): Promise<void>
}

const EMPTY: readonly RecordingSummary[] = Object.freeze([])

/** Resolves after the next frame is drawn (at once where there are no frames, as in unit tests). */
const afterPaint = (): Promise<void> =>
  typeof requestAnimationFrame === 'function' ? new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))) : Promise.resolve()

/** What a closed export leaves (the one reset, per-export.ts). */
export const freshRecordings = (): Partial<RecordingsSlice> => ({ archiveId: null, status: 'idle', recordings: EMPTY, total: 0, shown: null, error: null })

/** The open export's recordings, all of them, in the order the providers read them. */
export const createRecordingsSlice: SliceCreator<RecordingsSlice, Epoch> = (set, _get, root) => ({
  archiveId: null,
  status: 'idle',
  recordings: EMPTY,
  total: 0,
  shown: null,
  error: null,

  async load(archiveId, shown) {
    const mine = root.getState().epoch
    // bench:ui measures from here (the export is read, its summary shown) to the timeline's paints.
    performance.mark('exportscope:index-ready')
    set({ archiveId, status: 'loading', recordings: EMPTY, total: 0, error: null })
    const all: RecordingSummary[] = []
    let lastPublish = 0
    let published = 0
    let shownCalled = false
    try {
      for (;;) {
        // A small first page paints the screen at once; the rest come in the contract's largest pages.
        const limit = all.length === 0 ? FIRST_PAGE : RECORDING_PAGE
        const page = await call('listRecordings', { archiveId, offset: all.length, limit })
        if (mine !== root.getState().epoch) return
        if (all.length === 0) performance.mark('exportscope:first-page', { detail: { recordings: page.recordings.length } })
        for (const r of page.recordings) all.push(r)
        const done = page.recordings.length === 0 || all.length >= page.total
        const now = performance.now()
        if (done || (now - lastPublish >= PUBLISH_MS && all.length >= published * PUBLISH_GROWTH)) {
          lastPublish = now
          published = all.length
          set({ recordings: done ? all : all.slice(), total: page.total, status: done ? 'ready' : 'loading', shown: archiveId })
          performance.mark('exportscope:recordings-published', { detail: { recordings: all.length } })
          if (!shownCalled) {
            shownCalled = true
            // The first page is drawn before the next is asked for: parsing a page of 5,000 would
            // otherwise sit between this page and its first paint on the renderer's one thread.
            await afterPaint()
            if (mine !== root.getState().epoch) return
            shown?.()
          }
          if (done) performance.mark('exportscope:recordings-loaded', { detail: { recordings: all.length } })
        }
        if (done) return
      }
    } catch (err) {
      if (mine !== root.getState().epoch) return
      set({ status: 'error', error: err instanceof ApiError ? err.message : String(err) })
    }
  }
})
