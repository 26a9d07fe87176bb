import { describe, expect, it } from 'vitest'
import { formatDuration, formatUtc, ticksFor } from './time'

describe('ticksFor', () => {
  const start = new Date(2023, 1, 1, 0, 0, 0).getTime()
  it.each([
    ['years', 6 * 365 * 86_400_000],
    ['months', 200 * 86_400_000],
    ['days', 19 * 86_400_000],
    ['hours', 20 * 3_600_000],
    ['minutes', 30 * 60_000],
    ['seconds', 4000]
  ])('gives readable, ordered ticks inside the view across %s', (_, span) => {
    const ticks = ticksFor(start, start + span, 1000, 'en', 96)
    expect(ticks.length).toBeGreaterThan(1)
    expect(ticks.length).toBeLessThan(40)
    for (let i = 0; i < ticks.length; i++) {
      expect(ticks[i]!.time).toBeGreaterThanOrEqual(start)
      expect(ticks[i]!.time).toBeLessThanOrEqual(start + span)
      if (i) expect(ticks[i]!.time).toBeGreaterThan(ticks[i - 1]!.time)
      expect(ticks[i]!.label).not.toBe('')
    }
  })

  it('aligns day ticks to local midnight', () => {
    for (const t of ticksFor(start + 5 * 3_600_000, start + 10 * 86_400_000, 1000, 'en', 60)) {
      const d = new Date(t.time)
      expect([d.getHours(), d.getMinutes(), d.getSeconds()]).toEqual([0, 0, 0])
    }
  })
})

describe('formatting', () => {
  it('writes durations and UTC unambiguously', () => {
    expect(formatDuration(null)).toBe('—')
    expect(formatDuration(4_200)).toBe('0:04')
    expect(formatDuration(125_000)).toBe('2:05')
    expect(formatDuration(3_725_000)).toBe('1:02:05')
    expect(formatUtc(Date.parse('2023-02-01T13:42:12.345Z'))).toBe('2023-02-01 13:42:12 UTC')
    expect(formatUtc(Number.NaN)).toBe('—')
  })
})
