import type { ComplaintFacts, Evidence, LetterKind, LetterLang } from '../../shared/model/complaint'
import { addDays, deadlineFor, longDate, type Day } from './deadlines'

/** One step of the sequence the person follows: notice → deadline → follow-up → complaint. */
export interface PlanStep {
  step: 'notice' | 'breach-report' | 'deadline' | 'follow-up' | 'art77-complaint'
  /** The day it goes (or, for the deadline, the day it falls). */
  date: Day
  /** Done already: a notice with a sending date, a deadline in the past. */
  done: boolean
  /** What to do that day, in the facts' language. */
  text: string
}

const say = (lang: LetterLang, en: string, de: string, fr: string) => (lang === 'de' ? de : lang === 'fr' ? fr : en)

/**
 * The order of the steps with their dates. The notice to the company and the tip about the other
 * person's data can go at once; the Art. 77 complaint about one's own access right waits for the
 * company's deadline (or a refusal) and the follow-up, unless the person says why it should not.
 */
export function casePlan(facts: ComplaintFacts, today: Day): PlanStep[] {
  const lang = facts.lang
  const d = deadlineFor(facts, { today })
  const date = (day: Day) => longDate(day, lang)
  const sent = facts.noticeSentDate
  const noticeDay = sent ?? today
  const refused = facts.refusalDate
  const now = facts.complainNowReason.trim()
  const complaintDay = now ? noticeDay : refused ? addDays(refused, 0) : d.complainFrom
  const steps: PlanStep[] = [
    {
      step: 'notice',
      date: noticeDay,
      done: Boolean(sent),
      text: sent
        ? say(lang, `Notice to the company sent on ${date(sent)}${facts.noticePosted ? ' by post' : ''}.`, `Schreiben an das Unternehmen am ${date(sent)}${facts.noticePosted ? ' per Post' : ''} abgesandt.`, `Courrier à l'entreprise envoyé le ${date(sent)}${facts.noticePosted ? ' par la poste' : ''}.`)
        : say(lang, 'Send the notice to the company now.', 'Das Schreiben an das Unternehmen jetzt senden.', "Envoyer maintenant le courrier à l'entreprise."),
    },
    {
      step: 'breach-report',
      date: noticeDay,
      done: false,
      text: say(
        lang,
        "The report of the other person's breach to the authority can go at the same time: it need not wait for the company.",
        'Der Hinweis an die Behörde zur Verletzung der Daten der anderen Person kann gleichzeitig gehen: Er muss nicht auf das Unternehmen warten.',
        "Le signalement à l'autorité de la violation des données de l'autre personne peut partir en même temps : il n'attend pas la réponse de l'entreprise."
      )
    },
    {
      step: 'deadline',
      date: d.effectiveDue,
      done: today > d.effectiveDue,
      text: say(
        lang,
        `The company's deadline${facts.extensionNotified ? ', extended by two months' : ''}: one month from its receipt of the notice${d.receiptEstimated ? ` (a posted notice: counted from its delivery, taken as ${date(d.receiptDate)})` : facts.noticePosted ? ` (delivered on ${date(d.receiptDate)})` : ''}.`,
        `Frist des Unternehmens${facts.extensionNotified ? ', um zwei Monate verlängert' : ''}: ein Monat ab Eingang des Schreibens${d.receiptEstimated ? ` (per Post: gezählt ab Zugang, angenommen am ${date(d.receiptDate)})` : facts.noticePosted ? ` (zugegangen am ${date(d.receiptDate)})` : ''}.`,
        `Échéance de l'entreprise${facts.extensionNotified ? ', prolongée de deux mois' : ''} : un mois à compter de la réception du courrier${d.receiptEstimated ? ` (envoi postal : compté à partir de sa remise, estimée au ${date(d.receiptDate)})` : facts.noticePosted ? ` (remis le ${date(d.receiptDate)})` : ''}.`
      )
    },
    {
      step: 'follow-up',
      date: d.followUp,
      done: false,
      text: refused
        ? say(lang, `The company refused on ${date(refused)}: the follow-up can go now.`, `Das Unternehmen hat am ${date(refused)} abgelehnt: Das Erinnerungsschreiben kann jetzt gehen.`, `L'entreprise a refusé le ${date(refused)} : la relance peut partir maintenant.`)
        : say(lang, 'Without a full answer, send the follow-up (it asks for an answer within 14 days of its own date).', 'Ohne vollständige Antwort das Erinnerungsschreiben senden (es setzt 14 Tage ab seinem Datum).', 'Sans réponse complète, envoyer la relance (elle demande une réponse sous 14 jours à compter de sa date).')
    },
    {
      step: 'art77-complaint',
      date: complaintDay,
      done: false,
      text: now
        ? say(lang, `Complaint about your own access right: now, because ${now}`, `Beschwerde zu Ihrem eigenen Auskunftsrecht: sofort, weil ${now}`, `Réclamation sur votre propre droit d'accès : dès maintenant, car ${now}`)
        : say(
            lang,
            'Complaint about your own access right (Art. 77) if the follow-up goes unanswered.',
            'Beschwerde zu Ihrem eigenen Auskunftsrecht (Art. 77), wenn auch die Erinnerung unbeantwortet bleibt.',
            "Réclamation sur votre propre droit d'accès (art. 77) si la relance reste sans réponse."
          )
    }
  ]
  return steps
}

