import type { ComplaintFacts, LetterLang } from '../../shared/model/complaint'

/** A calendar date as YYYY-MM-DD; no time zone is implied. */
export type Day = string

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

function parts(day: Day): [number, number, number] {
  const m = DAY.exec(day)
  if (!m) throw new RangeError(`Not a date as YYYY-MM-DD: ${day}`)
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) throw new RangeError(`No such day: ${day}`)
  return [y, mo, d]
}

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()
const pad = (n: number, w = 2) => String(n).padStart(w, '0')
const format = (y: number, mo: number, d: number) => `${pad(y, 4)}-${pad(mo)}-${pad(d)}`

/**
 * The same date `months` later, or the month's last day when it has no such date (31 January + 1
 * month = 28 or 29 February): how Regulation 1182/71 Art. 3(2)(c) ends a period counted in months.
 */
export function addMonths(day: Day, months: number): Day {
  const [y, mo, d] = parts(day)
  const index = y * 12 + (mo - 1) + months
  const year = Math.floor(index / 12)
  const month = (index % 12) + 1
  return format(year, month, Math.min(d, daysIn(year, month)))
}

export function addDays(day: Day, days: number): Day {
  const [y, mo, d] = parts(day)
  const t = new Date(Date.UTC(y, mo - 1, d + days))
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate())
}

/** 0 Sunday … 6 Saturday. */
export const weekday = (day: Day) => {
  const [y, mo, d] = parts(day)
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay()
}

/**
 * Regulation 1182/71 Art. 3(4): a period whose last day is a Saturday or Sunday ends on the next
 * working day. Public holidays differ by country and state and are not counted here.
 */
export function nextWorkingDay(day: Day): Day {
  const w = weekday(day)
  return w === 6 ? addDays(day, 2) : w === 0 ? addDays(day, 1) : day
}

export interface Deadline {
  /** The day the controller receives the notice: a known delivery date, else the sending date (plus the post's days when posted), else today. */
  receiptDate: Day
  /** Whether `receiptDate` is an estimate of a posted notice's delivery. */
  receiptEstimated: boolean
  /** One month later (Art. 12(3) GDPR), moved off a weekend where Reg. 1182/71 applies. */
  due: Day
  /** `due` before the weekend rule. */
  nominalDue: Day
  /** The latest answer if the controller extends by two further months, telling the person within the first. */
  extendedDue: Day
  /** The date that counts now: `extendedDue` when the controller notified an extension, else `due`. */
  effectiveDue: Day
  /** When the follow-up may go: the day after the date that counts, or the refusal's date. */
  followUp: Day
  /** Two weeks after the follow-up: when the Art. 77 complaint need wait no longer. */
  complainFrom: Day
  /** The original Art. 15 request: its one-month date, and whether the export came within it. */
  original: { requestDate: Day; due: Day; answeredOn: Day; inTime: boolean }
  /** The date that counts has passed, or the controller refused. */
  overdue: boolean
  /** How the dates were counted, in the facts' language. */
  basis: string
}

/** Days a posted notice is taken to need when its delivery date is not known (cross-border letter post). */
export const POST_DAYS = 3

/** The UK counts a month under the UK GDPR without Regulation 1182/71's weekend rule (ICO guidance: the corresponding calendar date). */
const usesEuCounting = (facts: ComplaintFacts) => facts.person.country.toLowerCase() !== 'gb'

/**
 * The controller's deadline for the notice: one month from the controller's receipt (Art. 12(3)
 * GDPR), counted as Regulation 1182/71 counts in the EU, as the UK counts in the UK. A posted
 * notice counts from delivery; the export's own receipt date only dates the original answer.
 */
export function deadlineFor(facts: ComplaintFacts, options: { today: Day }): Deadline {
  const eu = usesEuCounting(facts)
  const sent = facts.noticeSentDate
  const estimated = Boolean(sent && facts.noticePosted && !facts.noticeReceivedDate)
  const receiptDate = facts.noticeReceivedDate ?? (sent ? (facts.noticePosted ? addDays(sent, POST_DAYS) : sent) : options.today)
  const move = (d: Day) => (eu ? nextWorkingDay(d) : d)
  const nominalDue = addMonths(receiptDate, 1)
  const due = move(nominalDue)
  const extendedDue = move(addMonths(receiptDate, 3))
  const effectiveDue = facts.extensionNotified ? extendedDue : due
  const refused = facts.refusalDate
  const followUp = refused && refused < addDays(effectiveDue, 1) ? refused : addDays(effectiveDue, 1)
  const originalDue = move(addMonths(facts.requestDate, 1))
  return {
    receiptDate,
    receiptEstimated: estimated,
    due,
    nominalDue,
    extendedDue,
    effectiveDue,
    followUp,
    complainFrom: addDays(followUp, 14),
    original: { requestDate: facts.requestDate, due: originalDue, answeredOn: facts.receiptDate, inTime: facts.receiptDate <= originalDue },
    overdue: Boolean(refused && refused <= options.today) || options.today > effectiveDue,
    basis: basisText(facts.lang, { receipt: receiptDate, nominal: nominalDue, due, sent: Boolean(sent), posted: facts.noticePosted, estimated, eu })
  }
}

