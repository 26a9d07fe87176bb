import type { Device, Recording } from '../../shared/model/recording'
import type { Analysis } from '../analysis'
import type { ScanReportFinding, Verdict } from './types'

/**
 * What the rules concluded about one export. The report takes every verdict, reason and finding
 * from here and nowhere else, so the detection rules plug in by handing buildScanReport their own.
 */
export interface Judgement {
  recording(recording: Recording): { verdict: Verdict; reasons: string[] }
  device(device: Device): Verdict
  findings: ScanReportFinding[]
}

/** Before any rule has run nothing is called foreign: an unjudged export is reported as the owner's. */
export const UNJUDGED: Judgement = {
  recording: () => ({ verdict: 'own', reasons: [] }),
  device: () => 'own',
  findings: []
}

/** The analysis (src/core/analysis) as the report takes it: its verdicts, reasons and findings unchanged. */
export function judgementOf(analysis: Analysis): Judgement {
  return {
    recording: (r) => {
      const v = analysis.recordingVerdicts.get(r.id)
      return v ? { verdict: v.verdict, reasons: [...v.reasons] } : { verdict: 'own', reasons: [] }
    },
    device: (d) => analysis.deviceVerdicts.get(d.id) ?? 'own',
    // The report carries the English sentence only; `text` (a key and values) is for the app's translations.
    findings: analysis.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, recordingIds: [...f.recordingIds], deviceIds: [...f.deviceIds] }))
  }
}
