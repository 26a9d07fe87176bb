import { RULE_IDS, type Finding, type Verdict } from '../../../shared/model/analysis'
import type { MarkEntry, ReviewState } from '../../../shared/model/review'
import { MARKS, VERDICTS, type Catalog, type Judged } from './catalog'
import { measured, memoLast } from './memo'
import { toneIndex, toneOf } from './tones'

export type Detector = Pick<ReviewState, 'findings' | 'verdicts' | 'reasons' | 'deviceVerdicts'>
type Marks = Readonly<Record<string, MarkEntry>>

const verdictCode = new Map<string, number>(VERDICTS.map((v, i) => [v, i]))
const markCode = new Map<string, number>(MARKS.map((m, i) => [m ?? '', i]))
const ruleBit = new Map<string, number>(RULE_IDS.map((r, i) => [r, i]))

/** The detector's side per recording: it changes only when reviewState is fetched again. */
const detectorCodes = memoLast((c: Catalog, d: Detector) => {
  const n = c.recordings.length
  const verdict = new Uint8Array(n)
  const reasons = new Uint32Array(n)
  // Each recording loaded so far looks its id up, rather than every flagged id of the export being
  // walked (and paired by Object.entries) at each publish: with 80,000 of 100,000 flagged that walk
  // took 110-280 ms before the first paint, which shows only the first 1,000 recordings.
  // An id without an entry may still read an inherited value ('constructor'): it has no code and no rules.
  const { verdicts, reasons: rulesOf } = d
  for (let i = 0; i < n; i++) {
    const id = c.recordings[i]!.id
    const v = verdicts[id]
    if (typeof v === 'string') verdict[i] = verdictCode.get(v) ?? 0
    const rules = rulesOf[id]
    if (!Array.isArray(rules)) continue
    let bits = 0
    for (const r of rules) bits |= 1 << (ruleBit.get(r) ?? 31)
    reasons[i] = bits
  }
  return { verdict, reasons }
})

/**
 * The catalog as the review colours it: the same arrays (so sorting is not redone), with a tone per
 * recording and lane that puts the person's mark over the detector's verdict.
 */
export const judgedCatalog = memoLast(measured('judged', (c: Catalog, d: Detector | null, marks: Marks, deviceMarks: Marks): Catalog => {
  if (!d) return c
  const { verdict, reasons } = detectorCodes(c, d)
  const n = c.recordings.length
  const mark = new Uint8Array(n)
  for (const [id, entry] of Object.entries(marks)) {
    if (!entry.mark) continue
    const i = c.byId.get(id)
    if (i !== undefined) mark[i] = markCode.get(entry.mark) ?? 0
  }
  const tone = new Uint8Array(n)
  for (let i = 0; i < n; i++) {
    const m = mark[i]!
    tone[i] = m ? toneIndex(toneOf(null, null, MARKS[m])) : toneIndex(VERDICTS[verdict[i]!]!)
  }
  const lanes = c.lanes.map((lane) => {
    const v = d.deviceVerdicts[lane.key] as Verdict | undefined
    const m = deviceMarks[lane.key]?.mark ?? null
    return v || m ? { ...lane, tone: toneOf(lane.device, v ?? null, m) } : lane
  })
  const judged: Judged = { verdict, mark, reasons }
  return { ...c, tone, lanes, judged }
}))

/** A finding's recordings as a mask over the catalog, for "show these". */
export const findingMask = memoLast((c: Catalog, finding: Finding | null): Uint8Array | null => {
  if (!finding) return null
  const mask = new Uint8Array(c.recordings.length)
  for (const id of finding.recordingIds) {
    const i = c.byId.get(id)
    if (i !== undefined) mask[i] = 1
  }
  return mask
})

export const reasonBitOf = (rule: string | null): number => (rule ? (ruleBit.get(rule) ?? -1) : -1)

/** Per lane, how many of its recordings the person has marked (the device cards' progress). */
export const markedPerLane = memoLast((c: Catalog): Int32Array => {
  const out = new Int32Array(c.lanes.length)
  const j = c.judged
  if (!j) return out
  for (let i = 0; i < j.mark.length; i++) if (j.mark[i]) out[c.lane[i]!]!++
  return out
})
