import type { Device, Recording } from '../../shared/model/recording'
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