/**
 * Whether a letter can be written today, and if not, why (in the facts' language). The follow-up
 * exists only once the date that counts has passed or the company refused, and never without the
 * notice's date.
 */
export function letterBlocked(kind: LetterKind, facts: ComplaintFacts, evidence: Pick<Evidence, 'foreignRecordings'>, today: Day): string | null {
  const lang = facts.lang
  if (evidence.foreignRecordings === 0) return noForeignRecordings(lang)
  if (kind !== 'follow-up') return null
  if (!facts.noticeSentDate) {
    return say(lang, 'The follow-up is not written: it needs the date you sent the notice (noticeSentDate).', 'Das Erinnerungsschreiben entsteht nicht: Es braucht das Datum, an dem Sie das erste Schreiben gesendet haben (noticeSentDate).', "La relance n'est pas rédigée : il faut la date d'envoi du premier courrier (noticeSentDate).")
  }
  const d = deadlineFor(facts, { today })
  if (!d.overdue) {
    return say(
      lang,
      `The follow-up is not written yet: the company has until ${longDate(d.effectiveDue, lang)} to answer; it can go from ${longDate(d.followUp, lang)}, or at once if the company refuses (refusalDate).`,
      `Das Erinnerungsschreiben entsteht noch nicht: Das Unternehmen hat bis zum ${longDate(d.effectiveDue, lang)} Zeit; es kann ab dem ${longDate(d.followUp, lang)} gehen, bei einer Ablehnung sofort (refusalDate).`,
      `La relance n'est pas encore rédigée : l'entreprise a jusqu'au ${longDate(d.effectiveDue, lang)} pour répondre ; elle pourra partir à partir du ${longDate(d.followUp, lang)}, ou aussitôt en cas de refus (refusalDate).`
    )
  }
  return null
}

export const noForeignRecordings = (lang: LetterLang) =>
  say(
    lang,
    'No recording is flagged or marked "not mine": there is nothing to complain about, so no letter is written.',
    'Keine Aufnahme ist als fremd erkannt oder mit „nicht meine“ markiert: Es gibt nichts zu beanstanden, daher entsteht kein Schreiben.',
    "Aucun enregistrement n'est signalé ni marqué « pas à moi » : il n'y a rien à dénoncer, aucun courrier n'est rédigé."
  )

/**
 * Dates that cannot be right: the request after the answer, the answer after the discovery, a
 * notice before the discovery or in the future. One line each, in the facts' language.
 */
