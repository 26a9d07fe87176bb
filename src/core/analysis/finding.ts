import type { Finding, RuleId, Severity } from '../../shared/model/analysis'
import type { Evidence } from './types'

/** A finding over recordings given by index; its message is a full sentence. */
export const findingOf = (e: Evidence, rule: { id: RuleId; severity: Severity }, indices: readonly number[], deviceIds: readonly string[], message: string): Finding => ({
  rule: rule.id,
  severity: rule.severity,
  message,
  recordingIds: indices.map((i) => e.recordings[i]!.id),
  deviceIds: [...deviceIds]
})

export const timesOf = (e: Evidence, indices: readonly number[]): Array<number | null> => indices.map((i) => e.features[i]!.time)
