import type { ColumnMapping, ExportReading } from '../../../shared/model/recording'
import { buildExport, type ExportOptions, type Truth } from '../../generate'
import { readExport } from '../read-export'
import { memoryArchive } from './memory-archive'

export interface ReadBuilt {
  truth: Truth
  reading: ExportReading
}

/** Generates an export in memory (small, fast clips) and reads it back: the providers' test loop. */
export async function readBuilt(o: ExportOptions, extra: Parameters<typeof memoryArchive>[1] = [], mappings: ColumnMapping[] = []): Promise<ReadBuilt> {
  const { tree, truth } = await buildExport({ ...o, clips: { sampleRate: 8000, maxSeconds: 0.4, ...o.clips } })
  const reading = await readExport(await memoryArchive(tree, extra), { mappings })
  return { truth, reading }
}

export const sortedTimes = (xs: ReadonlyArray<{ time: string | null }>): Array<string | null> => xs.map((x) => x.time).sort((a, b) => String(a).localeCompare(String(b)))

/** Recording facts as comparable rows: time, audio path, serial, transcript. */
export const factsOfReading = (r: ExportReading) =>
  r.recordings
    .map((x) => ({ time: x.time, audio: x.audio?.path ?? null, part: x.audio?.part ?? null, serial: r.devices.find((d) => d.id === x.deviceId)?.serial ?? null, transcript: x.transcript }))
    .sort((a, b) => `${a.time}${a.audio}`.localeCompare(`${b.time}${b.audio}`))

export const factsOfTruth = (t: Truth) =>
  t.recordings
    .map((x) => ({ time: x.time, audio: x.audioPath, part: x.part, serial: x.deviceSerial, transcript: x.transcript }))
    .sort((a, b) => `${a.time}${a.audio}`.localeCompare(`${b.time}${b.audio}`))