export function dateProblems(facts: ComplaintFacts, today: Day): { path: string; message: string }[] {
  const lang = facts.lang
  const out: { path: string; message: string }[] = []
  const d = (day: Day) => longDate(day, lang)
  if (facts.requestDate > facts.receiptDate) out.push({ path: 'receiptDate', message: say(lang, `The export cannot arrive (${d(facts.receiptDate)}) before it was asked for (${d(facts.requestDate)}).`, `Der Export kann nicht eingehen (${d(facts.receiptDate)}), bevor er beantragt wurde (${d(facts.requestDate)}).`, `L'export ne peut pas arriver (${d(facts.receiptDate)}) avant d'avoir été demandé (${d(facts.requestDate)}).`) })
  if (facts.receiptDate > facts.discoveryDate) out.push({ path: 'discoveryDate', message: say(lang, `The other person's data cannot be found (${d(facts.discoveryDate)}) before the export arrived (${d(facts.receiptDate)}).`, `Die fremden Daten können nicht bemerkt werden (${d(facts.discoveryDate)}), bevor der Export einging (${d(facts.receiptDate)}).`, `Les données d'autrui ne peuvent pas être découvertes (${d(facts.discoveryDate)}) avant l'arrivée de l'export (${d(facts.receiptDate)}).`) })
  for (const [path, day] of [['requestDate', facts.requestDate], ['receiptDate', facts.receiptDate], ['discoveryDate', facts.discoveryDate]] as const) {
    if (day > today) out.push({ path, message: say(lang, `${d(day)} is in the future.`, `Der ${d(day)} liegt in der Zukunft.`, `Le ${d(day)} est dans le futur.`) })
  }
  const sent = facts.noticeSentDate
  if (sent && sent > today) out.push({ path: 'noticeSentDate', message: say(lang, `The notice cannot have been sent on ${d(sent)}: that is in the future.`, `Das Schreiben kann nicht am ${d(sent)} abgesandt worden sein: Das liegt in der Zukunft.`, `Le courrier ne peut pas avoir été envoyé le ${d(sent)} : cette date est dans le futur.`) })
  if (sent && sent < facts.discoveryDate) out.push({ path: 'noticeSentDate', message: say(lang, `The notice (${d(sent)}) cannot precede the discovery (${d(facts.discoveryDate)}).`, `Das Schreiben (${d(sent)}) kann nicht vor der Entdeckung (${d(facts.discoveryDate)}) liegen.`, `Le courrier (${d(sent)}) ne peut pas précéder la découverte (${d(facts.discoveryDate)}).`) })
  const got = facts.noticeReceivedDate
  if (got && sent && got < sent) out.push({ path: 'noticeReceivedDate', message: say(lang, 'The notice cannot be delivered before it was sent.', 'Das Schreiben kann nicht vor dem Absenden zugehen.', 'Le courrier ne peut pas être remis avant son envoi.') })
  if (got && !sent) out.push({ path: 'noticeReceivedDate', message: say(lang, 'A delivery date needs the sending date too (noticeSentDate).', 'Ein Zugangsdatum braucht auch das Absendedatum (noticeSentDate).', "Une date de remise suppose la date d'envoi (noticeSentDate).") })
  if (got && got > today) out.push({ path: 'noticeReceivedDate', message: say(lang, `${d(got)} is in the future.`, `Der ${d(got)} liegt in der Zukunft.`, `Le ${d(got)} est dans le futur.`) })
  const refused = facts.refusalDate
  if (refused && (refused > today || (sent && refused < sent))) out.push({ path: 'refusalDate', message: say(lang, 'The refusal must lie between the notice and today.', 'Die Ablehnung muss zwischen dem Schreiben und heute liegen.', "Le refus doit se situer entre l'envoi du courrier et aujourd'hui.") })
  return out
}
