import { createHash } from 'node:crypto'
import type { ComplaintFacts } from '../../shared/model/complaint'
import { controllerOf } from './controllers'
import { addDays, deadlineFor, longDate, type Day } from './deadlines'
import { caseReference } from './reference'

/** RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks. */
export const icsText = (s: string) => s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF and one space, never inside a
 * UTF-8 sequence, so every physical line (the leading space included) stays within 75 octets.
 */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let octets = 0
  for (const ch of line) {
    const size = Buffer.byteLength(ch, 'utf8')
    if (octets + size > 75) {
      out.push(current)
      current = ' '
      octets = 1
    }
    current += ch
    octets += size
  }
  out.push(current)
  return out.join('\r\n')
}

const compact = (day: Day) => day.replace(/-/g, '')
const stampOf = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/\+00:?00$/, 'Z')

export interface IcsOptions {
  today: Day
  /** DTSTAMP, an ISO time in UTC; the moment of writing when not given. */
  now?: string
}

/**
 * A calendar file with one all-day event on the controller's deadline and a reminder that morning,
 * so the follow-up is not forgotten. Everything is local: nothing is subscribed to or sent.
 */
export function deadlineIcs(facts: ComplaintFacts, options: IcsOptions): string {
  const d = deadlineFor(facts, { today: options.today })
  const controller = controllerOf(facts.controller, facts.service)
  const reference = caseReference(facts)
  const de = facts.lang === 'de'
  const uid = `${createHash('sha256').update(`${reference}\u0000${d.receiptDate}`).digest('hex').slice(0, 32)}@exportscope`
  const summary = de ? `Frist: Antwort von ${controller.legalName} (Art. 12 Abs. 3 DSGVO) – Az. ${reference}` : `Deadline: ${controller.legalName} must answer (Art. 12(3) GDPR) – ref. ${reference}`
  const description = de
    ? [
        `Unser Zeichen ${reference}. Schreiben an ${controller.legalName} vom ${longDate(d.receiptDate, 'de')}.`,
        `Die Antwort ist fällig bis ${longDate(d.due, 'de')}. Verlängert der Verantwortliche rechtzeitig und mit Gründen, spätestens bis ${longDate(d.extendedDue, 'de')}.`,
        `Ohne Antwort: ab ${longDate(d.followUp, 'de')} das Erinnerungsschreiben senden; danach Beschwerde nach Art. 77 DSGVO.`,
        d.basis
      ]
    : [
        `Our reference ${reference}. Letter to ${controller.legalName} of ${longDate(d.receiptDate, 'en')}.`,
        `The answer is due by ${longDate(d.due, 'en')}. If the controller extends in time and gives reasons, by ${longDate(d.extendedDue, 'en')} at the latest.`,
        `No answer: send the follow-up letter from ${longDate(d.followUp, 'en')}; then complain under Art. 77 GDPR.`,
        d.basis
      ]
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Exportscope//Complaint deadline//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stampOf(options.now ?? new Date().toISOString())}`,
    `DTSTART;VALUE=DATE:${compact(d.due)}`,
    `DTEND;VALUE=DATE:${compact(addDays(d.due, 1))}`,
    `SUMMARY:${icsText(summary)}`,
    `DESCRIPTION:${icsText(description.join('\n'))}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    // Nine hours after the start of an all-day event: 09:00 that day, in the calendar's own zone.
    'TRIGGER:PT9H',
    `DESCRIPTION:${icsText(summary)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR'
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
