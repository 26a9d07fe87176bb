import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dispatch } from '../../shared/ipc/dispatch'
import type { ArchiveSummary } from '../../shared/model/archive'
import { MAX_IDS_PER_CALL, type ReviewState } from '../../shared/model/review'
import { generateExport, type GeneratedExport } from '../generate'
import { createServices, type Services } from '../services'
import { CaseFileSchema } from './case-file'

let dir: string
let made: GeneratedExport
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'exportscope-review-'))
  made = await generateExport({ provider: 'amazon', own: 8, foreign: 5, kind: 'unregistered-device', seed: 'review', clips: { sampleRate: 8000, maxSeconds: 0.2 } }, join(dir, 'export.zip'))
})
afterAll(() => rm(dir, { recursive: true, force: true }))

const platform = (home: string) => ({ shell: 'cli' as const, home, emit: () => undefined, chooseArchive: async () => null })

async function opened(home: string, path = made.paths[0]!): Promise<{ services: Services; summary: ArchiveSummary; state: () => Promise<ReviewState> }> {
  const services = createServices(platform(home))
  const summary = await services.handlers.openArchive({ token: services.grantPath(path, 'dialog'), jobId: 'j' })
  return { services, summary, state: () => services.handlers.reviewState({ archiveId: summary.archiveId }) }
}

// The background hash logs its line whenever it finishes: the order of the other lines is what these tests check.
const withoutHash = <T extends { action: string }>(log: T[]) => log.filter((c) => c.action !== 'hashed')

const caseOnDisk = async (home: string, fingerprint: string) => CaseFileSchema.parse(JSON.parse(await readFile(join(home, 'cases', `${fingerprint}.json`), 'utf8')))

