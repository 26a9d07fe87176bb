import { count, during } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'
import { membersByVoice } from '../voice-members'

/** Weak: the person listened to a voice and marked it "not someone I know"; every recording of it says so. */
export const voiceNotKnown: EvidenceRule = {
  kind: 'evidence',
  id: 'voice-not-known',
  severity: 'weak',
  run(e) {
    const marks = e.voices?.marks
    if (!marks || marks.size === 0) return []
    const out = []
    for (const [voice, indices] of membersByVoice(e)) {
      if (marks.get(voice) !== 'not-known') continue
      out.push(findingOf(e, this, indices, [], `You marked this voice as not someone you know: the same voice, by its sound, speaks in ${count(indices.length, 'recording')}${during(timesOf(e, indices))}.`, 'voiceNotKnown'))
    }
    return out
  }
}
