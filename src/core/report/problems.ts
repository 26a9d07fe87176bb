import type { Problem } from '../../shared/model/archive'
import type { ReadProblem } from '../../shared/model/recording'
import { asSentence } from '../providers/read-text'

const LEADING_LINE = /^line \d+\b/i

/**
 * A provider's problem as the report states it: the line folded into the sentence (the report's
 * problems have no line field), and a capital and a full stop, as the archive's own problems have.
 */
export function reportedProblem({ kind, path, message, line }: ReadProblem): Problem {
  const text = line !== null && !LEADING_LINE.test(message.trim()) ? `line ${line}: ${message.trim()}` : message
  return { kind, path, message: asSentence(text) }
}
