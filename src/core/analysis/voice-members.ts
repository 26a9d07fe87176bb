import type { Evidence } from './types'

/** Recording indices per voice, in recording order; empty when no voices were analysed. */
export function membersByVoice(e: Evidence): Map<string, number[]> {
  const by = new Map<string, number[]>()
  if (!e.voices) return by
  e.recordings.forEach((r, i) => {
    const v = e.voices!.voiceOf.get(r.id)
    if (v === undefined) return
    const list = by.get(v)
    if (list) list.push(i)
    else by.set(v, [i])
  })
  return by
}
