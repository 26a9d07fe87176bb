import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir } from '../../../test/fixtures/archives'
import { contract } from '../../shared/ipc/contract'
import { dispatch } from '../../shared/ipc/dispatch'
import { RecordingSummarySchema } from '../../shared/model/export'
import { generateExport, type GeneratedExport } from '../generate'
import { createArchiveHandlers } from '../session/handlers'
import { plainRecording } from '../providers/csv/recording-columns'

let work: Awaited<ReturnType<typeof workDir>>
let made: GeneratedExport
beforeAll(async () => {
  work = await workDir()
  made = await generateExport({ provider: 'amazon', own: 30, foreign: 20, kind: 'unregistered-device', seed: 'recording-calls', amazon: { metadataOnly: true } }, work.path('export.zip'))
})
afterAll(() => work.done())

const platform = () => ({ shell: 'cli' as const, home: work.path('home'), emit: () => undefined, chooseArchive: async () => null })

describe('listRecordings and recordingDetail', () => {
  it('list summaries without the source rows, and give one recording whole on request', async () => {
    const { openAndRead, handlers, readingOf, dispose } = createArchiveHandlers(platform())
    try {
      const { archiveId } = await openAndRead(made.paths[0]!, 'job')
      const page = await handlers.listRecordings({ archiveId, offset: 0, limit: 5000 })
      const full = readingOf(archiveId).recordings
      expect(page.total).toBe(made.truth.counts.recordings)
      expect(page.recordings).toHaveLength(full.length)
      // Exactly the summary's keys (a field added to Recording must be chosen for the list or not).
      const keys = Object.keys(RecordingSummarySchema.shape).sort()
      for (const r of page.recordings) expect(Object.keys(r).sort()).toEqual(keys)
      expect(contract.listRecordings.response.safeParse(page).success).toBe(true)

      // The slim payload is what makes 100,000 rows cheap: far less than half of the full one here.
      const slim = JSON.stringify(page).length
      const fat = JSON.stringify({ ...page, recordings: full }).length
      expect(slim).toBeLessThan(fat * 0.5)

      const wanted = full.find((r) => Object.keys(r.source.fields).length > 0)!
      const detail = await handlers.recordingDetail({ archiveId, recordingId: wanted.id })
      // (A CSV row's fields are made when read: the reading's source reads them through a getter, the answer holds them.)
      expect(JSON.parse(JSON.stringify(detail))).toEqual(JSON.parse(JSON.stringify(wanted)))
      expect(detail.source.fields).toEqual(wanted.source.fields)
      // What crosses to the renderer is plain data: a structured clone (Electron's IPC) keeps the fields.
      expect(structuredClone(detail)).toEqual(detail)
      expect(Object.keys(structuredClone(detail).source.fields).length).toBeGreaterThan(0)
      expect(contract.recordingDetail.response.safeParse(detail).success).toBe(true)
      // And the summary in the list is that recording with only the detail's fields left out.
      const listed = page.recordings.find((r) => r.id === wanted.id)!
      // (A voice-history recording is a view over the reading's columns: its fields are spread from its plain copy.)
      const { source: _source, response: _response, archiveTime: _archiveTime, ...rest } = plainRecording(wanted)
      expect(listed).toEqual(rest)
      expect(listed).not.toHaveProperty('source')

      expect(await dispatch(handlers as never, 'recordingDetail', { archiveId, recordingId: 'r-nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } })
      expect(await dispatch(handlers as never, 'recordingDetail', { archiveId, recordingId: '' })).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    } finally {
      await dispose()
    }
  })
})
