/**
 * `exportscope scan --voices`: the voices of an export for the scan report, loaded only when asked
 * so a plain scan pays nothing for them. One call from the CLI: it decodes every recording's audio
 * once in the peaks workers, groups the voices, and hands back what the analysis and report need.
 */
import type { OpenedArchive } from '../archive'
import type { VoiceEvidence } from '../analysis/types'
import { PeaksPool } from '../audio/pool/pool'
import type { ScanReport } from '../report/types'
import type { ExportReading } from '../../shared/model/recording'
import { analyseVoices } from './analyse'
import type { VoiceGroups } from './groups'

export interface ScanVoiceLines {
  reading(what: string): void
  done(line: string): void
}

export interface ScanVoices {
  groups: VoiceGroups
  /** What the voice rules read. */
  evidence: VoiceEvidence
  /** Adds `voices` and each recording's `voiceId` to a built report. */
  addTo(report: ScanReport): void
}

export async function scanVoices(archive: OpenedArchive, reading: ExportReading, signal: AbortSignal | undefined, lines: ScanVoiceLines): Promise<ScanVoices> {
  const started = performance.now()
  const pool = new PeaksPool()
  let groups: VoiceGroups
  try {
    groups = await analyseVoices(archive, reading, { pool, signal, onProgress: (p) => lines.reading(`the voices (${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} recordings)`) })
  } finally {
    await pool.close()
  }
  const s = ((performance.now() - started) / 1000).toFixed(1)
  const n = groups.voices.length
  lines.done(`grouped ${groups.analysed.toLocaleString('en-US')} recordings into ${n} ${n === 1 ? 'voice' : 'voices'} by their sound in ${s} s`)
  return {
    groups,
    evidence: { voiceOf: groups.voiceOf },
    addTo(report) {
      report.voices = groups.voices.map((v) => ({ id: v.id, recordings: v.recordingIds.length, deviceIds: v.deviceIds, firstSeen: v.firstSeen, lastSeen: v.lastSeen, samples: v.samples }))
      for (const r of report.recordings) r.voiceId = groups.voiceOf.get(r.id) ?? null
    }
  }
}
