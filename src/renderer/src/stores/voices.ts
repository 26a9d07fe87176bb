import { create } from 'zustand'
import type { VoicesState } from '../../../shared/model/voices'
import { ApiError, call, onEvent } from '../api/client'

interface VoicesStoreState {
  archiveId: string | null
  /** The person asked for the voices of this export (the work starts then, never at open). */
  asked: boolean
  /** The engine's last answer, with progress patched in from `voices.changed` events. */
  state: VoicesState | null
  /** The call itself failed (not the analysis, whose failure is in `state`). */
  error: string | null
  /** Starts the voices of an open export (or picks up the work already running) and follows it by events. */
  ask(archiveId: string): Promise<void>
  reset(): void
}

const initial = { archiveId: null, asked: false, state: null, error: null }
let generation = 0

/**
 * The voices of the open export, as the Voices panel, the voice filter and the voice lanes read
 * them. Asked once when the person starts them; after that the engine's `voices.changed` events say
 * when to ask again (progress, ready, failed, a voice mark or its undo), so nothing polls.
 */
export const useVoicesStore = create<VoicesStoreState>((set, get) => ({
  ...initial,
  async ask(archiveId) {
    if (get().archiveId !== archiveId) set({ ...initial, archiveId })
    set({ asked: true, error: null })
    const mine = ++generation
    try {
      const answer = await call('voices', { archiveId })
      if (mine !== generation || get().archiveId !== archiveId) return
      // The same groups again (a mark changed): keep the recording → voice map, so what is keyed on it is not redone.
      const before = get().state
      const same = before?.status === 'ready' && answer.status === 'ready' && sameGroups(before.voices, answer.voices)
      set({ state: same ? { ...answer, voiceOf: before.voiceOf } : answer })
    } catch (err) {
      if (mine === generation && get().archiveId === archiveId) set({ error: err instanceof ApiError ? err.message : String(err) })
    }
  },
  reset() {
    generation++
    set(initial)
  }
}))

const sameGroups = (a: VoicesState['voices'], b: VoicesState['voices']): boolean =>
  a.length === b.length && a.every((v, k) => v.id === b[k]!.id && v.recordings === b[k]!.recordings)

/** Ready voices, or null while they are worked out (or never asked for). */
export const selectReadyVoices = (s: VoicesStoreState): VoicesState | null => (s.state?.status === 'ready' ? s.state : null)

onEvent('voices.changed', ({ archiveId, status, done, total, error }) => {
  const s = useVoicesStore.getState()
  if (!s.asked || s.archiveId !== archiveId) return
  // Progress is patched in place; the end, or a mark, means the groups (or their marks) changed: ask once.
  if (status === 'working' && (s.state === null || s.state.status === 'working')) {
    useVoicesStore.setState({ state: { status, done, total, error, voices: [], voiceOf: {} } })
    return
  }
  void s.ask(archiveId)
})

/** Per-export reset (stores/per-export.ts). */
export function resetVoices(): void {
  useVoicesStore.getState().reset()
}
