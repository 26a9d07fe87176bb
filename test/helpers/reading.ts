import type { Device, ExportReading, ReadProblem, Recording } from '../../src/shared/model/recording'
import { deviceOf, recordingOf } from '../fixtures/recording'

/** A reading as readExport returns it, for report tests that need no archive. */
export const reading = (over: Partial<ExportReading> = {}): ExportReading => ({
  providers: [],
  account: { ids: [], names: [], emails: [] },
  accounts: [],
  devices: [],
  recordings: [],
  problems: [],
  unmappedCsv: [],
  ...over
})

export const device = (over: Partial<Device> & Pick<Device, 'id'>): Device => deviceOf(over)

/** A recording with its audio at `audioPath` (in `part`), or none when audioPath is null. */
export const recording = (over: Partial<Recording> & Pick<Recording, 'id'>, audioPath: string | null = null, part: string | null = null): Recording =>
  recordingOf({
    audio: audioPath === null ? null : { path: audioPath, part, size: 10 },
    source: { file: audioPath ?? 'Alexa/Alexa.VoiceHistory.csv', part, line: null, fields: {} },
    ...over
  })

export const readProblem = (over: Partial<ReadProblem> & Pick<ReadProblem, 'kind' | 'message'>): ReadProblem => ({ path: null, provider: 'amazon-alexa', line: null, ...over })
