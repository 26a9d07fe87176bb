import { describe, expect, it } from 'vitest'
import { formatBytes, formatCount } from './format'

describe('number formats kept per language', () => {
  it('say counts and sizes as toLocaleString does, in each language, whichever was asked first', () => {
    for (const lang of ['en', 'de', 'en', 'de-DE']) {
      for (const n of [0, 7, 1234, 100000, 1234567]) expect(formatCount(n, lang)).toBe(n.toLocaleString(lang))
    }
    expect(formatCount(100000, 'en')).toBe('100,000')
    expect(formatCount(100000, 'de')).toBe('100.000')
    expect(formatBytes(999, 'en')).toBe('999 B')
    expect(formatBytes(3_230_000_000, 'en')).toBe('3.2 GB')
    expect(formatBytes(3_230_000_000, 'de')).toBe('3,2 GB')
    expect(formatBytes(123_400_000, 'de')).toBe('123 MB')
    expect(formatBytes(1_500, 'en')).toBe('1.5 KB')
  })
})
