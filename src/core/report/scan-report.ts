import type { OpenedArchive } from '../archive/types'
import { stableId } from '../providers/ids'
import { combinedSha256 } from './combined-sha256'
import { SCAN_REPORT_SCHEMA, type ScanReport, type ScanReportRecording } from './types'

export type ScannedArchive = Pick<OpenedArchive, 'path' | 'format' | 'bytes' | 'parts' | 'entries' | 'problems'>

export interface FileHash {
  path: string
  sha256: string
}

export interface ScanReportInput {
  archive: ScannedArchive
  /** One per part, as hashArchive returns them; null when the hash was not computed. */
  hashes: ReadonlyArray<FileHash> | null
  timings?: Record<string, number>
}

/** Until the providers land, every audio file is a recording that no metadata describes. */
export const GENERIC_AUDIO_PROVIDER = { id: 'generic-audio', name: 'Audio files found by type' } as const

/**
 * Same export, same id, and the same id the app's generic-audio provider gives the file (keyed
 * like its export view), so marks saved in the app match the CLI's report.
 */
export const recordingId = (part: string | null, path: string): string => stableId('r', GENERIC_AUDIO_PROVIDER.id, part ? `${part}\u0000${path}` : path)

const isDirectory = (path: string) => path.endsWith('/')

// Re-zipping on a Mac adds AppleDouble twins ('__MACOSX/…/._x.wav') that hold no audio (formats.md).
const isRezipDebris = (path: string) => /(^|\/)__MACOSX\//i.test(path) || /(^|\/)\._[^/]*$/.test(path)

function archiveSha256(format: ScannedArchive['format'], partHashes: Array<string | null>): string | null {
  if (format === 'folder' || partHashes.length === 0) return null
  if (partHashes.some((h) => h === null)) return null
  return partHashes.length === 1 ? partHashes[0]! : combinedSha256(partHashes as string[])
}

export function buildScanReport({ archive, hashes, timings }: ScanReportInput): ScanReport {
  const hashOf = new Map((hashes ?? []).map((h) => [h.path, h.sha256]))
  const parts = archive.parts.map((p) => ({ path: p.path, bytes: p.bytes, sha256: archive.format === 'folder' ? null : (hashOf.get(p.path) ?? null) }))

  const recordings: ScanReportRecording[] = []
  let files = 0
  for (const { info } of archive.entries) {
    if (isDirectory(info.path)) continue
    files += 1
    if (info.kind !== 'audio' || isRezipDebris(info.path)) continue
    recordings.push({
      id: recordingId(info.part, info.path),
      provider: GENERIC_AUDIO_PROVIDER.id,
      time: null,
      deviceId: null,
      audioPath: info.path,
      part: info.part,
      archiveTime: info.localTime,
      durationMs: null,
      transcript: null,
      language: null,
      verdict: 'own',
      reasons: [],
      signals: ['metadata-missing']
    })
  }

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
    providers: recordings.length > 0 ? [{ ...GENERIC_AUDIO_PROVIDER }] : [],
    devices: [],
    recordings,
    findings: [],
    summary: {
      recordings: recordings.length,
      foreign: 0,
      suspect: 0,
      devices: 0,
      foreignDevices: 0,
      audioFilesWithoutMetadata: recordings.length,
      metadataWithoutAudio: 0
    },
    problems: archive.problems.map(({ kind, path, message }) => ({ kind, path, message }))
  }
  if (timings) report.timings = { ...timings }
  return report
}
