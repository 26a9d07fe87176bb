import { create } from 'zustand'
import { call, onEvent } from '../api/client'

/**
 * How long each recording is, learnt as the audio engine decodes it in the background: exports
 * rarely say (Amazon's do not), so the list's Length column fills in as the waveforms are made.
 */
interface DurationsState {
  archiveId: string | null
  ms: ReadonlyMap<string, number>
}

export const useDurationsStore = create<DurationsState>(() => ({ archiveId: null, ms: new Map() }))

const PAGE = 20_000
// Progress events come per recording; asking once in a while is enough for a column that fills in.
const EVERY_MS = 500
let after = 0
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
      const page = await call('audioDurations', { archiveId, after, limit: PAGE })
      if (useDurationsStore.getState().archiveId !== archiveId) return
      if (page.ids.length > 0) {
        const ms = new Map(useDurationsStore.getState().ms)
        page.ids.forEach((id, i) => ms.set(id, page.ms[i]!))
        useDurationsStore.setState({ ms })
      }
      after = page.next
      if (page.next >= page.total) break
    }
  } catch {
    // The export closed meanwhile, or the engine is busy: the next progress event asks again.
  } finally {
    fetching = false
    if (again) {
      again = false
      schedule(archiveId)
    }
  }
}

function schedule(archiveId: string): void {
  if (timer) return
  timer = setTimeout(() => {
    timer = null
    void fetchNew(archiveId)
  }, EVERY_MS)
}

onEvent('audio.progress', (progress) => {
  if (progress.archiveId === useDurationsStore.getState().archiveId) schedule(progress.archiveId)
})

/** Per-export reset (stores/per-export.ts): a new export starts with no durations and asks soon. */
/** A duration learnt elsewhere (the player's answer for the selected recording): the Length column shows it at once. */
export function knowDuration(archiveId: string, recordingId: string, ms: number): void {
  const s = useDurationsStore.getState()
  if (s.archiveId !== archiveId || s.ms.has(recordingId) || !Number.isFinite(ms)) return
  useDurationsStore.setState({ ms: new Map(s.ms).set(recordingId, Math.round(ms)) })
}

export function resetDurations(archiveId: string | null): void {
  after = 0
  useDurationsStore.setState({ archiveId, ms: new Map() })
  if (archiveId) schedule(archiveId)
}
