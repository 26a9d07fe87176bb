import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { bavarianFacts } from '../../../test/fixtures/complaint-facts'
import { deadlineIcs, foldLine, icsText } from './ics'

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

describe('the plan in the calendar (points 4 and 14)', () => {
  it('holds the deadline, the follow-up and the complaint as events, in that order, each with the whole plan', () => {
    const cal = new ICAL.Component(ICAL.parse(deadlineIcs(bavarianFacts({ noticeSentDate: '2026-10-05' }), { today: '2026-10-06', now: '2026-10-06T08:00:00Z' })))
    const events = cal.getAllSubcomponents('vevent')
    expect(events.map((e) => (e.getFirstPropertyValue('dtstart') as ICAL.Time).toString())).toEqual(['2026-11-05', '2026-11-06', '2026-11-20'])
    expect(new Set(events.map((e) => e.getFirstPropertyValue('uid'))).size).toBe(3)
    expect(String(events[2]!.getFirstPropertyValue('summary'))).toMatch(/^Complaint under Art\. 77 GDPR may go/)
    const description = String(events[0]!.getFirstPropertyValue('description'))
    expect(description).toMatch(/5 October 2026: Notice to the company sent[\s\S]*5 November 2026: The company's deadline[\s\S]*6 November 2026:[\s\S]*20 November 2026: Complaint/)
  })

  it('escapes a lone CR as well as LF and CRLF in every text value, and drops other control characters', () => {
    expect(icsText('a\rb\nc\r\nd\u0007e')).toBe('a\\nb\\nc\\nd' + 'e')
    const ics = deadlineIcs(bavarianFacts({ controller: 'Evil\rCorp\nX-INJECTED:1', noticeSentDate: '2026-10-05' }), { today: '2026-10-06', now: '2026-10-06T08:00:00Z' })
    const unfolded = ics.replace(/\r\n /g, '')
    expect(unfolded.split('\r\n').some((l) => l.startsWith('X-INJECTED'))).toBe(false)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    for (const lang of ['de', 'fr'] as const) {
      const other = deadlineIcs(bavarianFacts({ lang, controller: 'Evil\rCorp', noticeSentDate: '2026-10-05' }), { today: '2026-10-06' })
      expect(other.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    }
  })
})
