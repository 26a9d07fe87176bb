import { addDays } from '../deadlines'
import type { KindWriter } from './model'
import { controllerTo, manifestAttachment, theirReference } from './shared'

/** Days the follow-up gives before the complaint goes out. */
export const FOLLOW_UP_DAYS = 14

/** (5) When the month has passed without the answer: a reminder with a short last date. */
export const followUp: KindWriter = (c) => {
  const f = c.facts
  const d = c.deadline
  const sent = f.noticeSentDate ? c.date(f.noticeSentDate) : c.t('[date of my letter]', '[Datum meines Schreibens]')
  // Without the notice's date there is no due date to state: a placeholder, as for the date itself.
  const due = f.noticeSentDate ? c.date(d.due) : c.t('[one month after my letter]', '[ein Monat nach meinem Schreiben]')
  const last = c.date(addDays(c.today, FOLLOW_UP_DAYS))
  const prior = f.priorContact.trim()
  return {
    to: controllerTo(c),
    subject: c.t(`Reminder: no answer to my letter of ${sent} (personal data breach, access under Art. 15 GDPR)`, `Erinnerung: keine Antwort auf mein Schreiben vom ${sent} (Datenschutzverletzung, Auskunft nach Art. 15 DSGVO)`),
    salutation: c.t('Dear Data Protection Officer,', 'Sehr geehrte Damen und Herren,'),
    body: [
      {
        kind: 'paragraph',
        text: c.t(
          `On ${sent} I told you that your answer of ${c.date(f.receiptDate)} to my access request of ${c.date(f.requestDate)}${theirReference(c)} contains another person's voice recordings, a personal data breach (Art. 4(12) GDPR). I asked you to confirm your notifications under Art. 33 and 34 GDPR, to give me a correct answer under Art. 15 GDPR, to tell me whether my own data were disclosed to anyone else, and how to return or destroy the other person's files.`,
          `Mit Schreiben vom ${sent} habe ich Ihnen mitgeteilt, dass Ihre Auskunft vom ${c.date(f.receiptDate)} auf meinen Antrag vom ${c.date(f.requestDate)}${theirReference(c)} Sprachaufnahmen einer anderen Person enthält, eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO). Ich habe Sie gebeten, Ihre Meldungen nach Art. 33 und 34 DSGVO zu bestätigen, mir eine richtige Auskunft nach Art. 15 DSGVO zu erteilen, mitzuteilen, ob meine eigenen Daten anderen offengelegt wurden, und wie ich die Dateien der anderen Person zurückgeben oder vernichten soll.`
        )
      },
      {
        kind: 'paragraph',
        text: c.t(
          `The period of one month (Art. 12(3) GDPR) ended on ${due}. I have not received the answer I asked for, nor a notice of an extension with reasons, nor the reasons for not acting (Art. 12(4) GDPR).`,
          `Die Monatsfrist (Art. 12 Abs. 3 DSGVO) ist am ${due} abgelaufen. Ich habe weder die erbetene Antwort erhalten noch eine begründete Mitteilung über eine Fristverlängerung oder die Gründe, aus denen Sie nicht tätig werden (Art. 12 Abs. 4 DSGVO).`
        )
      },
      ...(prior ? [{ kind: 'paragraph' as const, text: c.t(`Contact since my letter: ${prior}`, `Kontakt seit meinem Schreiben: ${prior}`) }] : []),
      {
        kind: 'paragraph',
        text: c.t(
          `Please answer in full by ${last}. If I have no answer by then, I will lodge a complaint with ${c.authorities.complaint.name} under Art. 77 GDPR, and I reserve the right to seek a judicial remedy (Art. 79 GDPR) and compensation (Art. 82 GDPR).`,
          `Bitte antworten Sie vollständig bis zum ${last}. Liegt mir bis dahin keine Antwort vor, werde ich Beschwerde bei ${c.authorities.complaint.name} nach Art. 77 DSGVO einlegen; gerichtliche Schritte (Art. 79 DSGVO) und Schadensersatz (Art. 82 DSGVO) behalte ich mir vor.`
        )
      }
    ],
    attachments: [c.t(`My letter of ${sent}`, `Mein Schreiben vom ${sent}`), manifestAttachment(c)]
  }
}
