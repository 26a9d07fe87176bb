import { exportSha256 } from '../archive/combined-sha256'
import { pathOf, type OpenedArchive } from '../archive/types'
import type { Device, ExportReading, Recording } from '../../shared/model/recording'
import type { JsonBytes } from './json-bytes'
import { UNJUDGED, type Judgement } from './judgement'
import { reportedProblem } from './problems'
import { writeRecordingJson } from './recording-json'
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

// writeRecordingJson (recording-json.ts) writes these members, in this order, straight as JSON.
const toRecording = (r: Recording, index: number, judgement: Judgement): ScanReportRecording => {
  const { verdict, reasons } = judgement.recording(r, index)
  return {
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
    verdict,
    // Copies: the judgement's lists may be shared between recordings (and with the analysis).
    reasons: reasons.length === 0 ? [] : [...reasons],
    signals: r.signals.length === 0 ? [] : [...r.signals]
  }
}

/**
 * The report's recordings as a sequence that makes them on demand: `reportJsonChunks` asks for a
 * few hundred at a time, so 100,000 report rows (and their arrays) never sit in memory at once.
 * An array is one too.
 */
export interface ReportRecordings {
  readonly length: number
  slice(start: number, end: number): ScanReportRecording[]
  /**
   * Row `index` as `JSON.stringify(report, null, 2)` writes it among the report's recordings, without
   * making the row; after the comma and line end that part it from row `index - 1` when index > 0.
   */
  writeRow?(out: JsonBytes, index: number): void
}

/** A report whose `recordings` is left empty, with the recordings as a sequence made when asked for: what `scan --json` writes. */
export interface ScanReportParts {
  report: ScanReport
  recordings: ReportRecordings
}

export function buildScanReport(input: ScanReportInput): ScanReport {
  const { report, recordings } = buildScanReportParts(input)
  report.recordings = recordings.slice(0, recordings.length)
  return report
}

/** The report with every count and list but the recordings themselves, which are made on demand. */
export function buildScanReportParts({ archive, reading, hashes, timings, judgement = UNJUDGED }: ScanReportInput): ScanReportParts {
  const hashOf = new Map((hashes ?? []).map((h) => [h.path, h.sha256]))
  const parts = archive.parts.map((p) => ({ path: p.path, bytes: p.bytes, sha256: archive.format === 'folder' ? null : (hashOf.get(p.path) ?? null) }))
  // Plain indexed loops: they run over every entry and recording in a process that is still cold.
  let files = 0
  for (let i = 0; i < archive.entries.length; i++) if (!pathOf(archive.entries[i]!).endsWith('/')) files++
  const devices = reading.devices.map((d) => toDevice(d, judgement))
  const source = reading.recordings
  const byPlace = judgement.byPlace?.(source) ?? null
  let foreign = 0
  let suspect = 0
  let metadataMissing = 0
  let audioMissing = 0
  for (let i = 0; i < source.length; i++) {
    const r = source[i]!
    const { verdict } = byPlace !== null ? byPlace[i]! : judgement.recording(r, i)
    if (verdict === 'foreign') foreign++
    else if (verdict === 'suspect') suspect++
    if (r.signals.length === 0) continue
    if (r.signals.includes('metadata-missing')) metadataMissing++
    if (r.signals.includes('audio-missing')) audioMissing++
  }
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
    recordings: [],
    findings: judgement.findings,
    summary: {
      recordings: source.length,
      foreign,
      suspect,
      devices: devices.length,
      foreignDevices: withVerdict(devices, 'foreign'),
      audioFilesWithoutMetadata: metadataMissing,
      metadataWithoutAudio: audioMissing
    },
    problems: [...archive.problems.map(({ kind, path, message, offsets }) => (offsets ? { kind, path, message, offsets } : { kind, path, message })), ...reading.problems.map(reportedProblem)]
  }
  if (timings) report.timings = { ...timings }
  const recordings: ReportRecordings = {
    length: source.length,
    slice: (start, end) => {
      const out: ScanReportRecording[] = []
      for (let i = start; i < Math.min(end, source.length); i++) out.push(toRecording(source[i]!, i, judgement))
      return out
    },
    writeRow: (out, i) => {
      const r = source[i]!
      const { verdict, reasons } = byPlace !== null ? byPlace[i]! : judgement.recording(r, i)
      writeRecordingJson(out, r, verdict, reasons, i > 0)
    }
  }
  return { report, recordings }
}
