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
    expect(await dispatch(services.handlers, 'chooseArchive', { kind: 'folder' })).toEqual({ ok: true, value: { path: '/data/takeout-001.zip' } })
    expect(fake.asked).toEqual(['folder'])
  })
  it('answers cannot-open for a file that does not exist, with its name', async () => {
    const services = createServices(fakePlatform(null).platform)
    const r = await dispatch(services.handlers, 'openArchive', { path: '/nonexistent/export.zip', jobId: 'j1' })
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
      const first = await services.handlers.openArchive({ path: path!, jobId: 'j1' })
      expect(first.reading.unmappedCsv.map((u) => u.signature)).toEqual(['zeitpunkt|gerät|gesagt'])
      const before = first.reading.recordingCount

      const mapped = await dispatch(services.handlers, 'saveColumnMapping', {
        archiveId: first.archiveId,
        mapping: { signature: 'zeitpunkt|gerät|gesagt', columns: { time: 'Zeitpunkt', deviceName: 'Gerät', transcript: 'Gesagt' } }
      })
      expect(mapped).toMatchObject({ ok: true, value: { reading: { unmappedCsv: [], recordingCount: before + 1 } } })

      const again = await createServices(platform).handlers.openArchive({ path: path!, jobId: 'j2' })
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
