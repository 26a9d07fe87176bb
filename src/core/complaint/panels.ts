import type { ComplaintFacts, EvidenceSummary, LetterLang } from '../../shared/model/complaint'
import type { FormPanel } from '../../shared/model/complaint-calls'
import { authority } from './authorities'
import { addMonths, type Day } from './deadlines'
import { archiveLine, count, dateRange, deviceLines, manifestLine, recordings } from './letters/evidence-text'
import type { LetterContext } from './letters/model'
import { letterContext } from './letters/render'
import { channelName, respondentLine } from './letters/shared'

interface FieldSpec {
  id: string
  label: { en: string; de: string }
  /** Characters the form accepts, or null where no limit is known (the panel then says so). */
  limit: number | null
  text: (c: LetterContext) => string
}

interface FormSpec {
  slug: string
  title: { en: string; de: string }
  url: string
  /** Languages the form is written and read in; text is written in the first when the person's is not among them. */
  languages: LetterLang[]
  limitsKnown: boolean
  maxFiles: number | null
  maxFileMb: number | null
  fields: FieldSpec[]
  /** Checks particular to this authority's rules, in the UI's language. */
  checks: (c: LetterContext, ui: LetterLang) => string[]
}

const L = (en: string, de: string) => ({ en, de })

const name: FieldSpec = { id: 'name', label: L('Your name', 'Ihr Name'), limit: null, text: (c) => c.facts.person.name }
const email: FieldSpec = { id: 'email', label: L('Your e-mail', 'Ihre E-Mail'), limit: null, text: (c) => c.facts.person.email }
const address: FieldSpec = { id: 'address', label: L('Your postal address', 'Ihre Anschrift'), limit: null, text: (c) => c.facts.person.address }
const organisation: FieldSpec = { id: 'organisation', label: L('Organisation', 'Organisation'), limit: null, text: (c) => respondentLine(c) }
const orgEmail: FieldSpec = { id: 'organisation-email', label: L("Organisation's privacy e-mail", 'Datenschutz-E-Mail der Organisation'), limit: null, text: (c) => c.controller.email ?? '' }
const account: FieldSpec = { id: 'account', label: L('Your account with the organisation', 'Ihr Kundenkonto'), limit: null, text: (c) => c.facts.accountId }

/** What happened, short enough for a form: the request, the answer, what it held, and why it matters. */
function whatHappened(c: LetterContext): string {
  const f = c.facts
  const e = c.evidence
  const range = dateRange(e, c.lang)
  const devices = deviceLines(e, c.lang)
  return c.t(
    [
      `On ${c.date(f.requestDate)} I asked ${c.controller.legalName} ${channelName(c, 'them')} for a copy of my personal data (Art. 15 GDPR). Its answer, received on ${c.date(f.receiptDate)}, is the file ${archiveLine(e, 'en')}.`,
      `On ${c.date(f.discoveryDate)} I found in it ${recordings(e.foreignRecordings, 'en')}${range ? ` ${range}` : ''} that are not mine${devices.length > 0 ? ` (devices: ${devices.join('; ')})` : ''}.`,
      "This disclosure of another person's data is a personal data breach (Art. 4(12), 5(1)(f) and 32 GDPR), and my own access request has not been answered correctly (Art. 12(3), 15 GDPR); my own data may have gone to someone else.",
      `I have kept the files sealed and shared nothing. ${manifestLine(e, 'en')}.`
    ].join(' '),
    [
      `Am ${c.date(f.requestDate)} habe ich bei ${c.controller.legalName} ${channelName(c, 'them')} Auskunft über meine Daten beantragt (Art. 15 DSGVO). Die Auskunft vom ${c.date(f.receiptDate)} ist die Datei ${archiveLine(e, 'de')}.`,
      `Am ${c.date(f.discoveryDate)} habe ich darin ${recordings(e.foreignRecordings, 'de')}${range ? ` ${range}` : ''} gefunden, die nicht von mir stammen${devices.length > 0 ? ` (Geräte: ${devices.join('; ')})` : ''}.`,
      'Die Offenlegung fremder Daten ist eine Datenschutzverletzung (Art. 4 Nr. 12, Art. 5 Abs. 1 lit. f und Art. 32 DSGVO), und mein Auskunftsantrag ist nicht richtig beantwortet (Art. 12 Abs. 3, Art. 15 DSGVO); meine eigenen Daten könnten an Dritte gegangen sein.',
      `Die Dateien verwahre ich versiegelt und habe nichts weitergegeben. ${manifestLine(e, 'de')}.`
    ].join(' ')
  )
}

