import { authorityIn, beiAuthority } from '../authorities'
import { addDays } from '../deadlines'
import type { Block, KindWriter } from './model'
import { controllerTo, manifestAttachment, theirReference } from './shared'

/** Days the follow-up gives, from its own date, before the complaint goes out. */
export const FOLLOW_UP_DAYS = 14

/**
 * (5) Written only once the deadline (or the extended one) has passed, or after a refusal
 * (plan.ts letterBlocked keeps it back otherwise): it says so in the past tense and asks for an
 * answer within 14 days of its own date.
 */
export const followUp: KindWriter = (c) => {
  const f = c.facts
  const d = c.deadline
  // letterBlocked never lets the follow-up be written without the notice's date; the placeholder only guards a direct call.
  const sent = f.noticeSentDate ? c.date(f.noticeSentDate) : c.t('[date of my letter]', '[Datum meines Schreibens]', '[date de mon courrier]')
  const last = c.date(addDays(c.today, FOLLOW_UP_DAYS))
  const prior = f.priorContact.trim()
  const refused = f.refusalDate && f.refusalDate <= c.today ? f.refusalDate : null
  const ended: Block = refused
    ? {
        kind: 'paragraph',
        text: c.t(
          `On ${c.date(refused)} you declined to act on my request (Art. 12(4) GDPR). I have not received the answer I asked for, and I maintain my request.`,
          `Am ${c.date(refused)} haben Sie es abgelehnt, meinem Antrag nachzukommen (Art. 12 Abs. 4 DSGVO). Die beantragte Auskunft habe ich nicht erhalten; an meinem Antrag halte ich fest.`,
          `Le ${c.date(refused)}, vous avez refusé de donner suite à ma demande (art. 12, § 4, du RGPD). Je n'ai pas reçu la réponse demandée et je maintiens ma demande.`
        )
      }
    : {
        kind: 'paragraph',
        text: f.extensionNotified
          ? c.t(
              `You extended the period by two months; the extended period (Art. 12(3) GDPR) ended on ${c.date(d.effectiveDue)}. I have not received the answer I asked for.`,
              `Sie haben die Frist um zwei Monate verlängert; die verlängerte Frist (Art. 12 Abs. 3 DSGVO) ist am ${c.date(d.effectiveDue)} abgelaufen. Die erbetene Antwort habe ich nicht erhalten.`,
              `Vous avez prolongé le délai de deux mois ; ce délai prolongé (art. 12, § 3, du RGPD) a expiré le ${c.date(d.effectiveDue)}. Je n'ai pas reçu la réponse demandée.`
            )
          : c.t(
              `The period of one month (Art. 12(3) GDPR) ended on ${c.date(d.effectiveDue)}. I did not receive the answer I asked for, nor a notice of an extension with reasons, nor the reasons for not acting (Art. 12(4) GDPR).`,
              `Die Monatsfrist (Art. 12 Abs. 3 DSGVO) ist am ${c.date(d.effectiveDue)} abgelaufen. Ich habe weder die erbetene Antwort erhalten noch eine begründete Mitteilung über eine Fristverlängerung oder die Gründe, aus denen Sie nicht tätig werden (Art. 12 Abs. 4 DSGVO).`,
              `Le délai d'un mois (art. 12, § 3, du RGPD) a expiré le ${c.date(d.effectiveDue)}. Je n'ai reçu ni la réponse demandée, ni l'annonce motivée d'une prolongation, ni les raisons de votre inaction (art. 12, § 4, du RGPD).`
            )
      }
  const authority = c.authorities.complaint
  return {
    to: controllerTo(c),
    subject: refused
      ? c.t(`My letter of ${sent}: your refusal of ${c.date(refused)} (personal data breach, access under Art. 15 GDPR)`, `Mein Schreiben vom ${sent}: Ihre Ablehnung vom ${c.date(refused)} (Datenschutzverletzung, Auskunft nach Art. 15 DSGVO)`, `Mon courrier du ${sent} : votre refus du ${c.date(refused)} (violation de données, accès au titre de l'art. 15 du RGPD)`)
      : c.t(`Reminder: no answer to my letter of ${sent} (personal data breach, access under Art. 15 GDPR)`, `Erinnerung: keine Antwort auf mein Schreiben vom ${sent} (Datenschutzverletzung, Auskunft nach Art. 15 DSGVO)`, `Relance : pas de réponse à mon courrier du ${sent} (violation de données, accès au titre de l'art. 15 du RGPD)`),
    salutation: c.t('Dear Data Protection Officer,', 'Sehr geehrte Damen und Herren,', 'Madame, Monsieur,'),
    body: [
      {
        kind: 'paragraph',
        text: c.t(
          `On ${sent} I told you that your answer of ${c.date(f.receiptDate)} to my access request of ${c.date(f.requestDate)}${theirReference(c)} contained another person's voice recordings, a personal data breach (Art. 4(12) GDPR). I asked for a correct answer under Art. 15 GDPR and to be told whether my own data were disclosed to anyone else, and I asked you to tell me whether you had notified the breach under Art. 33 and 34 GDPR and how to return or destroy the other person's files.`,
          `Mit Schreiben vom ${sent} habe ich Ihnen mitgeteilt, dass Ihre Auskunft vom ${c.date(f.receiptDate)} auf meinen Antrag vom ${c.date(f.requestDate)}${theirReference(c)} Sprachaufnahmen einer anderen Person enthielt, eine Verletzung des Schutzes personenbezogener Daten (Art. 4 Nr. 12 DSGVO). Ich habe eine richtige Auskunft nach Art. 15 DSGVO beantragt sowie die Mitteilung, ob meine eigenen Daten anderen offengelegt wurden, und Sie gebeten, mir mitzuteilen, ob Sie die Verletzung nach Art. 33 und 34 DSGVO gemeldet haben und wie ich die Dateien der anderen Person zurückgeben oder vernichten soll.`,
          `Par courrier du ${sent}, je vous ai signalé que votre réponse du ${c.date(f.receiptDate)} à ma demande d'accès du ${c.date(f.requestDate)}${theirReference(c)} contenait des enregistrements vocaux d'une autre personne, soit une violation de données à caractère personnel (art. 4, point 12, du RGPD). J'ai demandé une réponse exacte au titre de l'art. 15 du RGPD et à savoir si mes propres données avaient été communiquées à d'autres, et je vous ai prié de m'indiquer si vous aviez notifié la violation au titre des art. 33 et 34 du RGPD et comment restituer ou détruire les fichiers de l'autre personne.`
        )
      },
      ended,
      ...(prior ? [{ kind: 'paragraph' as const, text: c.t(`Contact since my letter: ${prior}`, `Kontakt seit meinem Schreiben: ${prior}`, `Échanges depuis mon courrier : ${prior}`) }] : []),
      {
        kind: 'paragraph',
        text: c.t(
          `Please answer in full by ${last}, fourteen days from the date of this letter. If I have no answer by then, I will lodge a complaint with ${authorityIn(authority, 'en')} under Art. 77 GDPR, and I reserve the right to seek a judicial remedy (Art. 79 GDPR) and compensation (Art. 82 GDPR).`,
          `Bitte antworten Sie vollständig bis zum ${last}, vierzehn Tage nach dem Datum dieses Schreibens. Liegt mir bis dahin keine Antwort vor, werde ich ${beiAuthority(authority)} Beschwerde nach Art. 77 DSGVO einlegen; gerichtliche Schritte (Art. 79 DSGVO) und Schadensersatz (Art. 82 DSGVO) behalte ich mir vor.`,
          `Je vous prie de répondre intégralement au plus tard le ${last}, soit quatorze jours après la date du présent courrier. À défaut, j'introduirai une réclamation auprès de ${authorityIn(authority, 'fr')} au titre de l'art. 77 du RGPD, et je me réserve le droit d'exercer un recours juridictionnel (art. 79 du RGPD) et de demander réparation (art. 82 du RGPD).`
        )
      }
    ],
    attachments: [c.t(`My letter of ${sent}`, `Mein Schreiben vom ${sent}`, `Mon courrier du ${sent}`), manifestAttachment(c)]
  }
}
