import type { ReviewCounts } from '../../shared/model/review'
import type { Recording } from '../../shared/model/recording'
import type { Analysis } from '../analysis'
import type { CaseFile } from './case-file'

/** How far the review has come: the detector's verdicts, the person's marks, and what is left to look at. */
export function countReview(recordings: readonly Recording[], analysis: Analysis, data: CaseFile): ReviewCounts {
  const c: ReviewCounts = { recordings: recordings.length, own: 0, suspect: 0, foreign: 0, mine: 0, notMine: 0, unsure: 0, unreviewed: 0, unreviewedFlagged: 0 }
  for (const r of recordings) {
    const verdict = analysis.recordingVerdicts.get(r.id)?.verdict ?? 'own'
    c[verdict]++
    const mark = Object.hasOwn(data.recordings, r.id) ? data.recordings[r.id]!.mark : null
    if (mark === 'mine') c.mine++
    else if (mark === 'not-mine') c.notMine++
    else if (mark === 'unsure') c.unsure++
    else {
      c.unreviewed++
      if (verdict !== 'own') c.unreviewedFlagged++
    }
  }
  return c
}
