import type { ComplaintFacts, EvidenceSummary, LetterKind, LetterLang } from '../../../shared/model/complaint'
import { controllerOf } from '../controllers'
import { deadlineFor, longDate } from '../deadlines'
import { pickAuthorities } from '../pick'
import { caseReference } from '../reference'
import { art77Complaint } from './art77-complaint'
import { breachReport } from './breach-report'
import { controllerNotice } from './controller-notice'
import { followUp } from './follow-up'
import type { Block, KindWriter, LetterBlocks, LetterContext, RenderOptions, RenderedLetter } from './model'
import { respondentLine } from './shared'
import { victimRequest } from './victim-request'

const WRITERS: Record<LetterKind, KindWriter> = {
  'controller-notice': controllerNotice,
  'art77-complaint': art77Complaint,
  'breach-report': breachReport,
  'victim-request': victimRequest,
  'follow-up': followUp
}

const TO_AUTHORITY: ReadonlySet<LetterKind> = new Set(['art77-complaint', 'breach-report'])

const LABELS = {
  en: { ours: 'Our reference', theirs: 'Your reference', date: 'Date', subject: 'Subject', to: 'To', concerns: 'Concerns', attachments: 'Attachments', closing: 'Yours faithfully,', email: 'E-mail', webform: 'Web form' },
  de: { ours: 'Unser Zeichen', theirs: 'Ihr Zeichen', date: 'Datum', subject: 'Betreff', to: 'An', concerns: 'Betrifft', attachments: 'Anlagen', closing: 'Mit freundlichen Grüßen', email: 'E-Mail', webform: 'Webformular' }
}

export function letterContext(facts: ComplaintFacts, evidence: EvidenceSummary, lang: LetterLang, today: string): LetterContext {
  const f = { ...facts, lang }
  return {
    facts: f,
    evidence,
    lang,
    today,
    reference: caseReference(f),
    controller: controllerOf(f.controller, f.service),
    authorities: pickAuthorities(f),
    deadline: deadlineFor(f, { today }),
    t: (en, de) => (lang === 'de' ? de : en),
    date: (day) => longDate(day, lang)
  }
}

/**
 * One letter of the case, in the facts' language: its blocks for the PDF and its plain text for an
 * e-mail or a web form. Pure: the same facts, evidence and date give the same letter.
 */
export function renderLetter(kind: LetterKind, facts: ComplaintFacts, evidence: EvidenceSummary, options: RenderOptions): RenderedLetter {
  const lang = facts.lang
  let c = letterContext(facts, evidence, lang, options.today)
  // The victim writes on their own, today; their deadline does not run from the recipient's notice.
  if (kind === 'victim-request') c = { ...c, deadline: deadlineFor({ ...c.facts, noticeSentDate: undefined }, { today: options.today }) }
  const k = WRITERS[kind](c)
  const L = LABELS[lang]
  const person = c.facts.person
  const sender = k.sender ?? [person.name, ...lines(person.address), ...(person.email ? [person.email] : [])]
  const info: [string, string][] = [[L.ours, c.reference]]
  const theirs = c.facts.controllerReference.trim()
  if (theirs && !TO_AUTHORITY.has(kind) && kind !== 'victim-request') info.push([L.theirs, theirs])
  info.push(...(k.info ?? []), [L.date, c.date(options.today)])
  const blocks: LetterBlocks = {
    sender,
    // Name and address only: the e-mail line (or its placeholder) has no place on an envelope.
    returnLine: sender.filter((l) => !l.includes('@') && !/e-mail/i.test(l)).join(' · '),
    recipient: k.to.lines,
    info,
    subject: k.subject,
    salutation: k.salutation,
    body: k.body,
    closing: L.closing,
    signature: k.signature ?? person.name,
    attachmentsTitle: L.attachments,
    attachments: k.attachments,
    footer: `${L.ours} ${c.reference}`
  }
  const recipient = [k.to.name, ...k.to.lines.slice(1)].join(', ')
  const head = [
    `${L.subject}: ${k.subject}`,
    ...info.map(([label, value]) => `${label}: ${value}`),
    `${L.to}: ${recipient}${k.to.email ? ` <${k.to.email}>` : ''}`,
    ...(TO_AUTHORITY.has(kind) ? [`${L.concerns}: ${respondentLine(c)}`] : [])
  ]
  const text = [
    head.join('\n'),
    k.salutation,
    ...k.body.map(blockText),
    [L.closing, blocks.signature, ...sender.filter((l) => l !== blocks.signature)].join('\n'),
    [`${L.attachments}:`, ...k.attachments.map((a, i) => `${i + 1}. ${a}`)].join('\n')
  ].join('\n\n')
  return { kind, lang, reference: c.reference, date: options.today, subject: k.subject, recipient, to: { name: k.to.name, email: k.to.email, webform: k.to.webform }, text: `${text}\n`, blocks }
}

const lines = (address: string) => address.split('\n').map((l) => l.trim()).filter(Boolean)

export function blockText(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return b.text
    case 'paragraph':
      return b.text
    case 'list':
      return b.items.map((item, i) => `${b.numbered ? `${i + 1}.` : '-'} ${item}`).join('\n')
  }
}