interface BasisParts {
  receipt: Day
  nominal: Day
  due: Day
  sent: boolean
  posted: boolean
  estimated: boolean
  eu: boolean
}

function basisText(lang: LetterLang, b: BasisParts): string {
  const moved = b.nominal !== b.due
  const L = (en: string, de: string, fr: string) => (lang === 'de' ? de : lang === 'fr' ? fr : en)
  const d = (day: Day) => longDate(day, lang)
  const from = b.sent
    ? b.posted
      ? b.estimated
        ? L(`its delivery, taken as ${d(b.receipt)} (${POST_DAYS} days after posting; use the delivery receipt's date if you have it)`, `Zugang, angenommen am ${d(b.receipt)} (${POST_DAYS} Tage nach Einlieferung; tragen Sie das Datum des Rückscheins ein, wenn Sie es haben)`, `sa remise, estimée au ${d(b.receipt)} (${POST_DAYS} jours après l'envoi ; indiquez la date de l'avis de réception si vous l'avez)`)
        : L(`its delivery on ${d(b.receipt)}`, `Zugang am ${d(b.receipt)}`, `sa remise le ${d(b.receipt)}`)
      : L(`receipt of your notice sent on ${d(b.receipt)}`, `Eingang Ihres Schreibens vom ${d(b.receipt)}`, `la réception de votre courrier envoyé le ${d(b.receipt)}`)
    : L(`receipt of the notice, if it goes today (${d(b.receipt)})`, `Eingang des Schreibens, wenn es heute (${d(b.receipt)}) abgeht`, `la réception du courrier, s'il part aujourd'hui (${d(b.receipt)})`)
  if (!b.eu) {
    return L(
      `One month from ${from} (Art. 12(3) UK GDPR): the corresponding calendar date in the next month, or that month's last day. The EU's Regulation 1182/71 does not apply in the UK. Since 19 June 2026 the controller must also acknowledge a complaint within 30 days (s. 164A Data Protection Act 2018, inserted by the Data (Use and Access) Act 2025).`,
      `Ein Monat ab ${from} (Art. 12 Abs. 3 UK GDPR): gleicher Kalendertag im Folgemonat, sonst dessen letzter Tag. Die EU-Verordnung 1182/71 gilt im Vereinigten Königreich nicht. Seit dem 19. Juni 2026 muss der Verantwortliche eine Beschwerde zudem binnen 30 Tagen bestätigen (s. 164A Data Protection Act 2018, eingefügt durch den Data (Use and Access) Act 2025).`,
      `Un mois à compter de ${from} (art. 12, § 3, UK GDPR) : la même date le mois suivant, ou le dernier jour de ce mois. Le règlement européen 1182/71 ne s'applique pas au Royaume-Uni.`
    )
  }
  return L(
    `One month from ${from} (Art. 12(3) GDPR), counted as Regulation (EEC, Euratom) No 1182/71 counts: the same date in the next month, or that month's last day${moved ? `; a weekend moves it to the next working day (${d(b.nominal)} → ${d(b.due)})` : ''}. Public holidays are not counted.`,
    `Ein Monat ab ${from} (Art. 12 Abs. 3 DSGVO), gezählt nach der Verordnung (EWG, Euratom) Nr. 1182/71: gleicher Kalendertag im Folgemonat, sonst dessen letzter Tag${moved ? `; fällt er auf ein Wochenende, der nächste Werktag (${d(b.nominal)} → ${d(b.due)})` : ''}. Feiertage sind nicht berücksichtigt.`,
    `Un mois à compter de ${from} (art. 12, § 3, du RGPD), calculé selon le règlement (CEE, Euratom) n° 1182/71 : la même date le mois suivant, ou le dernier jour de ce mois${moved ? ` ; un samedi ou un dimanche reporte l'échéance au jour ouvrable suivant (${d(b.nominal)} → ${d(b.due)})` : ''}. Les jours fériés ne sont pas pris en compte.`
  )
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre']
}

/** "28 February 2027" / "28. Februar 2027" / "1er mars 2027": fixed names, so letters read the same on every machine. */
export function longDate(day: Day, lang: LetterLang): string {
  const [y, mo, d] = parts(day)
  if (lang === 'de') return `${d}. ${MONTHS.de[mo - 1]} ${y}`
  if (lang === 'fr') return `${d === 1 ? '1er' : d} ${MONTHS.fr[mo - 1]} ${y}`
  return `${d} ${MONTHS.en[mo - 1]} ${y}`
}