function timeline(c: LetterContext): string {
  const f = c.facts
  const rows = [
    c.t(`${c.date(f.requestDate)}: access request (Art. 15 GDPR) sent ${channelName(c, 'them')}`, `${c.date(f.requestDate)}: Auskunftsantrag (Art. 15 DSGVO) ${channelName(c, 'them')}`),
    c.t(`${c.date(f.receiptDate)}: answer received (${count(c.evidence.foreignRecordings, 'en')} recordings not mine)`, `${c.date(f.receiptDate)}: Auskunft erhalten (${count(c.evidence.foreignRecordings, 'de')} fremde Aufnahmen)`),
    c.t(`${c.date(f.discoveryDate)}: found the other person's data`, `${c.date(f.discoveryDate)}: fremde Daten bemerkt`)
  ]
  if (f.noticeSentDate) rows.push(c.t(`${c.date(f.noticeSentDate)}: told the organisation (breach notice, new access request; answer due ${c.date(c.deadline.due)})`, `${c.date(f.noticeSentDate)}: Organisation informiert (Meldung, neuer Auskunftsantrag; Antwort fällig ${c.date(c.deadline.due)})`))
  if (f.priorContact.trim()) rows.push(f.priorContact.trim())
  return rows.join('\n')
}

function harm(c: LetterContext): string {
  return (
    c.facts.harm.trim() ||
    c.t(
      "I do not know whether my own recordings from inside my home went to a stranger, and I hold another person's private recordings that I never asked for.",
      'Ich weiß nicht, ob meine eigenen Aufnahmen aus meiner Wohnung an Fremde gegangen sind, und habe private Aufnahmen einer anderen Person erhalten, die ich nie angefordert habe.'
    )
  )
}

function remedy(c: LetterContext): string {
  return c.t(
    'A correct and complete answer to my access request; an investigation of whether my data went to anyone else and of the breach; a check that the organisation notified the breach (Art. 33) and told the person concerned (Art. 34); guidance on returning or destroying the files I hold.',
    'Eine richtige und vollständige Auskunft; eine Untersuchung, ob meine Daten an andere gingen, und der Verletzung selbst; eine Prüfung, ob die Organisation die Verletzung gemeldet (Art. 33) und die betroffene Person benachrichtigt hat (Art. 34); Hinweise, wie ich die Dateien zurückgeben oder vernichten soll.'
  )
}

function priorContact(c: LetterContext): string {
  const f = c.facts
  const sent = f.noticeSentDate
    ? c.t(`I wrote to the organisation on ${c.date(f.noticeSentDate)}; the answer was due by ${c.date(c.deadline.due)}.`, `Ich habe der Organisation am ${c.date(f.noticeSentDate)} geschrieben; die Antwort war bis ${c.date(c.deadline.due)} fällig.`)
    : c.t('I have not yet written to the organisation about this.', 'Ich habe die Organisation dazu noch nicht angeschrieben.')
  return [sent, f.priorContact.trim()].filter(Boolean).join(' ')
}

const attachmentsField = (c: LetterContext): string =>
  [
    c.t('Notice to the organisation (PDF)', 'Schreiben an die Organisation (PDF)'),
    c.t("The organisation's answer (e-mail with headers)", 'Antwort der Organisation (E-Mail mit Kopfzeilen)'),
    c.t('Evidence manifest (manifest.csv: paths, sizes, hashes; no audio)', 'Beweisverzeichnis (manifest.csv: Pfade, Größen, Hashwerte; kein Audio)'),
    c.t('My access request', 'Mein Auskunftsantrag')
  ]
    .map((a, i) => `${i + 1}. ${a}`)
    .join('\n')

