import type { Finding } from '../../shared/model/analysis'
import type { MarkValue } from '../../shared/model/review'
import type { ExportReading } from '../../shared/model/recording'
import { gatherEvidence } from './evidence'
import { indicesOf } from './finding'
import { learnUsual } from './profile'
import { RULES } from './rules'
import type { Analysis, Evidence, RecordingVerdict, VoiceEvidence } from './types'
import { verdictsById, verdictsOf } from './verdicts'

export type AnalysisMarks = ReadonlyMap<string, MarkValue> | Readonly<Record<string, MarkValue | null | undefined>>

const asMap = (marks: AnalysisMarks | undefined): ReadonlyMap<string, MarkValue> => {
  if (!marks) return new Map()
  if (marks instanceof Map) return marks
  return new Map(Object.entries(marks).filter((x): x is [string, MarkValue] => typeof x[1] === 'string'))
}

/**
 * The recordings the account's usual is learnt from: those the person called theirs, and those no
 * evidence rule flagged and the person did not disown. In the 2018 case that leaves none, and the
 * rules that need a usual stay silent instead of learning the stranger's habits as the owner's.
 */
function baselineOf(e: Evidence, evidence: readonly Finding[]): number[] {
  const flagged = new Uint8Array(e.recordings.length)
  let ids: Set<string> | null = null
  for (const f of evidence) {
    const places = indicesOf(f)
    if (places) for (const i of places) flagged[i] = 1
    else for (const id of f.recordingIds) (ids ??= new Set()).add(id)
  }
  const out: number[] = []
  const marked = e.marks.size > 0
  for (let i = 0; i < e.recordings.length; i++) {
    const r = e.recordings[i]!
    const mark = marked ? e.marks.get(r.id) : undefined
    const isFlagged = flagged[i] === 1 || (ids !== null && ids.has(r.id))
    if (mark === 'mine' || (mark !== 'not-mine' && !isFlagged)) out.push(i)
  }
  return out
}

/**
 * Runs every rule over a reading. `marks` (recording id → the person's mark) only shape what is
 * taken as the account's usual; the verdicts stay the detector's own, shown beside the marks.
 */
export async function analyze(reading: ExportReading, marks?: AnalysisMarks, voices?: VoiceEvidence | null): Promise<Analysis> {
  const e = await gatherEvidence(reading, asMap(marks))
  e.voices = voices ?? null
  const evidence = RULES.flatMap((rule) => (rule.kind === 'evidence' ? rule.run(e) : []))
  const baseline = baselineOf(e, evidence)
  const usual = learnUsual(e.sayings, baseline, reading.account.names)
  const profiled = RULES.flatMap((rule) => (rule.kind === 'profile' ? rule.run(e, usual) : []))
  const order = new Map(RULES.map((r, i) => [r.id, i]))
  const findings = [...evidence, ...profiled].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'strong' ? -1 : 1) || order.get(a.rule)! - order.get(b.rule)!)
  const recordings = reading.recordings
  const { verdicts, deviceVerdicts } = verdictsOf(findings, recordings, reading.devices)
  let byId: Map<string, RecordingVerdict> | null = null
  return {
    findings,
    recordings,
    verdicts,
    // Made when first asked for: a scan reads the verdicts by place and never needs it.
    get recordingVerdicts() {
      return (byId ??= verdictsById(recordings, verdicts))
    },
    deviceVerdicts,
    baseline: baseline.length
  }
}
