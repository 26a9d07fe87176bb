import type { RecordingSummary } from '../../../shared/model/export'
import { formatDuration } from './time'

/** What the Length column and the details show of a recording, and why when it is no length. */
export interface LengthShown {
  text: string
  /** known: a length; pending: it has audio whose length comes once read; none: no audio at all. */
  state: 'known' | 'pending' | 'none'
}

const PENDING: LengthShown = { text: '…', state: 'pending' }
const NONE: LengthShown = { text: '—', state: 'none' }

/**
 * The export's own length, else what the engine learnt (a WAV header at once, other audio when it is
 * decoded). "—" means only that the recording has no audio: audio whose length is still to come
 * shows a quiet "…" that fills in.
 */
export function lengthShown(r: Pick<RecordingSummary, 'id' | 'audio' | 'durationMs'>, learnt: ReadonlyMap<string, number>): LengthShown {
  const ms = r.durationMs ?? learnt.get(r.id) ?? null
  if (ms !== null) return { text: formatDuration(ms), state: 'known' }
  return r.audio ? PENDING : NONE
}
