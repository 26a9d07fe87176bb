import { describe, expect, it } from 'vitest'
import { dayPattern, formatDay, parseDay } from './date-text'

describe('date fields in the app’s language', () => {
  it('writes days the way each language does, without leading zeros', () => {
    expect(formatDay('2018-05-02', 'de')).toBe('2.5.2018')
    expect(formatDay('2018-05-02', 'en')).toBe('5/2/2018')
    expect(formatDay('', 'de')).toBe('')
    expect(formatDay('nonsense', 'en')).toBe('')
  })
  it('reads what a person types in that language, and ISO days in both', () => {
    expect(parseDay('2.5.2018', 'de')).toBe('2018-05-02')
    expect(parseDay('02.05.2018', 'de')).toBe('2018-05-02')
    expect(parseDay('5/2/2018', 'en')).toBe('2018-05-02')
    expect(parseDay('2018-05-02', 'de')).toBe('2018-05-02')
    expect(parseDay('2018-05-02', 'en')).toBe('2018-05-02')
    expect(parseDay('  ', 'en')).toBe('')
  })
  it('refuses what is not a day rather than guessing', () => {
    expect(parseDay('31.2.2018', 'de')).toBeNull()
    expect(parseDay('5/2/2018', 'de')).toBeNull()
    expect(parseDay('2.5.2018', 'en')).toBeNull()
    expect(parseDay('13/1/2018', 'en')).toBeNull()
    expect(parseDay('yesterday', 'en')).toBeNull()
    expect(parseDay('2018-5', 'en')).toBeNull()
  })
  it('round-trips every day of a year in both languages', () => {
    for (const lang of ['en', 'de']) {
      for (let d = new Date(Date.UTC(2024, 0, 1)); d.getUTCFullYear() === 2024; d.setUTCDate(d.getUTCDate() + 1)) {
        const iso = d.toISOString().slice(0, 10)
        expect(parseDay(formatDay(iso, lang), lang)).toBe(iso)
      }
    }
    expect(dayPattern('de')).toBe('TT.MM.JJJJ')
  })
})
