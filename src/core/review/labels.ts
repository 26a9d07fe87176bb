import type { MarkValue } from '../../shared/model/review'
import { count } from '../analysis/phrasing'

const words: Record<MarkValue, string> = { mine: 'mine', 'not-mine': 'not mine', unsure: 'unsure' }

/** "mark 12 recordings as not mine", "unmark 1 recording": what undo will take back. */
export const markLabel = (n: number, mark: MarkValue | null): string => (mark ? `mark ${count(n, 'recording')} as ${words[mark]}` : `unmark ${count(n, 'recording')}`)

export const deviceMarkLabel = (device: string, n: number, mark: MarkValue | null): string =>
  mark ? `mark ${device} and its ${count(n, 'recording')} as ${words[mark]}` : `unmark ${device} and its ${count(n, 'recording')}`

export const noteLabel = (target: 'recording' | 'device', note: string | null): string => (note ? `note on a ${target}` : `remove the note on a ${target}`)
