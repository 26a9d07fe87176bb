import type { MarkEntry, MarkValue } from '../../shared/model/review'
import type { VoiceMark } from '../../shared/model/voices'
import type { VoiceEvidence } from '../analysis/types'
import type { Voice, VoiceGroups } from '../voices/groups'
import type { Edit } from './case-session'

/** The note a voice mark leaves on each recording it marks; a recording with any other mark or note is the person's own and wins. */
export const VOICE_NOTES: Record<VoiceMark, string> = {
  me: 'By voice: this is me.',
  household: 'By voice: someone in my household.',
  'not-known': 'By voice: not someone I know.'
}
const MARK_OF: Record<VoiceMark, MarkValue> = { me: 'mine', household: 'mine', 'not-known': 'not-mine' }
/** The mark each voice note goes with: a recording whose mark differs was marked by hand since. */
const FROM_VOICE = new Map(Object.entries(VOICE_NOTES).map(([kind, note]) => [note, MARK_OF[kind as VoiceMark]]))

const isVoiceMark = (note: string | null): note is VoiceMark => note === 'me' || note === 'household' || note === 'not-known'

/**
 * A voice's mark: kept under its sample recordings' ids, so after a new clustering it is found
 * under whichever of the voice's recordings carried it (the most recent when several do).
 */
export function voiceMarkOf(stored: Readonly<Record<string, MarkEntry>>, voice: Voice): VoiceMark | null {
  let found: MarkEntry | null = null
  for (const id of voice.recordingIds) {
    const e = stored[id]
    if (e && isVoiceMark(e.note) && (!found || e.time > found.time)) found = e
  }
  return found && isVoiceMark(found.note) ? found.note : null
}

/** What the voice rules read: the groups, and each voice's mark. */
export function voiceEvidence(groups: VoiceGroups, stored: Readonly<Record<string, MarkEntry>>): VoiceEvidence {
  const marks = new Map<string, VoiceMark>()
  for (const v of groups.voices) {
    const m = voiceMarkOf(stored, v)
    if (m) marks.set(v.id, m)
  }
  return { voiceOf: groups.voiceOf, marks }
}

/**
 * The edits of one voice mark, applied as one undoable step: the mark under the voice's samples
 * (older voice marks on its other recordings cleared), and the mark with its note on every
 * recording of the voice that has no mark of the person's own.
 */
export function voiceMarkEdits(voice: Voice, mark: VoiceMark | null, stored: { voices: Readonly<Record<string, MarkEntry>>; recordings: Readonly<Record<string, MarkEntry>> }): Edit[] {
  const edits: Edit[] = []
  const samples = new Set(voice.samples)
  for (const id of voice.samples) edits.push({ target: 'voice', id, mark: mark ? MARK_OF[mark] : null, note: mark })
  for (const id of voice.recordingIds) if (!samples.has(id) && stored.voices[id]) edits.push({ target: 'voice', id, mark: null, note: null })
  for (const id of voice.recordingIds) {
    const own = stored.recordings[id]
    if (own && !(own.note !== null && FROM_VOICE.get(own.note) === own.mark)) continue
    edits.push({ target: 'recording', id, mark: mark ? MARK_OF[mark] : null, note: mark ? VOICE_NOTES[mark] : null })
  }
  return edits
}
