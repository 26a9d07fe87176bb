import { describe, expect, it } from 'vitest'
import { count, dateRange, deviceLabel, languageName, listOf } from './phrasing'

const t = (iso: string) => Date.parse(iso)

describe('how findings word their evidence', () => {
  it('counts with thousands separators and the right number', () => {
    expect([count(1, 'recording'), count(1704, 'recording'), count(2, 'id is', 'ids are')]).toEqual(['1 recording', '1,704 recordings', '2 ids are'])
    // Grouped by hand as toLocaleString('en-US') groups, which it no longer calls for whole numbers.
    for (const n of [0, 7, 999, 1000, 12345, 999999, 1000000, 123456789, 2 ** 53 - 1, 1.5, -1200]) expect(count(n, 'x')).toBe(`${n.toLocaleString('en-US')} x${n === 1 ? '' : 's'}`)
  })
  it('gives the date range in UTC, with the year once when both ends share it', () => {
    expect(dateRange([t('2018-05-02T06:00:00Z'), null, t('2018-08-11T23:59:00Z')])).toBe('between 2 May and 11 Aug 2018')
    expect(dateRange([t('2017-12-30T10:00:00Z'), t('2018-01-02T10:00:00Z')])).toBe('between 30 Dec 2017 and 2 Jan 2018')
    expect(dateRange([t('2018-05-02T01:00:00Z'), t('2018-05-02T23:00:00Z')])).toBe('on 2 May 2018')
    expect(dateRange([null, null])).toBe('')
  })
  it('names a device by name and shortened serial, as on its sticker', () => {
    expect(deviceLabel({ name: 'Echo Dot', serial: 'G090XA1234567Q2', type: null })).toBe("Device 'Echo Dot' (serial G090…7Q2)")
    expect(deviceLabel({ name: null, serial: 'G0SHORT', type: 'ECHO' })).toBe('A device of type ECHO (serial G0SHORT)')
  })
  it('lists a few things and counts the rest', () => {
    expect([listOf(['Leipzig']), listOf(['Leipzig', 'Halle']), listOf(['a', 'b', 'c', 'd', 'e', 'f'])]).toEqual(['Leipzig', 'Leipzig and Halle', 'a, b, c and 3 more'])
    expect([languageName('de'), languageName('en')]).toEqual(['German', 'English'])
  })
})
