import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ArchiveSummary } from '../../../shared/model/archive'
import type { RecordingSummary } from '../../../shared/model/export'

/**
 * The one store in plain Node: a fake bridge answers the calls the slices make, so the one reset
 * (per-export.ts) can be watched from the outside: what a new export, a re-read and a close keep.
 */

type Handler = (request: Record<string, unknown>) => unknown
interface Bridge {
  handlers: Record<string, Handler>
  calls: { name: string; request: Record<string, unknown> }[]
  listeners: Map<string, Set<(payload: unknown) => void>>
  emit(name: string, payload: unknown): void
}

function fakeBridge(): Bridge {
  const bridge: Bridge = {
    handlers: {},
    calls: [],
    listeners: new Map(),
    emit(name, payload) {
      for (const l of bridge.listeners.get(name) ?? []) l(payload)
    }
  }
  const api = new Proxy(
    {},
    {
      get(_t, name: string) {
        if (name === 'on')
          return (event: string, cb: (payload: unknown) => void) => {
            const set = bridge.listeners.get(event) ?? new Set()
            set.add(cb)
            bridge.listeners.set(event, set)
            return () => set.delete(cb)
          }
        return async (request: Record<string, unknown>) => {
          bridge.calls.push({ name, request })
          const handler = bridge.handlers[name]
          if (!handler) return { ok: false, error: { code: 'internal', message: `no fake for ${name}` } }
          return { ok: true, value: await handler(request) }
        }
      }
    }
  )
  vi.stubGlobal('window', { exportscope: api, matchMedia: () => ({ matches: false }) })
  return bridge
}

const recording = (id: string): RecordingSummary => ({ id, time: '2024-05-02T10:00:00.000Z' }) as unknown as RecordingSummary

const summary = (archiveId: string, reading: object = { devices: [], problems: [] }): ArchiveSummary =>
  ({ archiveId, name: `${archiveId}.zip`, entryCount: 0, problems: [], reading }) as unknown as ArchiveSummary