const noNoticeYet = (c: LetterContext, ui: LetterLang, who: string) =>
  c.facts.noticeSentDate
    ? []
    : [ui === 'de' ? `${who} erwartet, dass Sie sich zuerst an die Organisation gewandt haben: Senden Sie zuerst das Schreiben an den Verantwortlichen.` : `${who} expects you to have raised the matter with the organisation first: send the notice to the controller before this form.`]

export const FORMS: Record<string, FormSpec> = {
  gbico: {
    slug: 'gbico',
    title: L('ICO – data protection complaint', 'ICO – Datenschutzbeschwerde'),
    url: 'https://ico.org.uk/make-a-complaint/data-protection-complaints/personal-information-complaint/',
    languages: ['en'],
    limitsKnown: true,
    maxFiles: 4,
    maxFileMb: 3,
    fields: [
      name,
      email,
      { ...address, label: L('Your address (optional; the ICO may share it with the organisation)', 'Ihre Anschrift (freiwillig; das ICO kann sie an die Organisation weitergeben)') },
      organisation,
      orgEmail,
      { id: 'what-happened', label: L('What happened', 'Was ist passiert'), limit: 2000, text: whatHappened },
      { id: 'timeline', label: L('Timeline of dates', 'Zeitablauf'), limit: 2000, text: timeline },
      { id: 'harm', label: L('How it has affected you', 'Folgen für Sie'), limit: 2000, text: harm },
      { id: 'attachments', label: L('Supporting documents (max. 4 files, 3 MB each)', 'Unterlagen (höchstens 4 Dateien zu je 3 MB)'), limit: null, text: attachmentsField }
    ],
    checks: (c, ui) => {
      const out = noNoticeYet(c, ui, 'The ICO')
      const last = c.facts.noticeSentDate
      if (last && addMonths(last, 3) < c.today) {
        out.push(ui === 'de' ? 'Das ICO erwartet die Beschwerde binnen 3 Monaten nach dem letzten Kontakt mit der Organisation; dieser liegt länger zurück.' : 'The ICO expects a complaint within 3 months of your last meaningful contact with the organisation; that was longer ago.')
      }
      return out
    }
  },
  iedpc: {
    slug: 'iedpc',
    title: L('Data Protection Commission (Ireland) – raise a concern', 'Data Protection Commission (Irland) – Beschwerde'),
    url: 'https://forms.dataprotection.ie/contact',
    languages: ['en'],
    limitsKnown: false,
    maxFiles: null,
    maxFileMb: null,
    fields: [name, email, address, organisation, account, { id: 'details', label: L('Details of your concern', 'Ihr Anliegen'), limit: null, text: whatHappened }, { id: 'prior-contact', label: L('Contact with the organisation', 'Kontakt mit der Organisation'), limit: null, text: priorContact }, { id: 'outcome', label: L('What you would like', 'Ihr Ziel'), limit: null, text: remedy }, { id: 'attachments', label: L('Evidence to upload', 'Hochzuladende Nachweise'), limit: null, text: attachmentsField }],
    checks: (c, ui) => noNoticeYet(c, ui, 'The DPC')
  },
  lucnpd: {
    slug: 'lucnpd',
    title: L('CNPD (Luxembourg) – complaint form', 'CNPD (Luxemburg) – Beschwerdeformular'),
    url: 'https://cnpd.public.lu/en/particuliers/faire-valoir/formulaire-plainte.html',
    languages: ['en', 'de'],
    limitsKnown: false,
    maxFiles: null,
    maxFileMb: null,
    fields: [name, email, address, organisation, account, { id: 'facts', label: L('Description of the facts', 'Sachverhalt'), limit: null, text: whatHappened }, { id: 'timeline', label: L('Dates', 'Zeitablauf'), limit: null, text: timeline }, { id: 'steps-taken', label: L('Steps taken with the controller', 'Schritte gegenüber dem Verantwortlichen'), limit: null, text: priorContact }, { id: 'request', label: L('What you ask the CNPD to do', 'Ihr Anliegen an die CNPD'), limit: null, text: remedy }, { id: 'attachments', label: L('Documents', 'Unterlagen'), limit: null, text: attachmentsField }],
    checks: (c, ui) =>
      c.facts.noticeSentDate && c.today <= c.deadline.due
        ? [ui === 'de' ? 'Die CNPD nimmt Beschwerden an, wenn der Verantwortliche nicht geantwortet hat oder die Ausübung des Rechts schwierig ist: Die Antwortfrist läuft noch.' : 'The CNPD takes a complaint when the controller has not answered or exercising the right is difficult: the answer is not yet due.']
        : noNoticeYet(c, ui, 'The CNPD')
  }
}

