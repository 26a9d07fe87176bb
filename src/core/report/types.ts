import type { ArchiveFormat, Problem } from '../../shared/model/archive'

/** `exportscope.scan/1`: the JSON `exportscope scan --json` prints (src/shared/schema/scan-report.schema.json). */
export const SCAN_REPORT_SCHEMA = 'exportscope.scan/1'

export type Verdict = 'own' | 'suspect' | 'foreign'

export interface ScanReportArchive {
  path: string
  format: ArchiveFormat
  bytes: number
  entries: number
  sha256: string | null
  parts: Array<{ path: string; bytes: number; sha256: string | null }>
}

export interface ScanReportProvider {
  id: string
  name: string
  confidence?: number
  /** What the provider saw that made it read the export, in one sentence. */
  reason?: string
}

/** Who the export says it belongs to, as read from its own files. */
export interface ScanReportAccount {
  ids: string[]
  names: string[]
  emails: string[]
}

export interface ScanReportDevice {
  id: string
  provider: string
  name: string | null
  serial: string | null
  type: string | null
  registered: boolean
  /** false when the export names no registrations at all, so 'registered: false' is not evidence. */
  registrationKnown?: boolean
  recordings: number
  firstSeen: string | null
  lastSeen: string | null
  verdict: Verdict
}

export interface ScanReportRecording {
  id: string
  provider: string
  time: string | null
  deviceId: string | null
  audioPath: string | null
  part: string | null
  /** The entry's own timestamp in the archive's local time, no zone: never to be read as UTC. */
  archiveTime: string | null
  durationMs: number | null
  transcript: string | null
  language: string | null
  verdict: Verdict
  reasons: string[]
  /** Facts the export states about the recording (see RecordingSignal), e.g. 'metadata-missing'. */
  signals: string[]
  /** With `scan --voices`: the voice this recording was grouped into; null when unassigned. */
  voiceId?: string | null
}

export interface ScanReportFinding {
  rule: string
  severity: 'strong' | 'weak'
  message: string
  recordingIds: string[]
  deviceIds: string[]
}

export interface ScanReportSummary {
  recordings: number
  foreign: number
  suspect: number
  devices: number
  foreignDevices: number
  audioFilesWithoutMetadata: number
  metadataWithoutAudio: number
}

export interface ScanReport {
  schema: typeof SCAN_REPORT_SCHEMA
  archive: ScanReportArchive
  providers: ScanReportProvider[]
  account: ScanReportAccount
  devices: ScanReportDevice[]
  recordings: ScanReportRecording[]
  findings: ScanReportFinding[]
  summary: ScanReportSummary
  problems: Problem[]
  /** Milliseconds per phase, e.g. { open, hash, total }. */
  timings?: Record<string, number>
  /** With `scan --voices`: the recordings grouped by the sound of the voice (a hint, never proof). */
  voices?: ScanReportVoice[]
}

export interface ScanReportVoice {
  id: string
  recordings: number
  deviceIds: string[]
  firstSeen: string | null
  lastSeen: string | null
  /** Up to three recording ids closest to the voice's centre: the ones to listen to. */
  samples: string[]
}
