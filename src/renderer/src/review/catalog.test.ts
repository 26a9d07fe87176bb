import { describe, expect, it } from 'vitest'
import type { Device, Recording } from '../../../shared/model/recording'
import { catalogOf, filterOf, orderOf } from './catalog'
import { TONES } from './tones'
import { testDevice, testRecording } from './testing/recording'

const device = (id: string, registered: boolean, recordings: number, name: string | null = id): Device => testDevice(id, registered, { recordings, name })
const rec = (deviceId: string | null, time: string | null, transcript: string | null, durationMs: number | null = 1000): Recording => testRecording(deviceId, time, { transcript, durationMs })

const devices = [device('mine', true, 3, 'Kitchen Echo'), device('stranger', false, 2, 'Echo Küche'), device('quiet', true, 0)]
const recordings = [
  rec('mine', '2023-02-01T10:00:00.000Z', 'Schalte das Licht aus'),
  rec('stranger', '2023-02-01T09:00:00.000Z', 'ruf Jonas an', 3000),
  rec('mine', '2023-02-03T10:00:00.000Z', 'wie wird das Wetter', null),
  rec(null, '2023-02-02T10:00:00.000Z', null),
  rec('mine', null, 'licht an'),
  rec('stranger', '2023-02-05T10:00:00.000Z', 'Licht im Wohnzimmer'),
  rec('gone', '2023-02-04T10:00:00.000Z', 'hallo')
]
const c = catalogOf(recordings, devices)
const ids = (order: Int32Array) => [...order].map((i) => recordings[i]!.id)

describe('catalogOf', () => {
  it('puts devices that are not registered first, then registered ones, then ids the list lacks, then no device', () => {
    expect(c.lanes.map((l) => [l.key, l.registration, l.count])).toEqual([
      ['stranger', 'unregistered', 2],
      ['mine', 'registered', 3],
      ['gone', 'unknown', 1],
      ['', 'unknown', 1]
    ])
    // A device without recordings has no lane (its card still shows it).
    expect(c.laneOf.has('quiet')).toBe(false)
    expect(c.lanes[3]!.label).toBeNull()
  })

  it('derives times, tones, range and the recordings without a time', () => {
    expect(c.untimed).toBe(1)
    expect(c.min).toBe(Date.parse('2023-02-01T09:00:00Z'))
    expect(c.max).toBe(Date.parse('2023-02-05T10:00:00Z'))
    expect(TONES[c.tone[1]!]).toBe('unregistered')
    expect(TONES[c.tone[0]!]).toBe('registered')
    expect(TONES[c.tone[3]!]).toBe('unknown')
    // Each lane lists its timed recordings in time order.
    expect([...c.laneTimes[1]!]).toEqual([Date.parse('2023-02-01T10:00:00Z'), Date.parse('2023-02-03T10:00:00Z')])
  })

  it('is memoised on its inputs', () => {
    expect(catalogOf(recordings, devices)).toBe(c)
  })
})

describe('filterOf', () => {
  const all = filterOf(c, '', null, 'all', Number.NaN, Number.NaN)
  it('passes everything without filters', () => {
    expect(all.count).toBe(recordings.length)
  })
  it('finds every word of a search in any case', () => {
    const f = filterOf(c, 'LICHT', null, 'all', Number.NaN, Number.NaN)
    expect(f.count).toBe(3)
    expect(filterOf(c, 'licht wohnzimmer', null, 'all', Number.NaN, Number.NaN).count).toBe(1)
    expect(filterOf(c, 'nichts', null, 'all', Number.NaN, Number.NaN).count).toBe(0)
  })
  it('filters by device, by registration and by a date range, counting per lane', () => {
    const f = filterOf(c, '', 'stranger', 'all', Number.NaN, Number.NaN)
    expect(f.count).toBe(2)
    expect([...f.laneCounts]).toEqual([2, 0, 0, 0])
    expect(filterOf(c, '', '', 'all', Number.NaN, Number.NaN).count).toBe(1)
    expect(filterOf(c, '', null, 'registered', Number.NaN, Number.NaN).count).toBe(3)
    expect(filterOf(c, '', null, 'unknown', Number.NaN, Number.NaN).count).toBe(2)
    // A range leaves out the recording without a time.
    const range = filterOf(c, '', null, 'all', Date.parse('2023-02-01T00:00:00Z'), Date.parse('2023-02-02T23:59:59Z'))
    expect(range.count).toBe(3)
  })
})

describe('orderOf', () => {
  const all = filterOf(c, '', null, 'all', Number.NaN, Number.NaN)
  it('sorts by time both ways, keeping recordings without a time last', () => {
    const asc = orderOf(c, all, 'time', 'asc')
    expect(ids(asc.order)).toEqual(['r2', 'r1', 'r4', 'r3', 'r7', 'r6', 'r5'])
    const desc = orderOf(c, all, 'time', 'desc')
    expect(ids(desc.order)).toEqual(['r6', 'r7', 'r3', 'r4', 'r1', 'r2', 'r5'])
    // pos is the inverse of order.
    desc.order.forEach((i, p) => expect(desc.pos[i]).toBe(p))
  })
  it('sorts by duration and by device lane, and leaves filtered recordings out', () => {
    expect(ids(orderOf(c, all, 'duration', 'desc').order).slice(0, 1)).toEqual(['r2'])
    expect(ids(orderOf(c, all, 'duration', 'asc').order).at(-1)).toBe('r3')
    expect(ids(orderOf(c, all, 'device', 'asc').order)).toEqual(['r2', 'r6', 'r1', 'r3', 'r5', 'r7', 'r4'])
    const some = filterOf(c, 'licht', null, 'all', Number.NaN, Number.NaN)
    const o = orderOf(c, some, 'transcript', 'asc')
    expect(ids(o.order)).toEqual(['r5', 'r6', 'r1'])
    expect(o.pos[1]).toBe(-1)
  })
  it('sorts by length with the lengths the engine learnt where the export states none, and again as more are learnt', () => {
    // r3 states no length; learnt 5 s it sorts first descending, unknown it sorts last either way.
    expect(ids(orderOf(c, all, 'duration', 'desc').order).at(-1)).toBe('r3')
    const learnt = new Map([['r3', 5000]])
    expect(ids(orderOf(c, all, 'duration', 'desc', learnt).order)[0]).toBe('r3')
    expect(ids(orderOf(c, all, 'duration', 'asc', learnt).order).at(-1)).toBe('r3')
    // The export's own length wins over a learnt one.
    expect(ids(orderOf(c, all, 'duration', 'desc', new Map([['r1', 99_000]])).order)[0]).toBe('r2')
  })
})
