import type { ComplaintFacts, Evidence, LetterKind, LetterLang } from '../../../shared/model/complaint'
import type { Authority } from '../authorities'
import { OFFICIAL_NAMES } from '../data/authority-names'
import type { Controller } from '../controllers'
import type { Deadline, Day } from '../deadlines'
import type { AuthorityChoice } from '../pick'

/** A piece of a letter's body; the PDF and the plain text lay them out each their own way. */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[]; numbered: boolean }

/** Everything a posted letter shows, in reading order. */
export interface LetterBlocks {
  sender: string[]
  /** The one-line sender above the address window. */
  returnLine: string
  recipient: string[]
  /** Label and value at the right: our reference, the controller's, the date, how it is sent. */
  info: [string, string][]
  subject: string
  /** Delivery routes, each labelled as only that (printed under the subject). */
  routes?: string[]
  salutation: string
  body: Block[]
  closing: string
  signature: string
  attachmentsTitle: string
  attachments: string[]
  /** Printed at the foot of every page with the page number. */
  footer: string
}

export interface RenderedLetter {
  kind: LetterKind
  lang: LetterLang
  reference: string
  date: Day
  subject: string
  /** To whom, one line. */
  recipient: string
  /** Where it can be sent: the address, e-mail and web form the directory knows. */
  to: { name: string; email: string | null; webform: string | null }
  /** Plain text for an e-mail or a web form. */
  text: string
  /** A copy in the person's language of a letter that must go in the authority's language: for reading, not for sending. */
  courtesy: boolean
  blocks: LetterBlocks
}

export interface RenderOptions {
  /** The letter's date (YYYY-MM-DD); also the start of the deadline when no notice date is known. */
  today: Day
}

/** What every kind's text is written from. */
export interface LetterContext {
  facts: ComplaintFacts
  evidence: Evidence
  lang: LetterLang
  /** Which law the person's residence brings: the GDPR, or in the UK the UK GDPR and the DPA 2018. */
  law: 'eu' | 'uk'
  today: Day
  reference: string
  controller: Controller
  authorities: AuthorityChoice
  deadline: Deadline
  /** The English, German or French, by the letter's language (French falls back to English only where a test would see it). */
  t: (en: string, de: string, fr?: string) => string
  date: (day: Day) => string
}

/** What a kind decides; render.ts adds the parts every letter shares. */
export interface KindText {
  to: { lines: string[]; name: string; email: string | null; webform: string | null }
  /** The sender's lines, when not the person of the facts (the victim's letter). */
  sender?: string[]
  signature?: string
  subject: string
  salutation: string
  body: Block[]
  attachments: string[]
  /** Extra info lines at the right (the controller's reference …). */
  info?: [string, string][]
}

export type KindWriter = (c: LetterContext) => KindText

export const authorityTo = (a: Authority): KindText['to'] => {
  const name = OFFICIAL_NAMES[a.slug] ?? a.name
  return { lines: [name, ...a.address], name, email: a.email, webform: a.webform }
}
