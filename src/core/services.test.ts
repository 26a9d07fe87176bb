import { describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { dispatch } from '../shared/ipc/dispatch'
import type { EventName } from '../shared/ipc/events'
import { createServices } from './services'

function fakePlatform(answer: string | null) {
  const asked: string[] = []
  const emitted: Array<{ name: EventName; payload: unknown }> = []
  return {
    asked,
    emitted,
    platform: {
      shell: 'cli' as const,
      home: '/tmp/exportscope-test-home',
      emit: (name: EventName, payload: unknown) => void emitted.push({ name, payload }),
      chooseArchive: async (kind: 'file' | 'folder') => (asked.push(kind), answer)
    }
  }
}

describe('the services object', () => {
  it('answers appInfo with the package version and the platform home', async () => {
    const { platform } = fakePlatform(null)
    const services = createServices(platform)
    const info = await services.handlers.appInfo({})
    expect(info).toMatchObject({ name: 'Exportscope', version: pkg.version, home: '/tmp/exportscope-test-home', shell: 'cli' })
  })
  it('passes the dialog kind to the platform and its answer back', async () => {
    const fake = fakePlatform('/data/takeout-001.zip')
    const services = createServices(fake.platform)
    expect(await dispatch(services.handlers, 'chooseArchive', { kind: 'folder' })).toEqual({ ok: true, value: { path: '/data/takeout-001.zip', token: expect.stringMatching(/^p[0-9a-f]{24}$/) } })
    expect(fake.asked).toEqual(['folder'])
  })
  it('opens only what the dialog (or a drop) granted: an arbitrary path, or a token never granted, is refused', async () => {
    const fake = fakePlatform('/nonexistent/chosen.zip')
    const services = createServices(fake.platform)
    // A path where a token belongs fails the contract's schema before any file is touched.
    const asPath = await dispatch(services.handlers, 'openArchive', { token: '/etc/passwd', jobId: 'j1' })
    expect(asPath).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(await dispatch(services.handlers, 'openArchive', { path: '/etc/passwd', jobId: 'j1' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    // A well-formed token the services never issued is refused by name, also before any file is touched.
    const forged = await dispatch(services.handlers, 'openArchive', { token: 'p0123456789abcdef01234567', jobId: 'j2' })
    expect(forged).toMatchObject({ ok: false, error: { code: 'forbidden-path' } })
    // The dialog's token reaches the file it names (here: missing, so cannot-open names it).
    const chosen = await services.handlers.chooseArchive({ kind: 'file' })
    if (!chosen.token) throw new Error('the dialog gave no token')
    const r = await dispatch(services.handlers, 'openArchive', { token: chosen.token, jobId: 'j3' })
    expect(r).toMatchObject({ ok: false, error: { code: 'cannot-open', message: expect.stringContaining('chosen.zip') } })
    // The same path keeps its token; a drop of another path gets another.
    expect(services.grantPath('/nonexistent/chosen.zip', 'drop')).toBe(chosen.token)
    expect(services.grantPath('/nonexistent/other.zip', 'drop')).not.toBe(chosen.token)
  })
  it('answers cannot-open for a file that does not exist, with its name', async () => {
    const services = createServices(fakePlatform(null).platform)
    const r = await dispatch(services.handlers, 'openArchive', { token: services.grantPath('/nonexistent/export.zip', 'dialog'), jobId: 'j1' })
    expect(r).toMatchObject({ ok: false, error: { code: 'cannot-open', message: expect.stringContaining('export.zip') } })
  })
})

describe('column mappings through the contract', () => {
  it('an unknown voice-history header is reported, mapped by the person, saved, and reused on the next open', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { buildExport } = await import('./generate')
    const { writeZipParts } = await import('./generate/write-zip')
    const dir = await mkdtemp(join(tmpdir(), 'es-svc-'))
    try {
      const { tree } = await buildExport({ provider: 'amazon', own: 1, foreign: 0, kind: 'none', seed: 'map', clips: { sampleRate: 8000, maxSeconds: 0.3 } })
      tree.parts[0]!.name = 'export.zip'
      tree.parts[0]!.nodes.push({ path: 'Alexa/Alexa.VoiceHistory.csv', content: 'Zeitpunkt;Gerät;Gesagt\n2023-03-01 10:00:00;Küche;hallo\n' })
      const [path] = await writeZipParts(tree, dir)
      const platform = { ...fakePlatform(null).platform, home: join(dir, 'home') }
      const services = createServices(platform)
      const first = await services.handlers.openArchive({ token: services.grantPath(path!, 'dialog'), jobId: 'j1' })
      expect(first.reading.unmappedCsv.map((u) => u.signature)).toEqual(['zeitpunkt|gerät|gesagt'])
      const before = first.reading.recordingCount

      const mapped = await dispatch(services.handlers, 'saveColumnMapping', {
        archiveId: first.archiveId,
        mapping: { signature: 'zeitpunkt|gerät|gesagt', columns: { time: 'Zeitpunkt', deviceName: 'Gerät', transcript: 'Gesagt' } }
      })
      expect(mapped).toMatchObject({ ok: true, value: { reading: { unmappedCsv: [], recordingCount: before + 1 } } })

      const other = createServices(platform)
      const again = await other.handlers.openArchive({ token: other.grantPath(path!, 'dialog'), jobId: 'j2' })
      expect(again.reading.unmappedCsv).toEqual([])
      expect(again.reading.recordingCount).toBe(before + 1)
      await services.dispose()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
  it('a mapping without a time column is refused before it is saved', async () => {
    const services = createServices(fakePlatform(null).platform)
    const r = await dispatch(services.handlers, 'saveColumnMapping', { archiveId: 'a0123456789abcdef', mapping: { signature: 'x', columns: { transcript: 'x' } } })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: expect.stringContaining('time column') } })
  })
})

describe('the review comes with the list', () => {
  it('openArchive answers with the verdicts, and a verdict change reaches the renderer as review.verdicts', async () => {
    const { mkdtemp, rm } = await import('node:fs/promises')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { generateExport } = await import('./generate')
    const dir = await mkdtemp(join(tmpdir(), 'exportscope-with-list-'))
    try {
      const made = await generateExport({ provider: 'amazon', own: 80, foreign: 40, kind: 'other-language', seed: 'with-list', amazon: { metadataOnly: true } }, join(dir, 'export.zip'))
      const fake = fakePlatform(null)
      const services = createServices({ ...fake.platform, home: join(dir, 'home') })
      const summary = await services.handlers.openArchive({ token: services.grantPath(made.paths[0]!, 'dialog'), jobId: 'j1' })
      // The same verdicts reviewState would answer, without asking for them.
      expect(summary.review).toBeDefined()
      expect(summary.review!.archiveId).toBe(summary.archiveId)
      const asked = await services.handlers.reviewState({ archiveId: summary.archiveId })
      expect(summary.review!.verdicts).toEqual(asked.verdicts)
      expect(summary.review!.findings).toEqual(asked.findings)
      // Disowning thirty English ones takes English out of the usual: forty are flagged, and the event says so.
      const page = await services.handlers.listRecordings({ archiveId: summary.archiveId, offset: 0, limit: 5000 })
      const english = page.recordings.filter((r) => made.truth.recordings.some((t) => t.foreign && t.time === r.time)).map((r) => r.id)
      const change = await services.handlers.mark({ archiveId: summary.archiveId, recordingIds: english.slice(0, 30), mark: 'not-mine' })
      expect(change.verdictsChanged).toBe(true)
      const events = fake.emitted.filter((e) => e.name === 'review.verdicts').map((e) => e.payload as { archiveId: string; verdicts: Record<string, string> })
      expect(events).toHaveLength(1)
      expect(events[0]!.archiveId).toBe(summary.archiveId)
      expect(Object.keys(events[0]!.verdicts).sort()).toEqual(english.sort())
      expect(Object.values(events[0]!.verdicts)).toEqual(Array(40).fill('suspect'))
      await services.dispose()
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
