import { alsoDuring, count } from '../phrasing'
import { findingOf, timesOf } from '../finding'
import type { EvidenceRule } from '../types'
import { membersByVoice } from '../voice-members'

/**
 * A voice must have at least this share of its recordings marked before the rest become suspect:
 * voice matching fails now and then on the owner too (a cold, a noisy room), and one such miss must
 * not put the owner's whole voice under suspicion.
 */
const MIN_SHARE = 0.2
const MIN_MARKED = 2

/**
 * Weak: the provider itself marks some recordings as an unrecognized speaker (Google's Voice
 * Match); the other recordings of the same voice, by its sound, are then suspect too.
 */
export const voiceUnrecognizedSpeaker: EvidenceRule = {
  kind: 'evidence',
  id: 'voice-unrecognized-speaker',
  severity: 'weak',
  run(e) {
    const out = []
    for (const indices of membersByVoice(e).values()) {
      const marked = indices.filter((i) => e.recordings[i]!.signals.includes('unrecognized-speaker'))
      const rest = indices.filter((i) => !e.recordings[i]!.signals.includes('unrecognized-speaker'))
      if (marked.length < MIN_MARKED || marked.length < MIN_SHARE * indices.length || rest.length === 0) continue
      const provider = providerName(e, marked[0]!)
      out.push(
        findingOf(
          e,
          this,
          rest,
          [],
          `${count(rest.length, 'recording')}: the same voice, by its sound, as ${count(marked.length, 'recording')} ${provider} marks as an unrecognized speaker${alsoDuring(timesOf(e, rest))}.`,
          'voiceUnrecognizedSpeaker',
          { marked: marked.length, provider }
        )
      )
    }
    return out
  }
}

function providerName(e: Parameters<EvidenceRule['run']>[0], i: number): string {
  const id = e.recordings[i]!.provider
  const name = e.reading.providers.find((p) => p.id === id)?.name ?? 'the export'
  // "Google Assistant" marks nothing itself: the marks are Google's Voice Match.
  return name.startsWith('Google') ? 'Google' : name
}
