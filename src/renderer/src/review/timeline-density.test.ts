import { describe, expect, it } from 'vitest'
import type { Device, Recording } from '../../../shared/model/recording'
import { catalogOf, filterOf } from './catalog'
import { densityBins, laneBins } from './timeline-draw'
import { TONES } from './tones'
import { testDevice, testRecording } from './testing/recording'

const device = (id: string, registered: boolean): Device => testDevice(id, registered)
const rec = (deviceId: string, ms: number): Recording => testRecording(deviceId, new Date(ms).toISOString())

const T0 = Date.UTC(2023, 1, 1)
const HOUR = 3_600_000
// 2,000 recordings an hour apart on one device, 10 on another: dense at full range, sparse zoomed in.
const recordings = [...Array.from({ length: 2000 }, (_, k) => rec('busy', T0 + k * HOUR)), ...Array.from({ length: 10 }, (_, k) => rec('quiet', T0 + k * 200 * HOUR))]
const c = catalogOf(recordings, [device('busy', true), device('quiet', false)])
const all = filterOf(c, '', null, 'all', Number.NaN, Number.NaN)

describe('the timeline’s density view', () => {
  it('takes over where marks would merge, and leaves them when zoomed in', () => {
    const end = T0 + 2000 * HOUR
    // 800 px at full range: 200 bins of 4 px for 2,000 recordings.
    expect(densityBins(c, all, T0, end, 800)).toBe(200)
    // Two days across 800 px: 48 recordings in 200 bins, drawn as marks.
    expect(densityBins(c, all, T0, T0 + 48 * HOUR, 800)).toBeNull()
  })

  it('counts every passing recording of a lane once, in its bin, by tone', () => {
    const end = T0 + 2000 * HOUR
    const busy = c.lanes.findIndex((l) => l.key === 'busy')
    const counts = laneBins(c, all, busy, T0, end, 200)
    const total = counts.reduce((a, b) => a + b, 0)
    expect(total).toBe(2000)
    // Ten hours per bin, one recording an hour.
    const perBin = (b: number) => TONES.reduce((s, _, j) => s + counts[b * TONES.length + j]!, 0)
    expect(perBin(0)).toBe(10)
    expect(perBin(199)).toBe(10)
  })

  it('counts only what passes the filters', () => {
    const end = T0 + 2000 * HOUR
    const onlyQuiet = filterOf(c, '', 'quiet', 'all', Number.NaN, Number.NaN)
    const busy = c.lanes.findIndex((l) => l.key === 'busy')
    const quiet = c.lanes.findIndex((l) => l.key === 'quiet')
    expect(laneBins(c, onlyQuiet, busy, T0, end, 200).reduce((a, b) => a + b, 0)).toBe(0)
    expect(laneBins(c, onlyQuiet, quiet, T0, end, 200).reduce((a, b) => a + b, 0)).toBe(10)
    // Ten recordings over 200 bins is sparse: marks again.
    expect(densityBins(c, onlyQuiet, T0, end, 800)).toBeNull()
  })
})
