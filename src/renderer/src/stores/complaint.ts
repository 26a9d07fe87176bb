import type { EventPayload } from '../../../shared/ipc/events'
import { ComplaintFactsSchema, type ComplaintFacts, type LetterKind, type LetterLang } from '../../../shared/model/complaint'
import type { ComplaintDraft, ComplaintPreview, DeletedArchive, SavedBundle, SavedComplaint } from '../../../shared/model/complaint-calls'
import { ApiError, call, onEvent } from '../api/client'
import type { Root, SliceCreator } from './slice'

export const STEPS = ['person', 'controller', 'harm', 'review'] as const
export type Step = (typeof STEPS)[number]

/** Which fields each step asks for, so a step's errors and its focus stay on its own fields. */
export const STEP_FIELDS: Record<Exclude<Step, 'review'>, string[]> = {
  person: ['person.name', 'person.address', 'person.email', 'person.country', 'person.region', 'accountId'],
  controller: ['controller', 'service', 'requestDate', 'receiptDate', 'discoveryDate', 'controllerReference', 'channel', 'priorContact', 'noticeSentDate', 'noticePosted', 'noticeReceivedDate', 'extensionNotified', 'refusalDate', 'complainNowReason'],
  harm: ['harm', 'shareIdentityWithController', 'victimRemedy', 'lang']
}

type Progress = EventPayload<'complaint.progress'>
interface Job<T> {
  jobId: string | null
  progress: Progress | null
  result: T | null
  error: string | null
}
const idle = <T>(): Job<T> => ({ jobId: null, progress: null, result: null, error: null })

/** The complaint wizard's state, moved into the one store as it was (its own module-level timer and job counter included). */
export type ComplaintSlice = ComplaintState
interface ComplaintState {
  archiveId: string | null
  /** The saved facts have arrived; the steps render from then on. */
  ready: boolean
  step: Step
  draft: ComplaintDraft
  savedAt: string | null
  saveError: string | null
  /** Field paths whose errors are shown (a step's fields after Next was pressed). */
  shown: string[]
  letterLang: LetterLang
  letterKind: LetterKind
  preview: ComplaintPreview | null
  previewFor: string | null
  previewError: string | null
  letters: Job<SavedComplaint>
  bundle: Job<SavedBundle>
  reminder: { path: string | null; error: string | null } | null
  sealed: { logged: boolean; advice: string } | null
  deleted: DeletedArchive | null
  deleteError: string | null

  start(archiveId: string, uiLang: LetterLang): Promise<void>
  update(patch: ComplaintDraft): void
  /** Validates the current step; moves on and answers true when it has no errors. */
  next(): boolean
  back(): void
  goTo(step: Step): void
  setLetter(kind: LetterKind, lang: LetterLang): void
  loadPreview(): Promise<void>
  saveLetters(kinds: LetterKind[]): Promise<void>
  saveReminder(): Promise<void>
  saveBundle(sealedOriginals: boolean): Promise<void>
  cancel(): Promise<void>
  keepSealed(): Promise<void>
  deleteExport(confirmName: string): Promise<boolean>
}

/** Errors of the facts as they stand, by field path ('' for none); the wizard shows them per step. */
export function factErrors(draft: ComplaintDraft): Record<string, string> {
  const parsed = ComplaintFactsSchema.safeParse(draft)
  if (parsed.success) return {}
  const out: Record<string, string> = {}
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.')
    const value = issue.path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[k] : undefined), draft)
    out[path] ??= value === undefined || value === '' ? 'required' : 'invalid'
  }
  return out
}

/** The errors of a draft as typed: empty fields count as not given. */
export const errorsOf = (draft: ComplaintDraft): Record<string, string> => factErrors(cleaned(draft))

export function factsOf(draft: ComplaintDraft): ComplaintFacts | null {
  const parsed = ComplaintFactsSchema.safeParse(draft)
  return parsed.success ? parsed.data : null
}

/** Saved values win; the export's suggestions fill what is empty. */
function merged(saved: ComplaintDraft | null, suggested: ComplaintDraft): ComplaintDraft {
  const out: ComplaintDraft = { ...suggested, ...(saved ?? {}) }
  out.person = { ...suggested.person, ...(saved?.person ?? {}) }
  return out
}

/** Empty strings mean "not given": optional fields drop them so the schema's defaults apply. */
function cleaned(draft: ComplaintDraft): ComplaintDraft {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(draft)) if (v !== '' && v !== undefined) out[k] = v
  if (draft.person) out.person = Object.fromEntries(Object.entries(draft.person).filter(([, v]) => v !== '' && v !== undefined))
  return out as ComplaintDraft
}

const message = (err: unknown) => (err instanceof ApiError || err instanceof Error ? err.message : String(err))
let saveTimer: ReturnType<typeof setTimeout> | null = null
let jobCounter = 0
const newJob = () => `complaint${++jobCounter}-${Date.now().toString(36)}`

