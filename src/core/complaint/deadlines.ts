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
  /** The day the controller receives the letter: the notice's sending date, else the letter's date. */
  receiptDate: Day
  /** One month later (Art. 12(3) GDPR), moved off a weekend. */
  due: Day
  /** `due` before the weekend rule. */
  nominalDue: Day
  /** The latest answer if the controller extends by two further months, telling the person within the first. */
  extendedDue: Day
  /** The day after `due`: when the follow-up letter can go. */
  followUp: Day
  /** Two weeks after a follow-up: when the complaint need wait no longer (datenanfragen's rule of thumb). */
  complainFrom: Day
  /** The original Art. 15 request: its one-month date, and whether the export came within it. */
  original: { requestDate: Day; due: Day; answeredOn: Day; inTime: boolean }
  overdue: boolean
  /** How the dates were counted, in the facts' language. */
  basis: string
}

/**
 * The controller's deadline for the letter it receives on `receiptDate` (the date the notice was
 * sent when the facts have it, else today's letter): one month under Art. 12(3) GDPR, counted as
 * Regulation 1182/71 counts. The export's own receipt date only dates the original answer.
 */
export function deadlineFor(facts: ComplaintFacts, options: { today: Day }): Deadline {
  const receiptDate = facts.noticeSentDate ?? options.today
  const nominalDue = addMonths(receiptDate, 1)
  const due = nextWorkingDay(nominalDue)
  const extendedDue = nextWorkingDay(addMonths(receiptDate, 3))
  const followUp = addDays(due, 1)
  const originalDue = nextWorkingDay(addMonths(facts.requestDate, 1))
  return {
    receiptDate,
    due,
    nominalDue,
    extendedDue,
    followUp,
    complainFrom: addDays(followUp, 14),
    original: { requestDate: facts.requestDate, due: originalDue, answeredOn: facts.receiptDate, inTime: facts.receiptDate <= originalDue },
    overdue: options.today > due,
    basis: basisText(facts.lang, receiptDate, nominalDue, due, Boolean(facts.noticeSentDate))
  }
}

function basisText(lang: LetterLang, receipt: Day, nominal: Day, due: Day, sent: boolean): string {
  const moved = nominal !== due
  if (lang === 'de') {
    return (
      `Ein Monat ab Eingang ${sent ? 'Ihres Schreibens vom' : 'des Schreibens am'} ${longDate(receipt, 'de')} (Art. 12 Abs. 3 DSGVO), gezählt nach der Verordnung (EWG, Euratom) Nr. 1182/71: ` +
      `gleicher Kalendertag im Folgemonat, sonst dessen letzter Tag${moved ? `; fällt er auf ein Wochenende, der nächste Werktag (${longDate(nominal, 'de')} → ${longDate(due, 'de')})` : ''}. ` +
      'Feiertage sind nicht berücksichtigt; bei Versand per Post zählt der Tag des Zugangs.'
    )
  }
  return (
    `One month from the controller's receipt of ${sent ? 'your letter sent on' : 'the letter on'} ${longDate(receipt, 'en')} (Art. 12(3) GDPR), counted as Regulation (EEC, Euratom) No 1182/71 counts: ` +
    `the same date in the next month, or that month's last day${moved ? `; a weekend moves it to the next working day (${longDate(nominal, 'en')} → ${longDate(due, 'en')})` : ''}. ` +
    'Public holidays are not counted; for a posted letter the day it arrives counts.'
  )
}

const MONTHS = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember']
}

/** "28 February 2027" / "28. Februar 2027": fixed names, so letters read the same on every machine. */
export function longDate(day: Day, lang: LetterLang): string {
  const [y, mo, d] = parts(day)
  return lang === 'de' ? `${d}. ${MONTHS.de[mo - 1]} ${y}` : `${d} ${MONTHS.en[mo - 1]} ${y}`
}
