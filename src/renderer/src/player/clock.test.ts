import { describe, expect, it } from 'vitest'
import { formatClock } from './clock'

describe('formatClock', () => {
  it('shows minutes, seconds and tenths, never rounding up past what has played', () => {
    expect(formatClock(0)).toBe('0:00.0')
    expect(formatClock(4.99)).toBe('0:04.9')
    expect(formatClock(61.25)).toBe('1:01.2')
    expect(formatClock(600)).toBe('10:00.0')
  })
  it('treats unknown or negative times as zero', () => {
    expect(formatClock(Number.NaN)).toBe('0:00.0')
    expect(formatClock(-3)).toBe('0:00.0')
  })
})
