import { describe, expect, it } from 'vitest'
import type { RuleId, Verdict } from '../../shared/model/analysis'
import type { Recording } from '../../shared/model/recording'
import { recordingOf } from '../../../test/fixtures/recording'
import type { Analysis } from '../analysis'
import { emptyCase } from './case-file'
import { countReview, verdictsInOrder } from './counts'

/** An analysis that judged `judged` (by place), with its by-id map made the way analyze makes it. */
const analysisOf = (judged: Recording[], verdicts: Verdict[]): Analysis => {
  const list = verdicts.map((verdict) => ({ verdict, reasons: verdict === 'own' ? [] : (['unregistered-device'] as RuleId[]) }))
  return { findings: [], recordings: judged, verdicts: list, recordingVerdicts: new Map(judged.map((r, i) => [r.id, list[i]!])), deviceVerdicts: new Map(), baseline: 0 }
}
const recs = (...ids: string[]) => ids.map((id) => recordingOf({ id }))

describe('counts of the review', () => {
  it('reads the verdicts of the recordings judged by place, and looks others up by id', () => {
    const judged = recs('a', 'b', 'c', 'd')
    const analysis = analysisOf(judged, ['own', 'foreign', 'suspect', 'own'])
    expect([...verdictsInOrder(judged, analysis)]).toEqual(['own', 'foreign', 'suspect', 'own'])
    // Not asked for the by-id map while the lists agree: it is made on first use, and a scan never needs it.
    const noMap = { ...analysis, get recordingVerdicts(): never { throw new Error('looked up by id') } }
    expect([...verdictsInOrder(judged, noMap)]).toEqual(['own', 'foreign', 'suspect', 'own'])
    // Another list (another order, a recording the analysis never saw): each still gets its own verdict.
    const [a, b, c, d] = judged
    expect([...verdictsInOrder([a!, c!, b!, recordingOf({ id: 'x' }), d!], analysis)]).toEqual(['own', 'suspect', 'foreign', 'own', 'own'])
    // Recordings equal in id but not the ones judged (a re-read) are found by id.
    expect([...verdictsInOrder(recs('b', 'b', 'c'), analysis)]).toEqual(['foreign', 'foreign', 'suspect'])
  })

  it('counts verdicts and marks, marks winning over the detector for what is left to review', () => {
    const data = emptyCase('fp', '2026-01-01T00:00:00Z')
    const judged = recs('a', 'b', 'c', 'd')
    const analysis = analysisOf(judged, ['own', 'foreign', 'suspect', 'own'])
    expect(countReview(judged, analysis, data)).toEqual({ recordings: 4, own: 2, suspect: 1, foreign: 1, mine: 0, notMine: 0, unsure: 0, unreviewed: 4, unreviewedFlagged: 2 })
    data.recordings.b = { mark: 'not-mine', note: null, time: 't' }
    data.recordings.d = { mark: 'unsure', note: null, time: 't' }
    data.recordings.zz = { mark: 'mine', note: null, time: 't' }
    data.recordings.a = { mark: null, note: 'a note only', time: 't' }
    const [a, b, c, d] = judged
    expect(countReview([a!, c!, b!, d!], analysis, data)).toEqual({ recordings: 4, own: 2, suspect: 1, foreign: 1, mine: 0, notMine: 1, unsure: 1, unreviewed: 2, unreviewedFlagged: 1 })
  })
})
