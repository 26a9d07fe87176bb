import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { bavarianFacts } from '../../../test/fixtures/complaint-facts'
import { deadlineIcs, foldLine } from './ics'

describe('deadlineIcs', () => {
  const facts = bavarianFacts({ noticeSentDate: '2027-01-31', lang: 'de' })
  const ics = deadlineIcs(facts, { today: '2027-02-01', now: '2027-02-01T10:20:30.456Z' })

  it('uses CRLF line ends and lines of at most 75 octets', () => {
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const lines = ics.split('\r\n').slice(0, -1)
    for (const line of lines) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    // The German description is long and has umlauts: it must have been folded.
    expect(lines.some((l) => l.startsWith(' '))).toBe(true)
  })

  it('parses as one all-day event on the due date, with a UID, a stamp and a reminder', () => {
    const cal = new ICAL.Component(ICAL.parse(ics))
    const event = cal.getFirstSubcomponent('vevent')!
    const start = event.getFirstPropertyValue('dtstart') as ICAL.Time
    expect(start.isDate).toBe(true)
    // 31 January + 1 month = 28 February 2027, a Sunday, so Monday 1 March.
    expect(start.toString()).toBe('2027-03-01')
    expect((event.getFirstPropertyValue('dtend') as ICAL.Time).toString()).toBe('2027-03-02')
    expect(event.getFirstPropertyValue('uid')).toMatch(/^[0-9a-f]{32}@exportscope$/)
    expect((event.getFirstPropertyValue('dtstamp') as ICAL.Time).toString()).toBe('2027-02-01T10:20:30Z')
    expect(event.getFirstPropertyValue('summary')).toMatch(/^Frist: Antwort von Amazon Europe Core S\.à r\.l\. \(Art\. 12 Abs\. 3 DSGVO\) – Az\. \d{4}-[0-9A-Z]{7}$/)
    expect(String(event.getFirstPropertyValue('description'))).toContain('Erinnerungsschreiben')
    expect(event.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action')).toBe('DISPLAY')
    expect(cal.getFirstPropertyValue('version')).toBe('2.0')
  })

  it('gives the same case the same UID', () => {
    expect(deadlineIcs(facts, { today: '2027-02-01', now: '2027-02-02T00:00:00Z' }).match(/UID:.*/)?.[0]).toBe(ics.match(/UID:.*/)?.[0])
  })

  it('folds without splitting a UTF-8 character', () => {
    const folded = foldLine(`DESCRIPTION:${'ä'.repeat(100)}`)
    const parts = folded.split('\r\n')
    expect(parts.length).toBeGreaterThan(1)
    for (const p of parts) {
      expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75)
      expect(p).not.toContain('\uFFFD')
    }
    expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(`DESCRIPTION:${'ä'.repeat(100)}`)
  })
})
