import { createHash } from 'node:crypto'
import type { ComplaintFacts } from '../../shared/model/complaint'
import { controllerOf } from './controllers'
import { addDays, deadlineFor, longDate, type Day } from './deadlines'
import { casePlan } from './plan'
import { caseReference } from './reference'

/**
 * RFC 5545 TEXT escaping: backslash, semicolon, comma and line breaks: CRLF, a lone LF and a lone CR
 * each become one escaped newline. Other control characters have no place in a TEXT value and go.
 */
export const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')

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

const say = (lang: string, en: string, de: string, fr: string) => (lang === 'de' ? de : lang === 'fr' ? fr : en)

/**
 * A calendar file of the plan: an all-day event on the company's deadline with a reminder that
 * morning, then the day the follow-up may go and the day the complaint may go, each with the whole
 * sequence (notice → deadline → follow-up → complaint) in its description. Everything is local:
 * nothing is subscribed to or sent.
 */
export function deadlineIcs(facts: ComplaintFacts, options: IcsOptions): string {
  const d = deadlineFor(facts, { today: options.today })
  const controller = controllerOf(facts.controller, facts.service)
  const reference = caseReference(facts)
  const lang = facts.lang
  const name = controller.legalName
  const plan = casePlan(facts, options.today)
  const planText = plan.map((p) => `${longDate(p.date, lang)}: ${p.text}`)
  const summary = say(
    lang,
    `Deadline: ${name} must answer (Art. 12(3) GDPR) – ref. ${reference}`,
    `Frist: Antwort von ${name} (Art. 12 Abs. 3 DSGVO) – Az. ${reference}`,
    `Échéance : réponse de ${name} (art. 12, § 3, du RGPD) – réf. ${reference}`
  )
  const description = [
    say(lang, `Our reference ${reference}. Letter to ${name}, received ${longDate(d.receiptDate, lang)}.`, `Unser Zeichen ${reference}. Schreiben an ${name}, Eingang ${longDate(d.receiptDate, lang)}.`, `Notre référence ${reference}. Courrier à ${name}, reçu le ${longDate(d.receiptDate, lang)}.`),
    say(
      lang,
      `The answer is due by ${longDate(d.due, lang)}. If the controller extends in time and gives reasons, by ${longDate(d.extendedDue, lang)} at the latest.`,
      `Die Antwort ist fällig bis ${longDate(d.due, lang)}. Verlängert der Verantwortliche rechtzeitig und mit Gründen, spätestens bis ${longDate(d.extendedDue, lang)}.`,
      `La réponse est due au plus tard le ${longDate(d.due, lang)}. Si le responsable du traitement prolonge le délai à temps et avec motifs, au plus tard le ${longDate(d.extendedDue, lang)}.`
    ),
    say(lang, 'No answer: send the follow-up letter; then complain under Art. 77 GDPR.', 'Ohne Antwort: das Erinnerungsschreiben senden; danach Beschwerde nach Art. 77 DSGVO.', "Sans réponse : envoyer la relance ; puis introduire une réclamation au titre de l'art. 77 du RGPD."),
    say(lang, 'The plan:', 'Der Ablauf:', 'Le déroulement :'),
    ...planText,
    d.basis
  ].join('\n')
  const follow = plan.find((p) => p.step === 'follow-up')!
  const complain = plan.find((p) => p.step === 'art77-complaint')!
  const events = [
    { key: 'deadline', day: d.effectiveDue, summary, alarm: true },
    { key: 'follow-up', day: follow.date, summary: say(lang, `Follow-up to ${name} may go – ref. ${reference}`, `Erinnerungsschreiben an ${name} kann gehen – Az. ${reference}`, `La relance à ${name} peut partir – réf. ${reference}`), alarm: false },
    { key: 'complaint', day: complain.date, summary: say(lang, `Complaint under Art. 77 GDPR may go – ref. ${reference}`, `Beschwerde nach Art. 77 DSGVO kann gehen – Az. ${reference}`, `La réclamation (art. 77 du RGPD) peut partir – réf. ${reference}`), alarm: false }
  ]
  const stamp = stampOf(options.now ?? new Date().toISOString())
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Exportscope//Complaint deadline//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']
  for (const e of events) {
    const uid = `${createHash('sha256').update(`${reference}\u0000${d.receiptDate}${e.key === 'deadline' ? '' : `\u0000${e.key}`}`).digest('hex').slice(0, 32)}@exportscope`
    lines.push(
      'BEGIN:VEVENT',
      `UID:${uid}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compact(e.day)}`,
      `DTEND;VALUE=DATE:${compact(addDays(e.day, 1))}`,
      `SUMMARY:${icsText(e.summary)}`,
      `DESCRIPTION:${icsText(description)}`,
      'TRANSP:TRANSPARENT'
    )
    if (e.alarm) {
      // Nine hours after the start of an all-day event: 09:00 that day, in the calendar's own zone.
      lines.push('BEGIN:VALARM', 'ACTION:DISPLAY', 'TRIGGER:PT9H', `DESCRIPTION:${icsText(e.summary)}`, 'END:VALARM')
    }
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}