export const createComplaintSlice: SliceCreator<ComplaintSlice> = (set, get) => {
  /** Saves the draft beside the case now (the debounce's end, or on a step change). */
  const persist = async () => {
    if (saveTimer) clearTimeout(saveTimer)
    saveTimer = null
    const { archiveId, draft } = get()
    if (!archiveId) return
    try {
      const saved = await call('saveComplaintFacts', { archiveId, draft: cleaned(draft) })
      if (get().archiveId === archiveId) set({ savedAt: saved.savedAt, saveError: null })
    } catch (err) {
      set({ saveError: message(err) })
    }
  }
  const factsOrThrow = (): ComplaintFacts => {
    const facts = factsOf(cleaned(get().draft))
    if (!facts) throw new Error('incomplete')
    return facts
  }

  return {
    archiveId: null,
    ready: false,
    step: 'person',
    draft: {},
    savedAt: null,
    saveError: null,
    shown: [],
    letterLang: 'en',
    letterKind: 'controller-notice',
    preview: null,
    previewFor: null,
    previewError: null,
    letters: idle(),
    bundle: idle(),
    reminder: null,
    sealed: null,
    deleted: null,
    deleteError: null,

    async start(archiveId, uiLang) {
      if (get().archiveId === archiveId) return
      set({ archiveId, ready: false, step: 'person', draft: {}, shown: [], preview: null, previewFor: null, previewError: null, letters: idle(), bundle: idle(), reminder: null, sealed: null, deleted: null, deleteError: null })
      const state = await call('complaintFacts', { archiveId })
      if (get().archiveId !== archiveId) return
      const draft = merged(state.draft, state.suggested)
      draft.lang ??= uiLang
      set({ draft, ready: true, savedAt: state.savedAt, letterLang: draft.lang })
    },

    update(patch) {
      const { draft } = get()
      const next = { ...draft, ...patch, person: { ...draft.person, ...patch.person } }
      set({ draft: next, ...(patch.lang ? { letterLang: patch.lang } : {}) })
      if (saveTimer) clearTimeout(saveTimer)
      saveTimer = setTimeout(() => void persist(), 400)
    },

    next() {
      const { step, draft } = get()
      if (step === 'review') return false
      const errors = factErrors(cleaned(draft))
      const fields = STEP_FIELDS[step]
      const bad = fields.filter((f) => errors[f])
      set({ shown: [...new Set([...get().shown, ...fields])] })
      void persist()
      if (bad.length > 0) return false
      set({ step: STEPS[STEPS.indexOf(step) + 1]! })
      return true
    },
    back() {
      const at = STEPS.indexOf(get().step)
      if (at > 0) set({ step: STEPS[at - 1]! })
      void persist()
    },
    goTo(step) {
      // The review needs complete facts; the earlier steps can always be revisited.
      if (step === 'review' && Object.keys(factErrors(cleaned(get().draft))).length > 0) return
      set({ step })
      void persist()
    },

    setLetter(kind, lang) {
      set({ letterKind: kind, letterLang: lang })
      if (lang !== get().preview?.letters[0]?.lang) void get().loadPreview()
    },

    async loadPreview() {
      const { archiveId, letterLang } = get()
      if (!archiveId) return
      let facts: ComplaintFacts
      try {
        facts = factsOrThrow()
      } catch {
        set({ previewError: 'incomplete' })
        return
      }
      const key = JSON.stringify([facts, letterLang])
      set({ previewFor: key, previewError: null })
      try {
        const preview = await call('complaintPreview', { archiveId, facts, lang: letterLang })
        if (get().previewFor === key) set({ preview })
      } catch (err) {
        if (get().previewFor === key) set({ previewError: message(err) })
      }
    },

    async saveLetters(kinds) {
      const { archiveId, letterLang } = get()
      if (!archiveId || get().letters.jobId) return
      const jobId = newJob()
      set({ letters: { ...idle(), jobId } })
      try {
        const result = await call('saveComplaint', { archiveId, facts: factsOrThrow(), lang: letterLang, kinds, jobId })
        set({ letters: { ...idle(), result } })
        // The letters now print the manifest's hash: show it in the preview too.
        if (result.folder) void get().loadPreview()
      } catch (err) {
        set({ letters: { ...idle(), error: err instanceof ApiError && err.code === 'cancelled' ? null : message(err) } })
      }
    },

    async saveReminder() {
      const { archiveId, letterLang } = get()
      if (!archiveId) return
      try {
        const { path } = await call('saveReminder', { archiveId, facts: factsOrThrow(), lang: letterLang })
        set({ reminder: { path, error: null } })
      } catch (err) {
        set({ reminder: { path: null, error: message(err) } })
      }
    },

    async saveBundle(sealedOriginals) {
      const { archiveId, letterLang } = get()
      if (!archiveId || get().bundle.jobId) return
      const jobId = newJob()
      set({ bundle: { ...idle(), jobId } })
      try {
        const result = await call('saveBundle', { archiveId, facts: factsOrThrow(), lang: letterLang, jobId, sealedOriginals })
        set({ bundle: { ...idle(), result } })
        if (result.path) void get().loadPreview()
      } catch (err) {
        set({ bundle: { ...idle(), error: err instanceof ApiError && err.code === 'cancelled' ? null : message(err) } })
      }
    },

    async cancel() {
      for (const job of [get().letters.jobId, get().bundle.jobId]) if (job) await call('cancelJob', { jobId: job })
    },

    async keepSealed() {
      const { archiveId } = get()
      if (!archiveId) return
      try {
        set({ sealed: await call('keepSealed', { archiveId }) })
      } catch (err) {
        set({ sealed: { logged: false, advice: message(err) } })
      }
    },

    async deleteExport(confirmName) {
      const { archiveId } = get()
      if (!archiveId) return false
      try {
        const deleted = await call('deleteArchive', { archiveId, confirmName })
        set({ deleted, deleteError: null })
        return true
      } catch (err) {
        set({ deleteError: message(err) })
        return false
      }
    }
  }
}

export function listenComplaint(root: Root<{ complaint: ComplaintSlice }>): void {
  onEvent('complaint.progress', (progress) => {
    const s = root.getState().complaint
    if (progress.jobId === s.letters.jobId) root.setState({ complaint: { ...s, letters: { ...s.letters, progress } } })
    else if (progress.jobId === s.bundle.jobId) root.setState({ complaint: { ...s, bundle: { ...s.bundle, progress } } })
  })
}
