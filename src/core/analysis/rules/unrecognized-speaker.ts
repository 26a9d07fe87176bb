import { alsoDuring, count } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'

/**
 * Weak: the export itself says the assistant did not recognise the account holder's voice
 * (Google's "From unrecognized speaker"). Voice matching also fails on a cold or a noisy room.
 */
export const unrecognizedSpeaker: EvidenceRule = {
  kind: 'evidence',
  id: 'unrecognized-speaker',
  severity: 'weak',
  run(e) {
    const indices: number[] = []
    // A plain indexed loop: it runs over every recording in a process that is still cold.
    const recordings = e.recordings
    for (let i = 0; i < recordings.length; i++) {
      const signals = recordings[i]!.signals
      if (signals.length !== 0 && signals.includes('unrecognized-speaker')) indices.push(i)
    }
    if (indices.length === 0) return []
    return [findingOf(e, this, indices, [], `The export marks ${count(indices.length, 'recording')} as coming from an unrecognized speaker: the assistant did not recognise the account holder's voice${alsoDuring(timesOf(e, indices))}.`, 'unrecognizedSpeaker')]
  }
}
