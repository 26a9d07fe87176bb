import type { VoiceMark } from '../../../shared/model/voices'
import type { MarkEntry, MarkValue, ReviewChange, ReviewCounts, ReviewState, StepText } from '../../../shared/model/review'
import { MAX_IDS_PER_CALL } from '../../../shared/model/review'
import { ApiError, call, onEvent } from '../api/client'
import type { Epoch } from './epoch'
import type { Root, SliceCreator } from './slice'

type Marks = Readonly<Record<string, MarkEntry>>

export interface ReviewSlice {
  archiveId: string | null
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** The detector's side (findings, verdicts, reasons); replaced only when reviewState is fetched again. */
  detector: Pick<ReviewState, 'findings' | 'verdicts' | 'reasons' | 'deviceVerdicts'> | null
  /** The person's side, patched from every change's answer. */
  marks: Marks
  deviceMarks: Marks
  counts: ReviewCounts | null
  canUndo: boolean
  canRedo: boolean
  undoLabel: string | null
  redoLabel: string | null
  /** The same steps for the app's translations (engine-text.ts stepText). */
  undoText: StepText | null
  redoText: StepText | null
  /** A change is on its way; buttons wait for it rather than queueing blind. */
  busy: boolean
  /** The last call that failed, or a save that did not reach the disk. */
  error: string | null
  load(archiveId: string, given?: ReviewState): Promise<void>
  /** Marks recordings as one undoable step (null clears); more ids than one call takes go in several. */
  mark(recordingIds: readonly string[], mark: MarkValue | null): Promise<void>
  markDevice(deviceId: string, mark: MarkValue | null): Promise<void>
  /** Marks a whole voice (see the Voices panel) as one undoable step; null clears it. */
  markVoice(voiceId: string, mark: VoiceMark | null): Promise<void>
  setNote(target: 'recording' | 'device', id: string, note: string | null): Promise<void>
  undo(): Promise<void>
  redo(): Promise<void>
}

const NONE: Marks = Object.freeze({})
const initial = {
  archiveId: null,
  status: 'idle' as const,
  detector: null,
  marks: NONE,
  deviceMarks: NONE,
  counts: null,
  canUndo: false,
  canRedo: false,
  undoLabel: null,
  redoLabel: null,
  undoText: null,
  redoText: null,
  busy: false,
  error: null
}

/** What a closed export leaves (the one reset, per-export.ts). */
export const freshReview = (): Partial<ReviewSlice> => ({ ...initial })

const patch = (marks: Marks, changed: Record<string, MarkEntry | null>): Marks => {
  const keys = Object.keys(changed)
  if (keys.length === 0) return marks
  const next: Record<string, MarkEntry> = { ...marks }
  for (const id of keys) {
    const entry = changed[id]
    if (entry) next[id] = entry
    else delete next[id]
  }
  return next
}

const message = (err: unknown) => (err instanceof ApiError ? err.message : String(err))

/** The review of the open export: what the detector says, what the person marked, and the undo state. */
export const createReviewSlice: SliceCreator<ReviewSlice, Epoch> = (set, get, root) => {
  // The export or its reading changes with every reset (per-export.ts): answers for an older one are dropped.
  const epoch = () => root.getState().epoch
  // Changes run one after another, so an undo never overtakes the mark it should take back.
  let queue: Promise<unknown> = Promise.resolve()
  const change = (run: (archiveId: string) => Promise<ReviewChange | null>): Promise<void> => {
    const next = queue.then(async () => {
      const { archiveId } = get()
      if (!archiveId) return
      const mine = epoch()
      set({ busy: true })
      try {
        const answer = await run(archiveId)
        if (mine !== epoch() || !answer) return
        apply(answer)
        if (answer.verdictsChanged) await refresh(archiveId, mine)
      } catch (err) {
        if (mine === epoch()) set({ error: message(err) })
      } finally {
        if (mine === epoch()) set({ busy: false })
      }
    })
    queue = next.catch(() => undefined)
    return next
  }

  const apply = (a: ReviewChange) => {
    const s = get()
    set({
      marks: patch(s.marks, a.recordings),
      deviceMarks: patch(s.deviceMarks, a.devices),
      counts: a.counts,
      canUndo: a.canUndo,
      canRedo: a.canRedo,
      undoLabel: a.undoLabel,
      redoLabel: a.redoLabel,
      undoText: a.undoText ?? null,
      redoText: a.redoText ?? null,
      error: a.saveError
    })
  }

  /** `given`: the review the open answer carried with the list (no second trip); otherwise it is fetched. */
  const refresh = async (archiveId: string, mine: number, given?: ReviewState) => {
    const st = given ?? (await call('reviewState', { archiveId }))
    if (mine !== epoch()) return
    set({
      status: 'ready',
      detector: { findings: st.findings, verdicts: st.verdicts, reasons: st.reasons, deviceVerdicts: st.deviceVerdicts },
      marks: st.marks,
      deviceMarks: st.deviceMarks,
      counts: st.counts,
      canUndo: st.canUndo,
      canRedo: st.canRedo,
      undoLabel: st.undoLabel,
      redoLabel: st.redoLabel,
      undoText: st.undoText ?? null,
      redoText: st.redoText ?? null,
      // Problems with the case file itself reach the person with the export's own problems (ProblemList).
      error: null
    })
  }

  return {
    ...initial,
    async load(archiveId, given) {
      const mine = epoch()
      set({ ...initial, archiveId, status: 'loading' })
      try {
        await refresh(archiveId, mine, given)
      } catch (err) {
        if (mine === epoch()) set({ status: 'error', error: message(err) })
      }
    },
    mark(recordingIds, mark) {
      const ids = [...recordingIds]
      if (ids.length === 0) return Promise.resolve()
      return change(async (archiveId) => {
        // The engine takes MAX_IDS_PER_CALL per step; a larger filter result becomes several steps.
        let last: ReviewChange | null = null
        for (let i = 0; i < ids.length; i += MAX_IDS_PER_CALL) {
          if (last) apply(last)
          last = await call('mark', { archiveId, recordingIds: ids.slice(i, i + MAX_IDS_PER_CALL), mark })
        }
        return last
      })
    },
    markDevice: (deviceId, mark) => change((archiveId) => call('markDevice', { archiveId, deviceId, mark })),
    markVoice: (voiceId, mark) => change((archiveId) => call('markVoice', { archiveId, voiceId, mark })),
    setNote: (target, id, note) => change((archiveId) => call('setNote', { archiveId, target, id, note: note?.trim() ? note : null })),
    undo: () => change((archiveId) => (get().canUndo ? call('undo', { archiveId }) : Promise.resolve(null))),
    redo: () => change((archiveId) => (get().canRedo ? call('redo', { archiveId }) : Promise.resolve(null)))
  }
}

// A later rule (the voices) changed verdicts without being asked: take the detector's new side as it comes.
export function listenReview(root: Root<{ review: ReviewSlice }>): void {
  onEvent('review.verdicts', ({ archiveId, findings, verdicts, reasons, deviceVerdicts, counts }) => {
    const { review } = root.getState()
    if (review.archiveId === archiveId && review.status === 'ready') root.setState({ review: { ...review, detector: { findings, verdicts, reasons, deviceVerdicts }, counts } })
  })
}