describe('the review of an open export', () => {
  it('explains the export, and starts its case file with an "opened" line', async () => {
    const home = join(dir, 'home-explain')
    const { services, summary, state } = await opened(home)
    const s = await state()
    const foreign = Object.entries(s.verdicts).filter(([, v]) => v === 'foreign').map(([id]) => id)
    expect(foreign).toHaveLength(5)
    expect(s.findings.map((f) => [f.rule, f.recordingIds.length])).toEqual([['unregistered-device', 5]])
    expect(s.reasons[foreign[0]!]).toEqual(['unregistered-device'])
    expect(s.counts).toEqual({ recordings: 13, own: 8, suspect: 0, foreign: 5, mine: 0, notMine: 0, unsure: 0, unreviewed: 13, unreviewedFlagged: 5 })
    expect(s).toMatchObject({ fingerprint: summary.fingerprint, canUndo: false, canRedo: false, marks: {}, problems: [] })
    const onDisk = await caseOnDisk(home, summary.fingerprint)
    expect(withoutHash(onDisk.custody)).toEqual([{ time: expect.any(String), tool: expect.stringMatching(/^Exportscope \d/), action: 'opened', detail: 'export.zip (zip, 13 recordings)' }])
    await services.dispose()
  })

  it('marks a whole device in one step, undoes it, redoes it, and has each state on disk when the call answers', async () => {
    const home = join(dir, 'home-device')
    const { services, summary, state } = await opened(home)
    const archiveId = summary.archiveId
    const kitchen = summary.reading.devices.find((d) => !d.registered)!
    const ids = Object.keys((await state()).verdicts)

    const marked = await services.handlers.markDevice({ archiveId, deviceId: kitchen.id, mark: 'not-mine' })
    expect(Object.keys(marked.recordings).sort()).toEqual(ids.sort())
    expect(Object.values(marked.recordings).every((m) => m?.mark === 'not-mine')).toBe(true)
    expect(marked.devices[kitchen.id]).toMatchObject({ mark: 'not-mine', note: null })
    expect(marked).toMatchObject({ canUndo: true, canRedo: false, undoLabel: "mark 'Echo Küche' and its 5 recordings as not mine", saveError: null, verdictsChanged: false })
    expect(marked.counts).toMatchObject({ notMine: 5, unreviewed: 8, unreviewedFlagged: 0 })
    expect(Object.keys((await caseOnDisk(home, summary.fingerprint)).recordings).sort()).toEqual(ids.sort())

    const undone = await services.handlers.undo({ archiveId })
    expect(Object.values(undone.recordings)).toEqual(ids.map(() => null))
    expect(undone).toMatchObject({ canUndo: false, canRedo: true, redoLabel: "mark 'Echo Küche' and its 5 recordings as not mine" })
    expect(undone.counts).toMatchObject({ notMine: 0, unreviewed: 13 })
    const afterUndo = await caseOnDisk(home, summary.fingerprint)
    expect(afterUndo.recordings).toEqual({})
    expect(afterUndo.devices).toEqual({})

    const redone = await services.handlers.redo({ archiveId })
    expect(redone.counts).toMatchObject({ notMine: 5 })
    const log = withoutHash((await caseOnDisk(home, summary.fingerprint)).custody).map((c) => [c.action, c.detail])
    expect(log).toEqual([
      ['opened', 'export.zip (zip, 13 recordings)'],
      ['marked', "mark 'Echo Küche' and its 5 recordings as not mine"],
      ['undone', "took back: mark 'Echo Küche' and its 5 recordings as not mine"],
      ['redone', "did again: mark 'Echo Küche' and its 5 recordings as not mine"]
    ])
    await services.dispose()
  })

  it('keeps the person’s mark beside the detector’s verdict, and notes on recordings and devices', async () => {
    const home = join(dir, 'home-both')
    const { services, summary, state } = await opened(home)
    const archiveId = summary.archiveId
    const [first, second] = Object.keys((await state()).verdicts)
    await services.handlers.mark({ archiveId, recordingIds: [first!, second!], mark: 'mine', note: 'my sister, visiting' })
    const device = summary.reading.devices[0]!
    await services.handlers.setNote({ archiveId, target: 'device', id: device.id, note: 'in the kitchen since May' })
    const s = await state()
    expect(s.verdicts[first!]).toBe('foreign')
    expect(s.marks[first!]).toMatchObject({ mark: 'mine', note: 'my sister, visiting' })
    expect(s.deviceMarks[device.id]).toMatchObject({ mark: null, note: 'in the kitchen since May' })
    expect(s.counts).toMatchObject({ foreign: 5, mine: 2, unreviewedFlagged: 3 })
    expect(s.undoLabel).toBe('note on a device')
    await services.handlers.undo({ archiveId })
    expect((await state()).deviceMarks).toEqual({})
    // Marking again with the same value changes nothing and makes no undo step.
    const again = await services.handlers.mark({ archiveId, recordingIds: [first!], mark: 'mine' })
    expect(again.recordings).toEqual({})
    expect(again.undoLabel).toBe('mark 2 recordings as mine')
    await services.dispose()
  })

  it('finds its case again after a restart, under another name in another folder', async () => {
    const home = join(dir, 'home-restart')
    const first = await opened(home)
    const ids = Object.keys((await first.state()).verdicts)
    await first.services.handlers.mark({ archiveId: first.summary.archiveId, recordingIds: ids, mark: 'not-mine' })
    await first.services.dispose()

    await mkdir(join(dir, 'moved'), { recursive: true })
    // Not "…-2018.zip": the archive layer reads a name ending in -NNN as one part of a multipart export.
    const moved = join(dir, 'moved', 'amazon answer (copy).zip')
    await copyFile(made.paths[0]!, moved)
    const second = await opened(home, moved)
    expect(second.summary.fingerprint).toBe(first.summary.fingerprint)
    const s = await second.state()
    expect(Object.keys(s.marks).sort()).toEqual(ids.sort())
    expect(s.counts).toMatchObject({ notMine: 5, unreviewedFlagged: 0 })
    // A new session has its own undo stack: marks from before the restart are kept, not undoable.
    expect(s.canUndo).toBe(false)
    expect(s.custody.recent.filter((c) => c.action === 'opened').map((c) => c.detail)).toEqual(['export.zip (zip, 13 recordings)', 'amazon answer (copy).zip (zip, 13 recordings)'])
    await second.services.dispose()
  })

  it('opens the export even when its case file is damaged, keeps the damaged file, and says so', async () => {
    const home = join(dir, 'home-damaged')
    const probe = await opened(home)
    const fingerprint = probe.summary.fingerprint
    await probe.services.dispose()
    await writeFile(join(home, 'cases', `${fingerprint}.json`), '{"schema":"exportscope.case/1","recordings":{"r1":')
    const { services, summary, state } = await opened(home)
    const problem = summary.problems.find((p) => p.kind === 'case-file')
    expect(problem?.message).toMatch(/^The saved review of this export was damaged: it is not valid JSON .*It was kept as fp1-.*\.damaged-\d{17}\.json in the cases folder; the review starts anew\.$/)
    const s = await state()
    expect(s.problems).toEqual([problem])
    expect(withoutHash(s.custody.recent).map((c) => c.action)).toEqual(['set-aside', 'opened'])
    expect((await readdir(join(home, 'cases'))).filter((n) => n.includes('.damaged-'))).toHaveLength(1)
    await services.dispose()
  })

  it('records the export’s SHA-256 in the case once the background hash is done', async () => {
    const home = join(dir, 'home-hash')
    let hashed: (sha: string) => void = () => undefined
    const sha = new Promise<string>((resolve) => (hashed = resolve))
    const services = createServices({ ...platform(home), emit: (name: string, payload: unknown) => void (name === 'archive.hashed' && hashed((payload as { sha256: string }).sha256)) })
    const summary = await services.handlers.openArchive({ token: services.grantPath(made.paths[0]!, 'dialog'), jobId: 'h' })
    // As the app does: asking for the first page of the list starts the hash (session/handlers.ts).
    await services.handlers.listRecordings({ archiveId: summary.archiveId, offset: 0, limit: 10 })
    const value = await sha
    expect(value).toMatch(/^[0-9a-f]{64}$/)
    const s = await services.handlers.reviewState({ archiveId: summary.archiveId })
    expect(s.sha256).toBe(value)
    expect(s.custody.recent.find((c) => c.action === 'hashed')?.detail).toBe(`SHA-256 ${value}`)
    await services.dispose()
    expect((await caseOnDisk(home, summary.fingerprint)).sha256).toBe(value)
  })

  it('shares one case between two opens of the same export', async () => {
    const home = join(dir, 'home-twice')
    const services = createServices(platform(home))
    const a = await services.handlers.openArchive({ token: services.grantPath(made.paths[0]!, 'dialog'), jobId: 'a' })
    const b = await services.handlers.openArchive({ token: services.grantPath(made.paths[0]!, 'dialog'), jobId: 'b' })
    const id = a.reading.devices[0]!.id
    await services.handlers.setNote({ archiveId: a.archiveId, target: 'device', id, note: 'seen in a' })
    expect((await services.handlers.reviewState({ archiveId: b.archiveId })).deviceMarks[id]?.note).toBe('seen in a')
    await services.handlers.closeArchive({ archiveId: a.archiveId })
    expect((await services.handlers.undo({ archiveId: b.archiveId })).devices[id]).toBeNull()
    await services.dispose()
  })
})

