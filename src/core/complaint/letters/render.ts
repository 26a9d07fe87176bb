import { EvidenceSummarySchema, type ComplaintFacts, type EvidenceSummary, type LetterKind, type LetterLang } from '../../../shared/model/complaint'
import { controllerOf } from '../controllers'
import { deadlineFor, longDate } from '../deadlines'
import { pickAuthorities } from '../pick'
import { caseReference } from '../reference'
import { art77Complaint } from './art77-complaint'
import { breachReport } from './breach-report'
import { controllerNotice } from './controller-notice'
import { exportText } from './evidence-text'
import { followUp } from './follow-up'
import type { Block, KindText, KindWriter, LetterBlocks, LetterContext, RenderOptions, RenderedLetter } from './model'
import { respondentLine, routeLines } from './shared'
import { victimRequest } from './victim-request'

const WRITERS: Record<LetterKind, KindWriter> = {
  'controller-notice': controllerNotice,
  'art77-complaint': art77Complaint,
  'breach-report': breachReport,
  'victim-request': victimRequest,
  'follow-up': followUp
}

export const TO_AUTHORITY: ReadonlySet<LetterKind> = new Set(['art77-complaint', 'breach-report'])

const LABELS = {
  en: { ours: 'Our reference', theirs: 'Your reference', date: 'Date', subject: 'Subject', to: 'To', concerns: 'Concerns', attachments: 'Attachments', closing: 'Yours faithfully,', courtesy: 'Courtesy copy for reading – the letter to send is the one in the authority’s language.' },
  de: { ours: 'Unser Zeichen', theirs: 'Ihr Zeichen', date: 'Datum', subject: 'Betreff', to: 'An', concerns: 'Betrifft', attachments: 'Anlagen', closing: 'Mit freundlichen Grüßen', courtesy: 'Lesefassung – zu versenden ist das Schreiben in der Sprache der Behörde.' },
  fr: { ours: 'Notre référence', theirs: 'Votre référence', date: 'Date', subject: 'Objet', to: 'Destinataire', concerns: 'Concerne', attachments: 'Pièces jointes', closing: "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes salutations distinguées.", courtesy: "Copie de courtoisie pour lecture – le courrier à envoyer est celui rédigé dans la langue de l'autorité." }
}

/** The strings of the facts that may have come from the export (the wizard suggests them): one line, shortened. */
function safeFacts(f: ComplaintFacts): ComplaintFacts {
  return { ...f, accountId: exportText(f.accountId, 120), controllerReference: exportText(f.controllerReference, 80), service: exportText(f.service, 80) }
}

export function letterContext(facts: ComplaintFacts, evidence: EvidenceSummary, lang: LetterLang, today: string): LetterContext {
  const f = safeFacts({ ...facts, lang })
  const law = f.person.country.toLowerCase() === 'gb' ? 'uk' : 'eu'
  return {
    facts: f,
    evidence: EvidenceSummarySchema.parse(evidence),
    lang,
    law,
    today,
    reference: caseReference(f),
    controller: controllerOf(f.controller, f.service),
    authorities: pickAuthorities(f),
    deadline: deadlineFor(f, { today }),
    t: (en, de, fr) => (lang === 'de' ? de : lang === 'fr' ? (fr ?? en) : en),
    date: (day) => longDate(day, lang)
  }
}

/**
 * In the UK the same article numbers are those of the UK GDPR: every "GDPR" (or "DSGVO", "RGPD")
 * citation says so. The EU-only articles (56, 60) are never written for a UK residence.
 */
function lawOf(c: LetterContext, text: string): string {
  if (c.law !== 'uk') return text
  return text.replace(/(?<!UK )\bGDPR\b/g, 'UK GDPR').replace(/\bDSGVO\b/g, 'UK GDPR').replace(/\bRGPD\b/g, 'UK GDPR')
}

function withLaw(c: LetterContext, k: KindText): KindText {
  const m = (s: string) => lawOf(c, s)
  return {
    ...k,
    subject: m(k.subject),
    body: k.body.map((b): Block => (b.kind === 'list' ? { ...b, items: b.items.map(m) } : { ...b, text: m(b.text) })),
    attachments: k.attachments.map(m)
  }
}

