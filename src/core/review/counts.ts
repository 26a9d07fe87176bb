import type { ReviewCounts } from '../../shared/model/review'
import type { Recording } from '../../shared/model/recording'
import type { Analysis, RecordingVerdict } from '../analysis'
import type { CaseFile } from './case-file'

/**
 * Each recording's verdict, in the recordings' order. The analysis keeps its verdicts aligned with
 * the recordings it judged, so for those (the session's reading) each is read by its place: 100,000
 * Map lookups by id took 50-170 ms of the open answer. Where the lists part (another reading, a
 * recording the analysis never saw), the rest are looked up by id.
 */
export function* verdictsInOrder(recordings: readonly Recording[], analysis: Analysis): Generator<RecordingVerdict['verdict']> {
  const { recordings: judged, verdicts } = analysis
  let i = 0
  for (; i < recordings.length && i < judged.length && recordings[i] === judged[i]; i++) yield verdicts[i]!.verdict
  const byId = i < recordings.length ? analysis.recordingVerdicts : null
  for (; i < recordings.length; i++) yield byId!.get(recordings[i]!.id)?.verdict ?? 'own'
}

/** How far the review has come: the detector's verdicts, the person's marks, and what is left to look at. */
export function countReview(recordings: readonly Recording[], analysis: Analysis, data: CaseFile): ReviewCounts {
  const c: ReviewCounts = { recordings: recordings.length, own: 0, suspect: 0, foreign: 0, mine: 0, notMine: 0, unsure: 0, unreviewed: 0, unreviewedFlagged: 0 }
  const marks = data.recordings
  // An export opened for the first time has no marks: no per-recording look-up in them then.
  let anyMarks = false
  for (const _ in marks) {
    anyMarks = true
    break
  }
  let i = 0
  for (const verdict of verdictsInOrder(recordings, analysis)) {
    const r = recordings[i++]!
    c[verdict]++
    const mark = anyMarks && Object.hasOwn(marks, r.id) ? marks[r.id]!.mark : null
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
