import type { ReadProblem } from '../../shared/model/recording'
import { problem } from './read-text'

const DETAILED = 20

/**
 * Problems of one kind in one file: the first few with their lines, then one line that counts the
 * rest, so a file with 100,000 bad rows cannot flood a report.
 */
export class ProblemLog {
  private readonly counts = new Map<string, number>()
  private readonly out: ReadProblem[] = []

  constructor(
    private readonly provider: string,
    private readonly path: string
  ) {}

  /** `message` may be a function, called only for the problems kept in detail (a file of 100,000 bad rows makes 20 messages). */
  add(kind: string, message: string | (() => string), line: number | null): void {
    const n = (this.counts.get(kind) ?? 0) + 1
    this.counts.set(kind, n)
    if (n > DETAILED) return
    const text = typeof message === 'string' ? message : message()
    this.out.push(problem(this.provider, kind, this.path, line === null ? text : `Line ${line}: ${text}`, line))
  }

  /** The problems kept so far, plus one summary per kind that overflowed; empties the log. */
  drain(): ReadProblem[] {
    const out = this.out.splice(0)
    for (const [kind, n] of this.counts) {
      if (n > DETAILED) out.push(problem(this.provider, kind, this.path, `${n - DETAILED} more problems of this kind (${n} in all)`, null))
    }
    this.counts.clear()
    return out
  }
}
