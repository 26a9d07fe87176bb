import type { Device, Recording } from '../../shared/model/recording'
import type { Analysis } from '../analysis'
import { verdictOf } from '../analysis/verdicts'
import type { ScanReportFinding, Verdict } from './types'

/**
 * What the rules concluded about one export. The report takes every verdict, reason and finding
 * from here and nowhere else, so the detection rules plug in by handing buildScanReport their own.
 */
export interface Judgement {
  /**
   * The answer may be shared between recordings (and with the analysis): read it, never change it.
   * `index` is the recording's place in the reading's recordings, where the caller knows it.
   */
  recording(recording: Recording, index?: number): { readonly verdict: Verdict; readonly reasons: readonly string[] }
  device(device: Device): Verdict
  findings: ScanReportFinding[]
  /**
   * Every answer of `recordings` by place, where the rules judged that very list (the report then reads
   * them without a call per recording); null or absent otherwise, and `recording` answers.
   */
  byPlace?(recordings: readonly Recording[]): ReadonlyArray<{ readonly verdict: Verdict; readonly reasons: readonly string[] }> | null
}

const OWN = Object.freeze({ verdict: 'own', reasons: Object.freeze([]) }) as { readonly verdict: Verdict; readonly reasons: readonly string[] }

/** Before any rule has run nothing is called foreign: an unjudged export is reported as the owner's. */
export const UNJUDGED: Judgement = {
  recording: () => OWN,
  device: () => 'own',
  findings: []
}

/** The analysis (src/core/analysis) as the report takes it: its verdicts, reasons and findings unchanged. */
export function judgementOf(analysis: Analysis): Judgement {
  return {
    recording: (r, i) => verdictOf(analysis, r, i),
    byPlace: (recordings) => (recordings === analysis.recordings && analysis.verdicts.length === recordings.length ? analysis.verdicts : null),
    device: (d) => analysis.deviceVerdicts.get(d.id) ?? 'own',
    // The report carries the English sentence only; `text` (a key and values) is for the app's translations.
    findings: analysis.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, recordingIds: [...f.recordingIds], deviceIds: [...f.deviceIds] }))
  }
}
