import type { VoicesState } from '../../../shared/model/voices'
import { ApiError, call, onEvent } from '../api/client'
import type { Epoch } from './epoch'
import type { FiltersSlice } from './filters'
import type { Root, SliceCreator } from './slice'

export interface VoicesSlice {
  archiveId: string | null
  /** The person asked for the voices of this export (the work starts then, never at open). */
  asked: boolean
  /** The engine's last answer, with progress patched in from `voices.changed` events. */
  state: VoicesState | null
  /** The call itself failed (not the analysis, whose failure is in `state`). */
  error: string | null
  /** Starts the voices of an open export (or picks up the work already running) and follows it by events. */
  ask(archiveId: string): Promise<void>
}

/** What a new export starts with (the one reset, per-export.ts). */
export const freshVoices = (): Partial<VoicesSlice> => ({ archiveId: null, asked: false, state: null, error: null })

/** What the voices slice touches of the rest: the voice filter, which names a group of these voices. */
type VoicesRoot = Epoch & { filters: Pick<FiltersSlice, 'voice' | 'setVoice'> }

/**
 * A voice filter names a group of the last clustering. While the voices are worked out again (a
 * re-read), or once its group is gone, it would filter by nothing the person chose, and the list
 * showed every recording under a filter bar that said it was filtering: so the filter is let go.
 */
function dropStaleVoiceFilter(root: Root<VoicesRoot>, state: VoicesState | null): void {
  const { voice, setVoice } = root.getState().filters
  if (voice === null) return
  const groups = state?.status === 'ready' ? state.voices : null
  if (!groups || (voice !== '' && !groups.some((v) => v.id === voice))) setVoice(null)
}

const sameGroups = (a: VoicesState['voices'], b: VoicesState['voices']): boolean =>
  a.length === b.length && a.every((v, k) => v.id === b[k]!.id && v.recordings === b[k]!.recordings)

/**
 * The voices of the open export, as the Voices panel, the voice filter and the voice lanes read
 * them. Asked once when the person starts them; after that the engine's `voices.changed` events say
 * when to ask again (progress, ready, failed, a voice mark or its undo), so nothing polls.
 */
export const createVoicesSlice: SliceCreator<VoicesSlice, VoicesRoot> = (set, get, root) => {
  // Every ask is numbered, and the one reset bumps the epoch: an answer for an older ask or export is dropped.
  let asks = 0
  return {
    archiveId: null,
    asked: false,
    state: null,
    error: null,
    async ask(archiveId) {
      if (get().archiveId !== archiveId) set({ ...freshVoices(), archiveId })
      set({ asked: true, error: null })
      const mine = ++asks
      const epoch = root.getState().epoch
      const current = () => mine === asks && epoch === root.getState().epoch && get().archiveId === archiveId
      try {
        const answer = await call('voices', { archiveId })
        if (!current()) return
        // The same groups again (a mark changed): keep the recording → voice map, so what is keyed on it is not redone.
        const before = get().state
        const same = before?.status === 'ready' && answer.status === 'ready' && sameGroups(before.voices, answer.voices)
        set({ state: same ? { ...answer, voiceOf: before.voiceOf } : answer })
        dropStaleVoiceFilter(root, answer)
      } catch (err) {
        if (current()) set({ error: err instanceof ApiError ? err.message : String(err) })
      }
    }
  }
}

/** Ready voices, or null while they are worked out (or never asked for). */
export const selectReadyVoices = (s: VoicesSlice): VoicesState | null => (s.state?.status === 'ready' ? s.state : null)

/** Progress is patched in place; the end, or a mark, means the groups (or their marks) changed: ask once. */
export function listenVoices(root: Root<VoicesRoot & { voices: VoicesSlice }>): void {
  onEvent('voices.changed', ({ archiveId, status, done, total, error }) => {
    const { voices } = root.getState()
    if (!voices.asked || voices.archiveId !== archiveId) return
    if (status === 'working' && (voices.state === null || voices.state.status === 'working')) {
      const state: VoicesState = { status, done, total, error, voices: [], voiceOf: {} }
      root.setState({ voices: { ...voices, state } })
      dropStaleVoiceFilter(root, state)
      return
    }
    void voices.ask(archiveId)
  })
}
