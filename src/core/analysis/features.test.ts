import { describe, expect, it } from 'vitest'
import { recording } from '../../../test/helpers/reading'
import { keepReadTimes } from '../read-times'
import { featuresOf } from './features'

describe('features per recording', () => {
  it('keeps times in one array (NaN where unknown) and one object per distinct saying', async () => {
    const recordings = [
      recording({ id: 'a', time: '2024-03-01T10:00:00Z', transcript: 'schalte das Licht im Wohnzimmer aus' }),
      recording({ id: 'b', time: '2024-03-02T10:00:00Z', transcript: ' schalte das Licht im Wohnzimmer aus ' }),
      recording({ id: 'c', time: null, transcript: 'turn off the lights in the living room' }),
      recording({ id: 'd', time: 'not a time', transcript: null }),
      recording({ id: 'e', time: '2024-03-03T10:00:00Z', transcript: null }),
      // The export states the language: it is taken as it is, and not shared with the detected reading.
      recording({ id: 'f', time: '2024-03-04T10:00:00Z', transcript: 'schalte das Licht im Wohnzimmer aus', language: 'en-US' })
    ]
    const { times, each } = await featuresOf(recordings)
    expect([...times]).toEqual([Date.UTC(2024, 2, 1, 10), Date.UTC(2024, 2, 2, 10), Number.NaN, Number.NaN, Date.UTC(2024, 2, 3, 10), Date.UTC(2024, 2, 4, 10)])
    expect(each.map((f) => [f.language, f.languageFrom])).toEqual([
      ['de', 'transcript'],
      ['de', 'transcript'],
      ['en', 'transcript'],
      [null, null],
      [null, null],
      ['en', 'export']
    ])
    expect(each[1]).toBe(each[0])
    expect(each[4]).toBe(each[3])
    expect(each[5]).not.toBe(each[0])
  })

  it('reads a short command with its answer, so the same words with answers in two languages stay apart', async () => {
    const recordings = [
      recording({ id: 'a', transcript: 'call Jonas', response: 'Calling Jonas.' }),
      recording({ id: 'b', transcript: 'call Jonas', response: 'Ich rufe Jonas an.' }),
      recording({ id: 'c', transcript: 'call Jonas', response: 'Calling Jonas.' })
    ]
    const { each } = await featuresOf(recordings)
    expect(each.map((f) => f.language)).toEqual(['en', 'de', 'en'])
    expect(each[2]).toBe(each[0])
    expect(each[0]!.names).toEqual(['Jonas'])
  })
})

describe('features: times the reader kept', () => {
  it('takes the milliseconds kept for a recording\'s very time text, and parses a time that is not that text', async () => {
    const recordings = [
      recording({ id: 'a', time: '2024-03-01T10:00:00.000Z' }),
      recording({ id: 'b', time: '2024-03-02T10:00:00.000Z' }),
      recording({ id: 'c', time: '2024-03-03T10:00:00.000Z' }),
      recording({ id: 'd', time: '2024-03-04T10:00:00.000Z' })
    ]
    // Kept: a's (marked 7 to tell it from a parse), b's not given (NaN), c's for another text; d has none kept (past the end).
    keepReadTimes(recordings, { isos: ['2024-03-01T10:00:00.000Z', '2024-03-02T10:00:00.000Z', '2024-03-05T10:00:00.000Z'], ms: Float64Array.of(7, Number.NaN, 9) })
    const { times } = await featuresOf(recordings)
    expect([...times]).toEqual([7, Date.UTC(2024, 2, 2, 10), Date.UTC(2024, 2, 3, 10), Date.UTC(2024, 2, 4, 10)])
  })
})
