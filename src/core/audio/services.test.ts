import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir } from '../../../test/fixtures/archives'
import { dispatch } from '../../shared/ipc/dispatch'
import type { EventName } from '../../shared/ipc/events'
import type { RecordingAudio } from '../../shared/model/audio'
import { generateExport, type GeneratedExport } from '../generate'
import { createServices } from '../services'

/** The audio calls as the app and the harness reach them: through the services and dispatch. */
let work: Awaited<ReturnType<typeof workDir>>
let home: string
let made: GeneratedExport
beforeAll(async () => {
  work = await workDir()
  home = await mkdtemp(join(tmpdir(), 'exportscope-home-'))
  made = await generateExport({ provider: 'amazon', own: 5, foreign: 1, kind: 'unregistered-device', seed: 'audio-services', clips: { sampleRate: 8000, maxSeconds: 1 } }, work.path('export.zip'))
})
afterAll(async () => {
  await work?.done()
  await rm(home, { recursive: true, force: true })
})

describe('audio through the services', () => {
  it('a recording of a generated export has peaks and a media URL that streams it; closing the export revokes the URL', async () => {
    const emitted: EventName[] = []
    const services = createServices({ shell: 'cli', home, emit: (name) => void emitted.push(name), chooseArchive: async () => null, mediaUrl: (t) => `test-media://${t}` }, { audio: { pool: { size: 1 } } })
    try {
      const opened = await dispatch(services.handlers, 'openArchive', { token: services.grantPath(made.paths[0]!, 'dialog'), jobId: 'j1' })
      if (!opened.ok) throw new Error(opened.error.message)
      const archiveId = (opened.value as { archiveId: string }).archiveId
      const page = await services.handlers.listRecordings({ archiveId, offset: 0, limit: 100 })
      const withAudio = page.recordings.find((r) => r.audio)!
      const answer = await dispatch(services.handlers, 'recordingAudio', { archiveId, recordingId: withAudio.id, waitMs: 10_000 })
      expect(answer.ok).toBe(true)
      const audio = (answer as { value: RecordingAudio }).value
      expect(audio).toMatchObject({ status: 'ready', facts: { container: 'wav', sampleRate: 8000 } })
      expect(audio.peaks!.max.length).toBeGreaterThan(100)
      const token = audio.mediaUrl!.replace('test-media://', '')
      const range = await services.media(token, 'bytes=0-3')
      expect(range).toMatchObject({ status: 206, headers: { 'Content-Type': 'audio/wav' } })
      range!.body.destroy()
      expect(await dispatch(services.handlers, 'setAudioPriorities', { archiveId, selectedId: withAudio.id, visibleIds: page.recordings.map((r) => r.id) })).toEqual({ ok: true, value: { ok: true } })
      await services.handlers.closeArchive({ archiveId })
      expect(await services.media(token, null)).toBeNull()
      expect(emitted).toContain('audio.progress')
    } finally {
      await services.dispose()
    }
  })
})
