import type { Verdict } from '../../../shared/model/analysis'
import type { MarkEntry } from '../../../shared/model/review'
import type { Recording } from '../../../shared/model/recording'

/** The detector's answer about one recording, as `analyze()` gives it (recordingVerdicts). */
export interface VerdictOf {
  verdict: Verdict
  reasons: readonly string[]
}

export interface Flagged {
  recording: Recording
  verdict: Verdict
  reasons: string[]
  mark: MarkEntry['mark']
  note: string | null
}

/**
 * The recordings the evidence is about: those the detector calls foreign, except where the
 * person said 'mine', plus every one the person marked 'not mine'. 'unsure' leaves the
 * detector's verdict standing. Export order is kept, so the manifest reads like the export.
 */
export function flaggedRecordings(
  recordings: readonly Recording[],
  verdicts: ReadonlyMap<string, VerdictOf>,
  marks: Readonly<Record<string, MarkEntry>> = {}
): { flagged: Flagged[]; includedByMark: number; excludedByMark: number } {
  const flagged: Flagged[] = []
  let includedByMark = 0
  let excludedByMark = 0
  for (const r of recordings) {
    const v = verdicts.get(r.id)
    const verdict = v?.verdict ?? 'own'
    const entry = Object.hasOwn(marks, r.id) ? marks[r.id]! : null
    const mark = entry?.mark ?? null
    const foreign = mark === 'not-mine' || (mark !== 'mine' && verdict === 'foreign')
    if (mark === 'not-mine' && verdict !== 'foreign') includedByMark++
    if (mark === 'mine' && verdict === 'foreign') excludedByMark++
    if (foreign) flagged.push({ recording: r, verdict, reasons: [...(v?.reasons ?? [])], mark, note: entry?.note ?? null })
  }
  return { flagged, includedByMark, excludedByMark }
}
