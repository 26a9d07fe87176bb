import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bavarianFacts } from '../../../test/fixtures/complaint-facts'
import { addDays, addMonths, deadlineFor, longDate, nextWorkingDay, weekday } from './deadlines'

describe('calendar months as Regulation 1182/71 counts them', () => {
  it('clamps to the end of a shorter month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28')
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29')
    expect(addMonths('2026-03-31', 1)).toBe('2026-04-30')
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30')
    expect(addMonths('2026-01-30', 1)).toBe('2026-02-28')
    expect(addMonths('2026-01-15', 1)).toBe('2026-02-15')
    expect(addMonths('2026-12-15', 1)).toBe('2027-01-15')
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28')
  })

  it('keeps the day where it can, never passes the month, and never goes back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.integer({ min: 0, max: 36 }), (y, m, d, n) => {
        const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
        const day = `${y}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
        const out = addMonths(day, n)
        const [oy, om, od] = out.split('-').map(Number) as [number, number, number]
        expect((oy - y) * 12 + (om - m)).toBe(n)
        expect(od).toBe(Math.min(Math.min(d, last), new Date(Date.UTC(oy, om, 0)).getUTCDate()))
        expect(out >= day).toBe(true)
      })
    )
  })

  it('moves a period ending on a weekend to the Monday', () => {
    expect(weekday('2026-11-28')).toBe(6)
    expect(nextWorkingDay('2026-11-28')).toBe('2026-11-30')
    expect(nextWorkingDay('2026-11-29')).toBe('2026-11-30')
    expect(nextWorkingDay('2026-11-27')).toBe('2026-11-27')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError)
  })

  it('writes dates the same on every machine', () => {
    expect(longDate('2027-02-28', 'en')).toBe('28 February 2027')
    expect(longDate('2027-03-01', 'de')).toBe('1. März 2027')
  })
})

describe('deadlineFor', () => {
  it('runs one month from the day the notice was sent, with the extension and the follow-up', () => {
    const d = deadlineFor(bavarianFacts({ noticeSentDate: '2027-01-29' }), { today: '2027-03-15' })
    expect(d.receiptDate).toBe('2027-01-29')
    expect(d.nominalDue).toBe('2027-02-28')
    // 29 January + 1 month clamps to 28 February 2027, a Sunday: the period ends on Monday.
    expect(d.due).toBe('2027-03-01')
    expect(d.extendedDue).toBe('2027-04-29')
    expect(d.followUp).toBe('2027-03-02')
    expect(d.complainFrom).toBe('2027-03-16')
    expect(d.overdue).toBe(true)
    expect(d.basis).toMatch(/1182\/71/)
    expect(d.basis).toMatch(/weekend/)
  })

  it('runs from the letter date when no notice was sent yet, and dates the original answer', () => {
    const d = deadlineFor(bavarianFacts({ requestDate: '2026-08-03', receiptDate: '2026-09-20', lang: 'de' }), { today: '2026-11-23' })
    expect(d.receiptDate).toBe('2026-11-23')
    expect(d.due).toBe('2026-12-23')
    expect(d.overdue).toBe(false)
    expect(d.original).toEqual({ requestDate: '2026-08-03', due: '2026-09-03', answeredOn: '2026-09-20', inTime: false })
    expect(d.basis).toMatch(/Art\. 12 Abs\. 3 DSGVO/)
  })
})
