import type { Finding, FindingTextKey, RuleId, Severity } from '../../shared/model/analysis'
import type { Evidence } from './types'

export type FindingParams = NonNullable<Finding['text']>['params']

/** A recording's time in UTC milliseconds, or null when the export gives none with a known zone. */
export const timeAt = (e: Evidence, i: number): number | null => {
  const t = e.times[i]!
  return Number.isNaN(t) ? null : t
}

/** The first and last day of the recordings, as ISO days in UTC (null when no time is known). */
function spanOf(e: Evidence, indices: readonly number[]): { from: string | null; to: string | null } {
  let first = Number.POSITIVE_INFINITY
  let last = Number.NEGATIVE_INFINITY
  for (const i of indices) {
    const t = timeAt(e, i)
    if (t === null) continue
    if (t < first) first = t
    if (t > last) last = t
  }
  if (!Number.isFinite(first)) return { from: null, to: null }
  return { from: new Date(first).toISOString().slice(0, 10), to: new Date(last).toISOString().slice(0, 10) }
}

// Which recordings a finding covers, by place: the verdicts and the baseline read these instead of
// looking 100,000 recordings up by id. Kept beside the finding, so the finding stays what the contract carries.
const INDICES = new WeakMap<Finding, readonly number[]>()

/** The places in the analysed recordings of a finding made by findingOf; undefined for any other. */
export const indicesOf = (f: Finding): readonly number[] | undefined => INDICES.get(f)

/**
 * A finding over recordings given by index; its message is a full English sentence, and `key` with
 * `params` let the app say it in the person's language (n, from and to are always added).
 */
export const findingOf = (
  e: Evidence,
  rule: { id: RuleId; severity: Severity },
  indices: readonly number[],
  deviceIds: readonly string[],
  message: string,
  key?: FindingTextKey,
  params: FindingParams = {}
): Finding => {
  const finding: Finding = {
    rule: rule.id,
    severity: rule.severity,
    message,
    ...(key ? { text: { key, params: { n: indices.length, ...spanOf(e, indices), ...params } } } : {}),
    recordingIds: indices.map((i) => e.recordings[i]!.id),
    deviceIds: [...deviceIds]
  }
  INDICES.set(finding, indices)
  return finding
}

export const timesOf = (e: Evidence, indices: readonly number[]): Array<number | null> => indices.map((i) => timeAt(e, i))
