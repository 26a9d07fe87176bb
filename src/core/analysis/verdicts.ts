import type { Finding, RuleId, Verdict } from '../../shared/model/analysis'
import type { Device, Recording } from '../../shared/model/recording'
import type { RecordingVerdict } from './types'

// Most recordings of most exports are the owner's: they share one answer instead of 100,000 copies.
const OWN: RecordingVerdict = Object.freeze({ verdict: 'own', reasons: Object.freeze([]) as unknown as RuleId[] })

/** Foreign when a strong finding covers it, suspect when only weak ones do, own otherwise. */
export function verdictsOf(findings: readonly Finding[], recordings: readonly Recording[], devices: readonly Device[]) {
  const strong = new Map<string, Set<RuleId>>()
  const weak = new Map<string, Set<RuleId>>()
  const deviceStrong = new Set<string>()
  const deviceWeak = new Set<string>()
  for (const f of findings) {
    const into = f.severity === 'strong' ? strong : weak
    for (const id of f.recordingIds) {
      const set = into.get(id)
      if (set) set.add(f.rule)
      else into.set(id, new Set([f.rule]))
    }
    for (const id of f.deviceIds) (f.severity === 'strong' ? deviceStrong : deviceWeak).add(id)
  }
  // A list by place, not a Map by id: 100,000 Map entries cost ~40 ms to make and a lookup each to read.
  const verdicts: RecordingVerdict[] = new Array(recordings.length)
  const flagged = strong.size + weak.size > 0
  for (let i = 0; i < recordings.length; i++) {
    if (!flagged) {
      verdicts[i] = OWN
      continue
    }
    const id = recordings[i]!.id
    const s = strong.get(id)
    const w = weak.get(id)
    verdicts[i] = !s && !w ? OWN : { verdict: s ? 'foreign' : 'suspect', reasons: [...(s ?? []), ...(w ?? [])] }
  }
  const deviceVerdicts = new Map<string, Verdict>(devices.map((d) => [d.id, deviceStrong.has(d.id) ? 'foreign' : deviceWeak.has(d.id) ? 'suspect' : 'own']))
  return { verdicts, deviceVerdicts }
}

/** The verdicts by recording id, for callers that look one up by id (the app's review). */
export function verdictsById(recordings: readonly Recording[], verdicts: readonly RecordingVerdict[]): Map<string, RecordingVerdict> {
  const byId = new Map<string, RecordingVerdict>()
  for (let i = 0; i < recordings.length; i++) byId.set(recordings[i]!.id, verdicts[i]!)
  return byId
}