describe('marks and the detector', () => {
  it('says when marks moved the detector’s verdicts, so the UI fetches them again', async () => {
    const other = await generateExport({ provider: 'amazon', own: 80, foreign: 40, kind: 'other-language', seed: 'moved', amazon: { metadataOnly: true } }, join(dir, 'languages.zip'))
    const { services, summary, state } = await opened(join(dir, 'home-moved'), other.paths[0]!)
    // A third in English passes for the household's second language: nothing is flagged yet.
    expect((await state()).findings).toEqual([])
    const page = await services.handlers.listRecordings({ archiveId: summary.archiveId, offset: 0, limit: 500 })
    const english = page.recordings.filter((r) => other.truth.recordings.some((t) => t.foreign && t.time === r.time)).map((r) => r.id)
    const change = await services.handlers.mark({ archiveId: summary.archiveId, recordingIds: english.slice(0, 30), mark: 'not-mine' })
    expect(change.verdictsChanged).toBe(true)
    const s = await state()
    expect(s.findings.map((f) => [f.rule, f.recordingIds.length])).toEqual([['other-language', 40]])
    expect(s.counts).toMatchObject({ suspect: 40, notMine: 30, unreviewedFlagged: 10 })
    // A note shapes nothing.
    expect((await services.handlers.setNote({ archiveId: summary.archiveId, target: 'recording', id: english[0]!, note: 'Thomas?' })).verdictsChanged).toBe(false)
    await services.dispose()
  })
})

describe('the review calls through the contract', () => {
  it('refuse ids that are not recordings of the export, payloads past the bound, and closed archives', async () => {
    const home = join(dir, 'home-contract')
    const { services, summary } = await opened(home)
    const archiveId = summary.archiveId
    expect(await dispatch(services.handlers, 'mark', { archiveId, recordingIds: ['r-nope'], mark: 'mine' })).toMatchObject({ ok: false, error: { code: 'not-found', message: '1 id is not recordings of this export (r-nope).' } })
    expect(await dispatch(services.handlers, 'mark', { archiveId, recordingIds: [], mark: 'mine' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    const tooMany = Array.from({ length: MAX_IDS_PER_CALL + 1 }, (_, i) => `r${i}`)
    expect(await dispatch(services.handlers, 'mark', { archiveId, recordingIds: tooMany, mark: 'mine' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(await dispatch(services.handlers, 'mark', { archiveId, recordingIds: ['r1'], mark: 'maybe' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(await dispatch(services.handlers, 'markDevice', { archiveId, deviceId: 'd-nope', mark: null })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await services.handlers.closeArchive({ archiveId })
    expect(await dispatch(services.handlers, 'reviewState', { archiveId })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await dispatch(services.handlers, 'undo', { archiveId })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await services.dispose()
  })

  it('answer with data that fits the contract’s response schemas', async () => {
    const { contract } = await import('../../shared/ipc/contract')
    const home = join(dir, 'home-schema')
    const { services, summary, state } = await opened(home)
    const s = await state()
    expect(contract.reviewState.response.safeParse(s).success).toBe(true)
    const change = await services.handlers.mark({ archiveId: summary.archiveId, recordingIds: Object.keys(s.verdicts), mark: 'unsure' })
    expect(contract.mark.response.safeParse(change).success).toBe(true)
    expect(JSON.parse(JSON.stringify(change))).toEqual(change)
    await services.dispose()
  })
})
