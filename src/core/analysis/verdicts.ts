import type { Finding, RuleId, Verdict } from '../../shared/model/analysis'
import type { Device, Recording } from '../../shared/model/recording'
import { indicesOf } from './finding'
import type { Analysis, RecordingVerdict } from './types'

// Most recordings of most exports are the owner's: they share one answer instead of 100,000 copies.
const OWN: RecordingVerdict = Object.freeze({ verdict: 'own', reasons: Object.freeze([]) as unknown as RuleId[] })

/** Foreign when a strong finding covers it, suspect when only weak ones do, own otherwise. */
export function verdictsOf(findings: readonly Finding[], recordings: readonly Recording[], devices: readonly Device[]) {
  // Rule ids per flagged recording, by place; in the order of the findings, strong and weak apart.
  const strong = new Map<number, Set<RuleId>>()
  const weak = new Map<number, Set<RuleId>>()
  const deviceStrong = new Set<string>()
  const deviceWeak = new Set<string>()
  let byId: Map<string, number> | null = null
  for (const f of findings) {
    const into = f.severity === 'strong' ? strong : weak
    // Findings made elsewhere (not by findingOf) name their recordings by id only.
    const places = indicesOf(f) ?? f.recordingIds.map((id) => (byId ??= placesById(recordings)).get(id)).filter((i) => i !== undefined)
    for (const i of places) {
      const set = into.get(i)
      if (set) set.add(f.rule)
      else into.set(i, new Set([f.rule]))
    }
    for (const id of f.deviceIds) (f.severity === 'strong' ? deviceStrong : deviceWeak).add(id)
  }
  // A list by place, not a Map by id: 100,000 Map entries cost ~40 ms to make and a lookup each to read.
  // Most recordings of most exports are the owner's and share the one frozen answer.
  const verdicts: RecordingVerdict[] = new Array<RecordingVerdict>(recordings.length).fill(OWN)
  for (const i of new Set([...strong.keys(), ...weak.keys()])) {
    const s = strong.get(i)
    const w = weak.get(i)
    verdicts[i] = { verdict: s ? 'foreign' : 'suspect', reasons: [...(s ?? []), ...(w ?? [])] }
  }
  const deviceVerdicts = new Map<string, Verdict>(devices.map((d) => [d.id, deviceStrong.has(d.id) ? 'foreign' : deviceWeak.has(d.id) ? 'suspect' : 'own']))
  return { verdicts, deviceVerdicts }
}

function placesById(recordings: readonly Recording[]): Map<string, number> {
  const byId = new Map<string, number>()
  recordings.forEach((r, i) => byId.set(r.id, i))
  return byId
}

/** The verdicts by recording id, for callers that look one up by id (the app's review). */
export function verdictsById(recordings: readonly Recording[], verdicts: readonly RecordingVerdict[]): Map<string, RecordingVerdict> {
  const byId = new Map<string, RecordingVerdict>()
  for (let i = 0; i < recordings.length; i++) byId.set(recordings[i]!.id, verdicts[i]!)
  return byId
}

/**
 * A recording's verdict in `analysis`: by its place `index` where the analysis judged this very
 * recording there (no lookup by id of 100,000), else by its id; own where the analysis never saw it.
 */
export const verdictOf = (analysis: Analysis, recording: Recording, index?: number): RecordingVerdict =>
  index !== undefined && analysis.recordings[index] === recording ? analysis.verdicts[index]! : (analysis.recordingVerdicts.get(recording.id) ?? OWN)

/**
 * Whether two analyses give every recording and device the same verdict and hold as many findings
 * (a voice rule can add or take back a reason without moving a verdict): what decides whether the
 * app is told that verdicts changed.
 */
export function sameVerdicts(a: Analysis, b: Analysis): boolean {
  if (a.findings.length !== b.findings.length) return false
  // The same reading judged twice: by place, without making either by-id map of 100,000 recordings.
  if (a.recordings === b.recordings) {
    for (let i = 0; i < a.verdicts.length; i++) if (a.verdicts[i]!.verdict !== b.verdicts[i]!.verdict) return false
  } else for (const [id, v] of a.recordingVerdicts) if (b.recordingVerdicts.get(id)?.verdict !== v.verdict) return false
  for (const [id, v] of a.deviceVerdicts) if (b.deviceVerdicts.get(id) !== v) return false
  return true
}
