import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../shared/model/analysis'
import { recordingOf } from '../../../test/fixtures/recording'
import type { Analysis } from '../analysis'
import { emptyCase } from './case-file'
import { countReview, verdictsInOrder } from './counts'

const analysisOf = (pairs: Array<[string, Verdict]>): Analysis => ({
  findings: [],
  recordingVerdicts: new Map(pairs.map(([id, verdict]) => [id, { verdict, reasons: verdict === 'own' ? [] : ['unregistered-device'] }])),
  deviceVerdicts: new Map(),
  baseline: 0
})
const recs = (...ids: string[]) => ids.map((id) => recordingOf({ id }))

describe('counts of the review', () => {
  it('walks verdicts in the recordings order, and looks them up by id where the orders part', () => {
    const analysis = analysisOf([['a', 'own'], ['b', 'foreign'], ['c', 'suspect'], ['d', 'own']])
    expect([...verdictsInOrder(recs('a', 'b', 'c', 'd'), analysis)]).toEqual(['own', 'foreign', 'suspect', 'own'])
    // Another order (or a recording the analysis never saw): each still gets its own verdict.
    expect([...verdictsInOrder(recs('a', 'c', 'b', 'x', 'd'), analysis)]).toEqual(['own', 'suspect', 'foreign', 'own', 'own'])
    // Two recordings with one id share its verdict, as a look-up by id gives.
    expect([...verdictsInOrder(recs('b', 'b', 'c'), analysisOf([['b', 'foreign'], ['c', 'suspect']]))]).toEqual(['foreign', 'foreign', 'suspect'])
  })

  it('counts verdicts and marks, marks winning over the detector for what is left to review', () => {
    const data = emptyCase('fp', '2026-01-01T00:00:00Z')
    const analysis = analysisOf([['a', 'own'], ['b', 'foreign'], ['c', 'suspect'], ['d', 'own']])
    expect(countReview(recs('a', 'b', 'c', 'd'), analysis, data)).toEqual({ recordings: 4, own: 2, suspect: 1, foreign: 1, mine: 0, notMine: 0, unsure: 0, unreviewed: 4, unreviewedFlagged: 2 })
    data.recordings.b = { mark: 'not-mine', note: null, time: 't' }
    data.recordings.d = { mark: 'unsure', note: null, time: 't' }
    data.recordings.zz = { mark: 'mine', note: null, time: 't' }
    data.recordings.a = { mark: null, note: 'a note only', time: 't' }
    expect(countReview(recs('a', 'c', 'b', 'd'), analysis, data)).toEqual({ recordings: 4, own: 2, suspect: 1, foreign: 1, mine: 0, notMine: 1, unsure: 1, unreviewed: 2, unreviewedFlagged: 1 })
  })
})
