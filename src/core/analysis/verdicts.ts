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
  const recordingVerdicts = new Map<string, RecordingVerdict>()
  for (const r of recordings) {
    const s = strong.get(r.id)
    const w = weak.get(r.id)
    if (!s && !w) {
      recordingVerdicts.set(r.id, OWN)
      continue
    }
    const verdict: Verdict = s ? 'foreign' : w ? 'suspect' : 'own'
    recordingVerdicts.set(r.id, { verdict, reasons: [...(s ?? []), ...(w ?? [])] })
  }
  const deviceVerdicts = new Map<string, Verdict>(devices.map((d) => [d.id, deviceStrong.has(d.id) ? 'foreign' : deviceWeak.has(d.id) ? 'suspect' : 'own']))
  return { recordingVerdicts, deviceVerdicts }
}
