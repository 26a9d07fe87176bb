import { call, onEvent } from '../api/client'
import type { Root, SliceCreator } from './slice'

/**
 * How long each recording is, as the audio engine learns it: exports rarely say (Amazon's do not),
 * so the list's Length column fills in from the WAV headers at once and from the decode for the rest.
 */
export interface DurationsSlice {
  archiveId: string | null
  ms: ReadonlyMap<string, number>
  /** The engine's position in its list of known durations: the next fetch asks only for newer ones. */
  after: number
  /** Asks the engine soon for the durations learnt since the last ask (progress events come per recording). */
  schedule(archiveId: string): void
  /** A duration learnt elsewhere (the player's answer for the selected recording): the Length column shows it at once. */
  know(archiveId: string, recordingId: string, ms: number): void
}

/** A new export starts with no durations (the one reset, per-export.ts, then asks soon). */
export const freshDurations = (archiveId: string | null): Partial<DurationsSlice> => ({ archiveId, ms: new Map(), after: 0 })

const PAGE = 20_000
// Progress events come per recording; asking once in a while is enough for a column that fills in.
const EVERY_MS = 500

export const createDurationsSlice: SliceCreator<DurationsSlice> = (set, get) => {
  // One fetch at a time; a wish during one asks again when it ends.
  let fetching = false
  let again = false
  let timer: ReturnType<typeof setTimeout> | null = null

  async function fetchNew(archiveId: string): Promise<void> {
    if (fetching) {
      again = true
      return
    }
    fetching = true
    try {
      for (;;) {
        const page = await call('audioDurations', { archiveId, after: get().after, limit: PAGE })
        if (get().archiveId !== archiveId) return
        if (page.ids.length > 0) {
          const ms = new Map(get().ms)
          page.ids.forEach((id, i) => ms.set(id, page.ms[i]!))
          set({ ms })
        }
        set({ after: page.next })
        if (page.next >= page.total) break
      }
    } catch {
      // The export closed meanwhile, or the engine is busy: the next progress event asks again.
    } finally {
      fetching = false
      if (again) {
        again = false
        get().schedule(archiveId)
      }
    }
  }

  return {
    archiveId: null,
    ms: new Map(),
    after: 0,
    schedule(archiveId) {
      if (timer) return
      timer = setTimeout(() => {
        timer = null
        void fetchNew(archiveId)
      }, EVERY_MS)
    },
    know(archiveId, recordingId, ms) {
      const s = get()
      if (s.archiveId !== archiveId || s.ms.has(recordingId) || !Number.isFinite(ms)) return
      set({ ms: new Map(s.ms).set(recordingId, Math.round(ms)) })
    }
  }
}

export function listenDurations(root: Root<{ durations: DurationsSlice }>): void {
  // Decoding learns lengths one by one (its progress), WAV headers in batches (audio.durations).
  const heard = ({ archiveId }: { archiveId: string }) => {
    const { durations } = root.getState()
    if (archiveId === durations.archiveId) durations.schedule(archiveId)
  }
  onEvent('audio.progress', heard)
  onEvent('audio.durations', heard)
}
