import type { Problem } from '../../shared/model/archive'
import type { ReadProblem } from '../../shared/model/recording'

const LEADING_LINE = /^line \d+\b/i

/**
 * A provider's problem as the report states it: the line folded into the sentence (the report's
 * problems have no line field), and a capital and a full stop, as the archive's own problems have.
 */
export function reportedProblem({ kind, path, message, line }: ReadProblem): Problem {
  let text = message.trim()
  if (line !== null && !LEADING_LINE.test(text)) text = `line ${line}: ${text}`
  text = text.charAt(0).toUpperCase() + text.slice(1)
  if (!/[.!?…]$/.test(text)) text += '.'
  return { kind, path, message: text }
}