/**
 * One letter of the case, in `lang` (the facts' language unless told): its blocks for the PDF and
 * its plain text for an e-mail or a web form. Pure: the same facts, evidence and date give the same letter.
 */
export function renderLetter(kind: LetterKind, facts: ComplaintFacts, evidence: EvidenceSummary, options: RenderOptions & { lang?: LetterLang; courtesy?: boolean }): RenderedLetter {
  const lang = options.lang ?? facts.lang
  let c = letterContext(facts, evidence, lang, options.today)
  // The victim writes on their own, on a day of their choosing; their deadline does not run from the recipient's notice.
  if (kind === 'victim-request') c = { ...c, deadline: deadlineFor({ ...c.facts, noticeSentDate: undefined, noticeReceivedDate: undefined, refusalDate: undefined, extensionNotified: false }, { today: options.today }) }
  const k = withLaw(c, WRITERS[kind](c))
  const L = LABELS[lang]
  const person = c.facts.person
  const victim = kind === 'victim-request'
  const sender = k.sender ?? [person.name, ...lines(person.address), ...(person.email ? [person.email] : [])]
  // The victim's letter carries no reference or date of ours: it is theirs, dated when they send it.
  const info: [string, string][] = victim ? [] : [[L.ours, c.reference]]
  const theirs = c.facts.controllerReference.trim()
  if (theirs && !TO_AUTHORITY.has(kind) && !victim) info.push([L.theirs, theirs])
  // A notice already sent keeps the day it went; everything else is dated today.
  const dated = kind === 'controller-notice' && c.facts.noticeSentDate ? c.facts.noticeSentDate : options.today
  info.push(...(k.info ?? []), [L.date, victim ? c.t('[date]', '[Datum]', '[date]') : c.date(dated)])
  const courtesy = options.courtesy === true
  const body: Block[] = k.body
  const blocks: LetterBlocks = {
    sender,
    // Name and address only: the e-mail line (or its placeholder) has no place on an envelope.
    returnLine: sender.filter((l) => !l.includes('@') && !/e-mail|courriel/i.test(l)).join(' · '),
    recipient: k.to.lines,
    info,
    subject: k.subject,
    salutation: k.salutation,
    // A reading copy says so first thing under the subject; a letter to the company names its delivery routes there.
    routes: [...(courtesy ? [L.courtesy] : []), ...(TO_AUTHORITY.has(kind) ? [] : routeLines(c))],
    body,
    closing: L.closing,
    signature: k.signature ?? person.name,
    attachmentsTitle: L.attachments,
    attachments: k.attachments,
    footer: victim ? '' : `${L.ours} ${c.reference}`
  }
  const recipient = [k.to.name, ...k.to.lines.slice(1)].join(', ')
  // French sets a space before the colon.
  const colon = lang === 'fr' ? '\u00a0: ' : ': '
  const head = [
    ...(courtesy ? [L.courtesy] : []),
    `${L.subject}${colon}${k.subject}`,
    ...info.map(([label, value]) => `${label}${colon}${value}`),
    `${L.to}${colon}${recipient}${k.to.email ? ` <${k.to.email}>` : ''}`,
    // Where else the letter may be delivered: each route labelled as only that.
    ...(TO_AUTHORITY.has(kind) ? [] : routeLines(c)),
    ...(TO_AUTHORITY.has(kind) ? [`${L.concerns}${colon}${lawOf(c, respondentLine(c))}`] : [])
  ]
  const text = [
    head.join('\n'),
    k.salutation,
    ...body.map(blockText),
    [L.closing, blocks.signature, ...sender.filter((l) => l !== blocks.signature)].join('\n'),
    [`${L.attachments}${colon.trimEnd()}`, ...k.attachments.map((a, i) => `${i + 1}. ${a}`)].join('\n')
  ].join('\n\n')
  return { kind, lang, reference: c.reference, date: dated, subject: k.subject, recipient, to: { name: k.to.name, email: k.to.email, webform: k.to.webform }, text: `${text}\n`, blocks, courtesy }
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