/** Lets every pending promise (and the fake bridge's answers) settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the one store', () => {
  let bridge: Bridge
  let store: typeof import('./index')

  beforeEach(async () => {
    vi.resetModules()
    bridge = fakeBridge()
    vi.stubGlobal('localStorage', { getItem: () => null, setItem: () => undefined })
    vi.stubGlobal('navigator', { language: 'en-GB' })
    vi.stubGlobal('document', { documentElement: { lang: 'en', dataset: {} } })
    vi.stubGlobal('MutationObserver', class { observe() {} })
    const opened: Record<string, ArchiveSummary> = { a: summary('a'), b: summary('b') }
    bridge.handlers.openSample = () => opened.a
    bridge.handlers.openArchive = () => opened.b
    bridge.handlers.listEntries = () => ({ total: 0, offset: 0, entries: [] })
    bridge.handlers.closeArchive = () => null
    bridge.handlers.listRecordings = (r) => ({ total: 2, recordings: r.offset === 0 ? [recording(`${String(r.archiveId)}1`), recording(`${String(r.archiveId)}2`)] : [] })
    bridge.handlers.reviewState = (r) => ({ archiveId: r.archiveId, findings: [], verdicts: {}, reasons: {}, deviceVerdicts: {}, marks: {}, deviceMarks: {}, counts: null, canUndo: false, canRedo: false, undoLabel: null, redoLabel: null })
    store = await import('./index')
  })
  afterEach(() => vi.unstubAllGlobals())

  it('composes every slice under its own key, each set touching its slice only', () => {
    const s = store.useStore.getState()
    expect(Object.keys(s)).toEqual(expect.arrayContaining(['app', 'ui', 'archive', 'recordings', 'review', 'filters', 'selection', 'timeline', 'player', 'durations', 'rowWaves', 'complaint']))
    const before = store.useStore.getState()
    s.filters.setText('kitchen')
    const after = store.useStore.getState()
    expect(after.filters.text).toBe('kitchen')
    expect(after.filters).not.toBe(before.filters)
    expect(after.review).toBe(before.review)
    expect(after.selection).toBe(before.selection)
  })

  it('opening an export loads its recordings and review; opening another resets the per-export state', async () => {
    const { useStore } = store
    await useStore.getState().archive.openSample()
    await settle()
    expect(useStore.getState().recordings.recordings.map((r) => r.id)).toEqual(['a1', 'a2'])
    expect(useStore.getState().review.status).toBe('ready')
    useStore.getState().selection.select('a2')
    useStore.getState().filters.setText('kitchen')
    useStore.getState().timeline.setDomain(0, 86_400_000)
    useStore.getState().durations.know('a', 'a2', 1234)

    await useStore.getState().archive.open({ path: '/x/b.zip', token: 't' })
    await settle()
    const s = useStore.getState()
    expect(s.archive.summary?.archiveId).toBe('b')
    expect(s.selection.selectedId).toBeNull()
    expect(s.filters.text).toBe('')
    expect(s.timeline.hi).toBe(0)
    expect(s.durations.archiveId).toBe('b')
    expect(s.durations.ms.size).toBe(0)
    expect(s.rowWaves.archiveId).toBe('b')
    expect(s.player.archiveId).toBe('b')
    expect(s.recordings.recordings.map((r) => r.id)).toEqual(['b1', 'b2'])
    expect(s.review.archiveId).toBe('b')
    expect(bridge.calls.filter((c) => c.name === 'closeArchive').map((c) => c.request.archiveId)).toEqual(['a'])
  })

  it('marks which export has its first page in (the workspace waits for it), asks for lengths and the file list only then, and keeps the mark through a re-read', async () => {
    const { useStore } = store
    let answerFirstPage: () => void = () => undefined
    const firstPage = new Promise<void>((resolve) => (answerFirstPage = resolve))
    const list = bridge.handlers.listRecordings!
    bridge.handlers.listRecordings = async (r) => {
      if (r.offset === 0) await firstPage
      return list(r)
    }
    bridge.handlers.openSample = () => ({ ...summary('a'), entryCount: 3 })
    const opening = useStore.getState().archive.openSample()
    await opening
    await settle()
    expect(useStore.getState().archive.status).toBe('open')
    expect(useStore.getState().recordings.shown).toBeNull()
    expect(bridge.calls.some((c) => c.name === 'listEntries')).toBe(false)
    answerFirstPage()
    await settle()
    await settle()
    expect(useStore.getState().recordings.shown).toBe('a')
    expect(bridge.calls.filter((c) => c.name === 'listEntries')).toHaveLength(1)
    // A re-read (a new reading of the same export) loads again but the export stays shown.
    const opened = useStore.getState().archive.summary!
    useStore.getState().archive.applySummary({ ...opened, reading: { ...opened.reading } })
    expect(useStore.getState().recordings.status).toBe('loading')
    expect(useStore.getState().recordings.shown).toBe('a')
  })

  it("an older export's late answer is dropped once another export opened", async () => {
    const { useStore } = store
    let release: () => void = () => undefined
    const late = new Promise<void>((resolve) => (release = resolve))
    const answer = bridge.handlers.listRecordings!
    bridge.handlers.listRecordings = async (r) => {
      if (r.archiveId === 'a') await late
      return answer(r)
    }
    await useStore.getState().archive.openSample()
    await useStore.getState().archive.open({ path: '/x/b.zip', token: 't' })
    await settle()
    release()
    await settle()
    expect(useStore.getState().recordings.archiveId).toBe('b')
    expect(useStore.getState().recordings.recordings.map((r) => r.id)).toEqual(['b1', 'b2'])
  })

  it('a new reading reloads the recordings but keeps the selection and filters; the hash reloads nothing', async () => {
    const { useStore } = store
    await useStore.getState().archive.openSample()
    await settle()
    useStore.getState().selection.select('a1')
    useStore.getState().filters.setText('kitchen')
    const loads = () => bridge.calls.filter((c) => c.name === 'listRecordings').length
    const before = loads()

    bridge.emit('archive.hashed', { archiveId: 'a', sha256: 'f'.repeat(64) })
    await settle()
    expect(useStore.getState().archive.summary?.sha256).toBe('f'.repeat(64))
    expect(loads()).toBe(before)

    useStore.getState().archive.applySummary(summary('a', { devices: [], problems: [], reread: true }))
    await settle()
    expect(loads()).toBeGreaterThan(before)
    expect(bridge.calls.filter((c) => c.name === 'reviewState').length).toBe(2)
    expect(useStore.getState().selection.selectedId).toBe('a1')
    expect(useStore.getState().filters.text).toBe('kitchen')
  })

  it('closing the export empties the recordings and the review', async () => {
    const { useStore } = store
    await useStore.getState().archive.openSample()
    await settle()
    useStore.getState().selection.select('a1')
    await useStore.getState().archive.close()
    const s = useStore.getState()
    expect(s.archive.status).toBe('idle')
    expect(s.recordings.status).toBe('idle')
    expect(s.recordings.recordings).toHaveLength(0)
    expect(s.review.status).toBe('idle')
    expect(s.selection.selectedId).toBeNull()
  })

  it("the complaint slice starts on an export's saved facts and takes its jobs' progress from the engine's events", async () => {
    const { useStore } = store
    bridge.handlers.complaintFacts = () => ({ draft: { accountId: 'A1' }, suggested: { service: 'Alexa' }, savedAt: null })
    await useStore.getState().complaint.start('a', 'de')
    expect(useStore.getState().complaint.draft).toMatchObject({ accountId: 'A1', service: 'Alexa', lang: 'de' })
    expect(useStore.getState().complaint.ready).toBe(true)
    const { complaint } = useStore.getState()
    useStore.setState({ complaint: { ...complaint, letters: { ...complaint.letters, jobId: 'j1' } } })
    bridge.emit('complaint.progress', { jobId: 'j1', phase: 'hashing', done: 1, total: 3 })
    bridge.emit('complaint.progress', { jobId: 'other', phase: 'hashing', done: 2, total: 3 })
    expect(useStore.getState().complaint.letters.progress).toMatchObject({ done: 1 })
    expect(useStore.getState().complaint.bundle.progress).toBeNull()
  })

  it('watch runs a listener only when its part of the store changes', async () => {
    const { useStore, watch } = store
    const seen: (string | null)[] = []
    const stop = watch((s) => s.selection.selectedId, (id) => seen.push(id))
    useStore.getState().filters.setText('x')
    useStore.getState().selection.select('r1')
    useStore.getState().selection.select('r1')
    useStore.getState().selection.select('r2')
    stop()
    useStore.getState().selection.select('r3')
    expect(seen).toEqual(['r1', 'r2'])
  })
})
