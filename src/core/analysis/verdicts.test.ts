import { describe, expect, it } from 'vitest'
import { recordingOf } from '../../../test/fixtures/recording'
import type { Finding } from '../../shared/model/analysis'
import { verdictsById, verdictsOf } from './verdicts'

const recordings = ['a', 'b', 'c', 'd'].map((id) => recordingOf({ id }))
const finding = (rule: Finding['rule'], severity: Finding['severity'], recordingIds: string[]): Finding => ({ rule, severity, message: 'm', recordingIds, deviceIds: [] })

describe('verdictsOf', () => {
  it('reads findings made without findingOf by their ids: strong first, then weak, in the findings’ order', () => {
    const { verdicts } = verdictsOf([finding('other-language', 'weak', ['b', 'c']), finding('unregistered-device', 'strong', ['c', 'zzz']), finding('other-places', 'weak', ['c'])], recordings, [])
    expect(verdicts.map((v) => v.verdict)).toEqual(['own', 'suspect', 'foreign', 'own'])
    expect(verdicts[2]!.reasons).toEqual(['unregistered-device', 'other-language', 'other-places'])
    // The owner's recordings share one frozen answer.
    expect(verdicts[0]).toBe(verdicts[3])
    expect(Object.isFrozen(verdicts[0])).toBe(true)
    const byId = verdictsById(recordings, verdicts)
    expect([...byId.keys()]).toEqual(['a', 'b', 'c', 'd'])
    expect(byId.get('c')).toBe(verdicts[2])
  })
})