/** The authorities whose web forms have copy panels. */
export const PANEL_AUTHORITIES = Object.keys(FORMS)

/**
 * The facts cut to the fields of one authority's web form, with each field's length against the
 * form's limit, and warnings where a field is too long or a rule of that authority is not met yet.
 * Field text is in the person's language where the form takes it, else in English; labels and
 * warnings in the person's language.
 */
export function formPanels(authoritySlug: string, facts: ComplaintFacts, evidence: EvidenceSummary, lang: LetterLang, options: { today: Day }): FormPanel {
  const form = FORMS[authoritySlug]
  if (!form) throw new Error(`No form panel for the authority ${authoritySlug}; there are panels for ${PANEL_AUTHORITIES.join(', ')}.`)
  const textLang = form.languages.includes(lang) ? lang : form.languages[0]!
  const c = letterContext(facts, evidence, textLang, options.today)
  const warnings: string[] = []
  const fields = form.fields.map((spec) => {
    const text = spec.text(c)
    // Browsers count a field's maxlength in UTF-16 code units, as String.length does.
    const chars = text.length
    const over = spec.limit !== null && chars > spec.limit
    if (over) {
      warnings.push(
        lang === 'de'
          ? `„${spec.label.de}“ hat ${count(chars, 'de')} Zeichen; das Formular nimmt ${count(spec.limit!, 'de')}. Kürzen Sie den Text vor dem Einfügen.`
          : `“${spec.label.en}” is ${count(chars, 'en')} characters; the form takes ${count(spec.limit!, 'en')}. Shorten it before pasting.`
      )
    }
    return { id: spec.id, label: spec.label[lang], text, chars, limit: spec.limit, over }
  })
  if (!form.limitsKnown) warnings.push(lang === 'de' ? 'Die Zeichengrenzen dieses Formulars sind uns nicht bekannt; prüfen Sie beim Einfügen, ob etwas abgeschnitten wird.' : "This form's character limits are not known to us; check nothing is cut off when you paste.")
  if (form.maxFiles !== null) {
    const files = attachmentsField(c).split('\n').length
    if (files > form.maxFiles) warnings.push(lang === 'de' ? `Das Formular nimmt höchstens ${form.maxFiles} Dateien; fassen Sie Unterlagen zusammen.` : `The form takes at most ${form.maxFiles} files; combine documents.`)
    if (form.maxFileMb !== null) warnings.push(lang === 'de' ? `Jede Datei darf höchstens ${form.maxFileMb} MB groß sein; laden Sie nie die Audiodateien hoch.` : `Each file may be at most ${form.maxFileMb} MB; never upload the audio files.`)
  }
  if (textLang !== lang) warnings.push(lang === 'de' ? 'Dieses Formular ist englischsprachig; die Feldtexte sind daher auf Englisch.' : 'This form is in another language; the field texts are in English.')
  warnings.push(...form.checks(c, lang))
  const a = authority(form.slug)
  return { authority: a.slug, title: form.title[lang], url: form.url, fields, warnings }
}
