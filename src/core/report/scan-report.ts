import { exportSha256 } from '../archive/combined-sha256'
import type { OpenedArchive } from '../archive/types'
import type { Device, ExportReading, Recording } from '../../shared/model/recording'
import { UNJUDGED, type Judgement } from './judgement'
import { reportedProblem } from './problems'
import { SCAN_REPORT_SCHEMA, type ScanReport, type ScanReportDevice, type ScanReportRecording } from './types'

export type ScannedArchive = Pick<OpenedArchive, 'path' | 'format' | 'bytes' | 'parts' | 'entries' | 'problems'>

export interface FileHash {
  path: string
  sha256: string
}

export interface ScanReportInput {
  archive: ScannedArchive
  /** What readExport read from the archive. */
  reading: ExportReading
  /** One per part, as hashArchive returns them; null when the hash was not computed. */
  hashes: ReadonlyArray<FileHash> | null
  timings?: Record<string, number>
  /** The rules' verdicts; without them every recording and device is reported as the owner's. */
  judgement?: Judgement
}

function archiveSha256(format: ScannedArchive['format'], partHashes: Array<string | null>): string | null {
  if (format === 'folder' || partHashes.length === 0 || partHashes.some((h) => h === null)) return null
  return exportSha256(partHashes as string[])
}

const toDevice = (d: Device, judgement: Judgement): ScanReportDevice => ({
  id: d.id,
  provider: d.provider,
  name: d.name,
  serial: d.serial,
  type: d.type,
  registered: d.registered,
  ...(d.registrationKnown === false ? { registrationKnown: false } : {}),
  recordings: d.recordings,
  firstSeen: d.firstSeen,
  lastSeen: d.lastSeen,
  verdict: judgement.device(d)
})

const toRecording = (r: Recording, judgement: Judgement): ScanReportRecording => ({
  id: r.id,
  provider: r.provider,
  time: r.time,
  deviceId: r.deviceId,
  audioPath: r.audio?.path ?? null,
  part: r.audio?.part ?? null,
  archiveTime: r.archiveTime,
  durationMs: r.durationMs,
  transcript: r.transcript,
  language: r.language,
  ...judgement.recording(r),
  signals: [...r.signals]
})

export function buildScanReport({ archive, reading, hashes, timings, judgement = UNJUDGED }: ScanReportInput): ScanReport {
  const hashOf = new Map((hashes ?? []).map((h) => [h.path, h.sha256]))
  const parts = archive.parts.map((p) => ({ path: p.path, bytes: p.bytes, sha256: archive.format === 'folder' ? null : (hashOf.get(p.path) ?? null) }))
  const files = archive.entries.reduce((n, e) => (e.info.path.endsWith('/') ? n : n + 1), 0)
  const devices = reading.devices.map((d) => toDevice(d, judgement))
  const recordings = reading.recordings.map((r) => toRecording(r, judgement))
  const withSignal = (signal: string) => recordings.reduce((n, r) => (r.signals.includes(signal) ? n + 1 : n), 0)
  const withVerdict = <T extends { verdict: string }>(xs: T[], verdict: string) => xs.reduce((n, x) => (x.verdict === verdict ? n + 1 : n), 0)

  const report: ScanReport = {
    schema: SCAN_REPORT_SCHEMA,
    archive: {
      path: archive.path,
      format: archive.format,
      bytes: archive.bytes,
      entries: files,
      sha256: archiveSha256(archive.format, parts.map((p) => p.sha256)),
      parts
    },
    providers: reading.providers.map(({ id, name, confidence, reason }) => ({ id, name, confidence, reason })),
    account: { ids: [...reading.account.ids], names: [...reading.account.names], emails: [...reading.account.emails] },
    devices,
    recordings,
    findings: judgement.findings,
    summary: {
      recordings: recordings.length,
      foreign: withVerdict(recordings, 'foreign'),
      suspect: withVerdict(recordings, 'suspect'),
      devices: devices.length,
      foreignDevices: withVerdict(devices, 'foreign'),
      audioFilesWithoutMetadata: withSignal('metadata-missing'),
      metadataWithoutAudio: withSignal('audio-missing')
    },
    problems: [...archive.problems.map(({ kind, path, message, offsets }) => (offsets ? { kind, path, message, offsets } : { kind, path, message })), ...reading.problems.map(reportedProblem)]
  }
  if (timings) report.timings = { ...timings }
  return report
}
