import type { ComplaintFacts, EvidenceSummary, LetterLang } from '../../shared/model/complaint'
import type { FormPanel } from '../../shared/model/complaint-calls'
import { authority } from './authorities'
import { addMonths, type Day } from './deadlines'
import { archiveLine, count, dateRange, deviceLines, manifestLine, recordings } from './letters/evidence-text'
import type { LetterContext } from './letters/model'
import { letterContext } from './letters/render'
import { channelName, defaultHarm, respondentLine } from './letters/shared'

type Text3 = { en: string; de: string; fr: string }

interface FieldSpec {
  id: string
  label: Text3
  /** Characters the form accepts, or null where no limit is known (the panel then says so). */
  limit: number | null
  text: (c: LetterContext) => string
}

interface FormSpec {
  slug: string
  title: Text3
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

const L = (en: string, de: string, fr: string): Text3 => ({ en, de, fr })
const say = (ui: LetterLang, t: Text3) => t[ui]

const name: FieldSpec = { id: 'name', label: L('Your name', 'Ihr Name', 'Vos nom et prénom'), limit: null, text: (c) => c.facts.person.name }
const email: FieldSpec = { id: 'email', label: L('Your e-mail', 'Ihre E-Mail', 'Votre adresse électronique'), limit: null, text: (c) => c.facts.person.email }
const address: FieldSpec = { id: 'address', label: L('Your postal address', 'Ihre Anschrift', 'Votre adresse postale'), limit: null, text: (c) => c.facts.person.address }
const organisation: FieldSpec = { id: 'organisation', label: L('Organisation', 'Organisation', 'Organisme'), limit: null, text: (c) => respondentLine(c) }
const orgEmail: FieldSpec = { id: 'organisation-email', label: L("Organisation's privacy e-mail", 'Datenschutz-E-Mail der Organisation', "Adresse électronique « vie privée » de l'organisme"), limit: null, text: (c) => c.controller.email ?? c.controller.webform ?? '' }
const account: FieldSpec = { id: 'account', label: L('Your account with the organisation', 'Ihr Kundenkonto', "Votre compte auprès de l'organisme"), limit: null, text: (c) => c.facts.accountId }
const registration: FieldSpec = { id: 'registration', label: L('Company registration number', 'Handelsregisternummer', "Numéro d'immatriculation"), limit: null, text: (c) => c.controller.registration ?? c.t('(not known)', '(nicht bekannt)', '(inconnu)') }

/** What happened, short enough for a form: the request, the answer, what it held, and why it matters. */
function whatHappened(c: LetterContext): string {
  const f = c.facts
  const e = c.evidence
  const range = dateRange(e, c.lang)
  const r = range ? ` ${range}` : ''
  const devices = deviceLines(e, c.lang)
  return c.t(
    [
      `On ${c.date(f.requestDate)} I asked ${c.controller.legalName} ${channelName(c, 'them')} for a copy of my personal data (Art. 15 GDPR). Its answer, received on ${c.date(f.receiptDate)}, is the file ${archiveLine(e, 'en')}.`,
      `On ${c.date(f.discoveryDate)} I found in it ${recordings(e.foreignRecordings, 'en')}${r} that are not mine${devices.length > 0 ? ` (devices: ${devices.join('; ')})` : ''}.`,
      "This disclosure of another person's data is a personal data breach (Art. 4(12), 5(1)(f) and 32 GDPR), and my own access request has not been answered correctly (Art. 12(3), 15 GDPR); my own data may have gone to someone else.",
      `I have kept the files sealed and shared nothing. ${manifestLine(e, 'en')}.`
    ].join(' '),
    [
      `Am ${c.date(f.requestDate)} habe ich bei ${c.controller.legalName} ${channelName(c, 'them')} Auskunft über meine Daten beantragt (Art. 15 DSGVO). Die Auskunft vom ${c.date(f.receiptDate)} ist die Datei ${archiveLine(e, 'de')}.`,
      `Am ${c.date(f.discoveryDate)} habe ich darin ${recordings(e.foreignRecordings, 'de')}${r} gefunden, die nicht von mir stammen${devices.length > 0 ? ` (Geräte: ${devices.join('; ')})` : ''}.`,
      'Die Offenlegung fremder Daten ist eine Datenschutzverletzung (Art. 4 Nr. 12, Art. 5 Abs. 1 lit. f und Art. 32 DSGVO), und mein Auskunftsantrag ist nicht richtig beantwortet (Art. 12 Abs. 3, Art. 15 DSGVO); meine eigenen Daten könnten an Dritte gegangen sein.',
      `Die Dateien verwahre ich versiegelt und habe nichts weitergegeben. ${manifestLine(e, 'de')}.`
    ].join(' '),
    [
      `Le ${c.date(f.requestDate)}, j'ai demandé à ${c.controller.legalName} ${channelName(c, 'them')} une copie de mes données à caractère personnel (art. 15 du RGPD). Sa réponse, reçue le ${c.date(f.receiptDate)}, est le fichier ${archiveLine(e, 'fr')}.`,
      `Le ${c.date(f.discoveryDate)}, j'y ai trouvé ${recordings(e.foreignRecordings, 'fr')}${r} qui ne sont pas les miens${devices.length > 0 ? ` (appareils : ${devices.join(' ; ')})` : ''}.`,
      "Cette divulgation des données d'une autre personne constitue une violation de données (art. 4, point 12, art. 5, § 1, f), et art. 32 du RGPD), et ma propre demande d'accès n'a pas reçu de réponse correcte (art. 12, § 3, et art. 15 du RGPD) ; mes propres données ont pu être transmises à un tiers.",
      `J'ai conservé les fichiers sous scellé et n'ai rien communiqué. ${manifestLine(e, 'fr')}.`
    ].join(' ')
  )
}

function timeline(c: LetterContext): string {
  const f = c.facts
  const rows = [
    c.t(`${c.date(f.requestDate)}: access request (Art. 15 GDPR) sent ${channelName(c, 'them')}`, `${c.date(f.requestDate)}: Auskunftsantrag (Art. 15 DSGVO) ${channelName(c, 'them')}`, `${c.date(f.requestDate)} : demande d'accès (art. 15 du RGPD) envoyée ${channelName(c, 'them')}`),
    c.t(`${c.date(f.receiptDate)}: answer received (${count(c.evidence.foreignRecordings, 'en')} recordings not mine)`, `${c.date(f.receiptDate)}: Auskunft erhalten (${count(c.evidence.foreignRecordings, 'de')} fremde Aufnahmen)`, `${c.date(f.receiptDate)} : réponse reçue (${count(c.evidence.foreignRecordings, 'fr')} enregistrements qui ne sont pas les miens)`),
    c.t(`${c.date(f.discoveryDate)}: found the other person's data`, `${c.date(f.discoveryDate)}: fremde Daten bemerkt`, `${c.date(f.discoveryDate)} : découverte des données d'une autre personne`)
  ]
  if (f.noticeSentDate) {
    rows.push(
      c.t(
        `${c.date(f.noticeSentDate)}: told the organisation (breach notice, new access request; answer due ${c.date(c.deadline.effectiveDue)})`,
        `${c.date(f.noticeSentDate)}: Organisation informiert (Meldung, neuer Auskunftsantrag; Antwort fällig am ${c.date(c.deadline.effectiveDue)})`,
        `${c.date(f.noticeSentDate)} : organisme informé (signalement, nouvelle demande d'accès ; réponse attendue le ${c.date(c.deadline.effectiveDue)})`
      )
    )
  }
  if (f.refusalDate) rows.push(c.t(`${c.date(f.refusalDate)}: the organisation refused`, `${c.date(f.refusalDate)}: Ablehnung durch die Organisation`, `${c.date(f.refusalDate)} : refus de l'organisme`))
  if (f.priorContact.trim()) rows.push(f.priorContact.trim())
  return rows.join('\n')
}

function harm(c: LetterContext): string {
  return c.facts.harm.trim() || defaultHarm(c)
}

function remedy(c: LetterContext): string {
  return c.t(
    'A formal finding of the infringement and an order to answer my access request correctly and completely (Art. 58(2)(c)); an investigation of whether my data went to anyone else and of the breach; a check that the organisation notified the breach (Art. 33) and told the person concerned (Art. 34), with an order to do so if not (Art. 58(2)(e)); guidance on returning or destroying the files I hold.',
    'Die Feststellung des Verstoßes und die Anweisung, meinen Auskunftsantrag richtig und vollständig zu beantworten (Art. 58 Abs. 2 lit. c); eine Untersuchung, ob meine Daten an andere gingen, und der Verletzung selbst; eine Prüfung, ob die Organisation die Verletzung gemeldet (Art. 33) und die betroffene Person benachrichtigt hat (Art. 34), andernfalls deren Anordnung (Art. 58 Abs. 2 lit. e); Hinweise, wie ich die Dateien zurückgeben oder vernichten soll.',
    "La constatation du manquement et une injonction de répondre correctement et complètement à ma demande d'accès (art. 58, § 2, c)) ; une enquête sur la transmission éventuelle de mes données à des tiers et sur la violation ; la vérification que l'organisme a notifié la violation (art. 33) et informé la personne concernée (art. 34), et à défaut une injonction en ce sens (art. 58, § 2, e)) ; des indications pour restituer ou détruire les fichiers que je détiens."
  )
}

function priorContact(c: LetterContext): string {
  const f = c.facts
  const sent = f.noticeSentDate
    ? c.t(
        `I wrote to the organisation on ${c.date(f.noticeSentDate)}; the answer was due by ${c.date(c.deadline.effectiveDue)}.`,
        `Ich habe der Organisation am ${c.date(f.noticeSentDate)} geschrieben; die Antwort war bis zum ${c.date(c.deadline.effectiveDue)} fällig.`,
        `J'ai écrit à l'organisme le ${c.date(f.noticeSentDate)} ; la réponse était attendue au plus tard le ${c.date(c.deadline.effectiveDue)}.`
      )
    : c.t('I have not yet written to the organisation about this.', 'Ich habe die Organisation dazu noch nicht angeschrieben.', "Je n'ai pas encore écrit à l'organisme à ce sujet.")
  return [sent, f.priorContact.trim()].filter(Boolean).join(' ')
}

const attachmentsField = (c: LetterContext): string =>
  [
    c.t('Notice to the organisation (PDF)', 'Schreiben an die Organisation (PDF)', "Courrier adressé à l'organisme (PDF)"),
    c.t("The organisation's answer (e-mail with headers)", 'Antwort der Organisation (E-Mail mit Kopfzeilen)', "Réponse de l'organisme (courriel avec en-têtes)"),
    c.t('Evidence manifest (manifest.csv: paths, sizes, hashes; no audio)', 'Beweisverzeichnis (manifest.csv: Pfade, Größen, Hashwerte; kein Audio)', 'Inventaire des preuves (manifest.csv : chemins, tailles, empreintes ; aucun audio)'),
    c.t('My access request', 'Mein Auskunftsantrag', "Ma demande d'accès")
  ]
    .map((a, i) => `${i + 1}. ${a}`)
    .join('\n')

/** The authority expects the company to have been asked first; `who` names it in each UI language, so no warning mixes languages. */
const noNoticeYet = (c: LetterContext, ui: LetterLang, who: Text3) =>
  c.facts.noticeSentDate
    ? []
    : [
        say(ui, {
          en: `${who.en} expects you to have raised the matter with the organisation first: send the notice to the controller before this form.`,
          de: `${who.de} erwartet, dass Sie sich zuerst an die Organisation gewandt haben: Senden Sie zuerst das Schreiben an den Verantwortlichen.`,
          fr: `${who.fr} attend que vous vous soyez d'abord adressé à l'organisme : envoyez le courrier au responsable du traitement avant ce formulaire.`
        })
      ]

export const FORMS: Record<string, FormSpec> = {
  gbico: {
    slug: 'gbico',
    title: L('ICO – data protection complaint', 'ICO – Datenschutzbeschwerde', 'ICO – plainte relative à la protection des données'),
    url: 'https://ico.org.uk/make-a-complaint/data-protection-complaints/personal-information-complaint/',
    languages: ['en'],
    limitsKnown: true,
    maxFiles: 4,
    maxFileMb: 3,
    fields: [
      name,
      email,
      { ...address, label: L('Your address (optional; the ICO may share it with the organisation)', 'Ihre Anschrift (freiwillig; das ICO kann sie an die Organisation weitergeben)', "Votre adresse (facultative ; l'ICO peut la communiquer à l'organisme)") },
      organisation,
      orgEmail,
      { id: 'what-happened', label: L('What happened', 'Was ist passiert', "Ce qui s'est passé"), limit: 2000, text: whatHappened },
      { id: 'timeline', label: L('Timeline of dates', 'Zeitablauf', 'Chronologie'), limit: 2000, text: timeline },
      { id: 'harm', label: L('How it has affected you', 'Folgen für Sie', 'Conséquences pour vous'), limit: 2000, text: harm },
      { id: 'attachments', label: L('Supporting documents (max. 4 files, 3 MB each)', 'Unterlagen (höchstens 4 Dateien zu je 3 MB)', 'Pièces justificatives (4 fichiers de 3 Mo au plus)'), limit: null, text: attachmentsField }
    ],
    checks: (c, ui) => {
      const out = noNoticeYet(c, ui, L('The ICO', 'Das ICO', "L'ICO"))
      if (c.law === 'uk' && c.facts.noticeSentDate && c.today <= c.deadline.effectiveDue && !c.facts.refusalDate) {
        out.push(
          say(ui, {
            en: `Under s. 164A DPA 2018 (Data (Use and Access) Act 2025) the ICO expects the organisation's own complaint process to have run first: wait for its answer (due ${c.date(c.deadline.effectiveDue)}).`,
            de: `Nach s. 164A DPA 2018 (Data (Use and Access) Act 2025) erwartet das ICO, dass zuerst das Beschwerdeverfahren der Organisation durchlaufen ist: Warten Sie deren Antwort ab (fällig am ${c.date(c.deadline.effectiveDue)}).`,
            fr: `En vertu de la s. 164A DPA 2018 (Data (Use and Access) Act 2025), l'ICO attend que la procédure de réclamation de l'organisme ait d'abord été suivie : attendez sa réponse (attendue le ${c.date(c.deadline.effectiveDue)}).`
          })
        )
      }
      const last = c.facts.noticeSentDate
      if (last && addMonths(last, 3) < c.today) {
        out.push(
          say(ui, {
            en: 'The ICO expects a complaint within 3 months of your last meaningful contact with the organisation; that was longer ago.',
            de: 'Das ICO erwartet die Beschwerde binnen 3 Monaten nach dem letzten Kontakt mit der Organisation; dieser liegt länger zurück.',
            fr: "L'ICO attend une plainte dans les 3 mois suivant votre dernier échange utile avec l'organisme ; celui-ci est plus ancien."
          })
        )
      }
      return out
    }
  },
  iedpc: {
    slug: 'iedpc',
    title: L('Data Protection Commission (Ireland) – raise a concern', 'Data Protection Commission (Irland) – Beschwerde', "Data Protection Commission (Irlande) – signaler un problème"),
    url: 'https://forms.dataprotection.ie/contact',
    languages: ['en'],
    limitsKnown: false,
    maxFiles: null,
    maxFileMb: null,
    fields: [
      name,
      email,
      address,
      organisation,
      registration,
      account,
      { id: 'details', label: L('Details of your concern', 'Ihr Anliegen', 'Détails de votre préoccupation'), limit: null, text: whatHappened },
      { id: 'prior-contact', label: L('Contact with the organisation', 'Kontakt mit der Organisation', "Échanges avec l'organisme"), limit: null, text: priorContact },
      { id: 'outcome', label: L('What you would like', 'Ihr Ziel', 'Ce que vous souhaitez'), limit: null, text: remedy },
      { id: 'attachments', label: L('Evidence to upload', 'Hochzuladende Nachweise', 'Pièces à téléverser'), limit: null, text: attachmentsField }
    ],
    checks: (c, ui) => noNoticeYet(c, ui, L('The DPC', 'Die DPC', 'La DPC'))
  },
  lucnpd: {
    slug: 'lucnpd',
    title: L('CNPD (Luxembourg) – complaint form', 'CNPD (Luxemburg) – Beschwerdeformular', 'CNPD (Luxembourg) – formulaire de plainte'),
    url: 'https://cnpd.public.lu/en/particuliers/faire-valoir/formulaire-plainte.html',
    languages: ['en', 'de', 'fr'],
    limitsKnown: false,
    maxFiles: null,
    maxFileMb: null,
    fields: [
      name,
      email,
      address,
      organisation,
      account,
      { id: 'facts', label: L('Description of the facts', 'Sachverhalt', 'Description des faits'), limit: null, text: whatHappened },
      { id: 'timeline', label: L('Dates', 'Zeitablauf', 'Dates'), limit: null, text: timeline },
      { id: 'steps-taken', label: L('Steps taken with the controller', 'Schritte gegenüber dem Verantwortlichen', 'Démarches auprès du responsable du traitement'), limit: null, text: priorContact },
      { id: 'request', label: L('What you ask the CNPD to do', 'Ihr Anliegen an die CNPD', 'Ce que vous demandez à la CNPD'), limit: null, text: remedy },
      { id: 'attachments', label: L('Documents', 'Unterlagen', 'Documents'), limit: null, text: attachmentsField }
    ],
    checks: (c, ui) =>
      c.facts.noticeSentDate && c.today <= c.deadline.effectiveDue
        ? [
            say(ui, {
              en: 'The CNPD takes a complaint when the controller has not answered or exercising the right is difficult: the answer is not yet due.',
              de: 'Die CNPD nimmt Beschwerden an, wenn der Verantwortliche nicht geantwortet hat oder die Ausübung des Rechts schwierig ist: Die Antwortfrist läuft noch.',
              fr: "La CNPD reçoit une plainte lorsque le responsable du traitement n'a pas répondu ou que l'exercice du droit est difficile : la réponse n'est pas encore due."
            })
          ]
        : noNoticeYet(c, ui, L('The CNPD', 'Die CNPD', 'La CNPD'))
  },
  frcnil: {
    slug: 'frcnil',
    title: L('CNIL (France) – online complaint', 'CNIL (Frankreich) – Online-Beschwerde', 'CNIL – plainte en ligne'),
    url: 'https://www.cnil.fr/fr/plaintes',
    // The CNIL takes complaints in French: the field texts are French whatever the UI's language.
    languages: ['fr'],
    limitsKnown: false,
    maxFiles: null,
    maxFileMb: null,
    fields: [
      name,
      email,
      address,
      organisation,
      account,
      { id: 'description', label: L('Description of the problem', 'Beschreibung des Problems', 'Description de votre problème'), limit: null, text: whatHappened },
      { id: 'timeline', label: L('Dates', 'Zeitablauf', 'Chronologie'), limit: null, text: timeline },
      { id: 'steps-taken', label: L('Steps already taken with the organisation (proof required)', 'Bereits unternommene Schritte (mit Nachweis)', "Démarches déjà effectuées auprès de l'organisme (justificatifs requis)"), limit: null, text: priorContact },
      { id: 'request', label: L('What you ask the CNIL to do', 'Ihr Anliegen an die CNIL', 'Ce que vous demandez à la CNIL'), limit: null, text: remedy },
      { id: 'attachments', label: L('Documents', 'Unterlagen', 'Pièces jointes'), limit: null, text: attachmentsField }
    ],
    checks: (c, ui) => noNoticeYet(c, ui, L('The CNIL', 'Die CNIL', 'La CNIL'))
  }
}

/** The authorities whose web forms have copy panels. */
export const PANEL_AUTHORITIES = Object.keys(FORMS)

/**
 * The facts cut to the fields of one authority's web form, with each field's length against the
 * form's limit, and warnings where a field is too long or a rule of that authority is not met yet.
 * Field text is in the person's language where the form takes it, else in the form's; labels and
 * warnings wholly in the person's language.
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
        say(lang, {
          en: `“${spec.label.en}” is ${count(chars, 'en')} characters; the form takes ${count(spec.limit!, 'en')}. Shorten it before pasting.`,
          de: `„${spec.label.de}“ hat ${count(chars, 'de')} Zeichen; das Formular nimmt ${count(spec.limit!, 'de')}. Kürzen Sie den Text vor dem Einfügen.`,
          fr: `« ${spec.label.fr} » compte ${count(chars, 'fr')} caractères ; le formulaire en accepte ${count(spec.limit!, 'fr')}. Raccourcissez-le avant de le coller.`
        })
      )
    }
    return { id: spec.id, label: spec.label[lang], text, chars, limit: spec.limit, over }
  })
  if (!form.limitsKnown) {
    warnings.push(
      say(lang, {
        en: "This form's character limits are not known to us; check nothing is cut off when you paste.",
        de: 'Die Zeichengrenzen dieses Formulars sind uns nicht bekannt; prüfen Sie beim Einfügen, ob etwas abgeschnitten wird.',
        fr: 'Les limites de caractères de ce formulaire ne nous sont pas connues ; vérifiez que rien n’est tronqué en collant le texte.'
      })
    )
  }
  if (form.maxFiles !== null) {
    const files = attachmentsField(c).split('\n').length
    if (files > form.maxFiles) warnings.push(say(lang, { en: `The form takes at most ${form.maxFiles} files; combine documents.`, de: `Das Formular nimmt höchstens ${form.maxFiles} Dateien; fassen Sie Unterlagen zusammen.`, fr: `Le formulaire accepte au plus ${form.maxFiles} fichiers ; regroupez les documents.` }))
    if (form.maxFileMb !== null) warnings.push(say(lang, { en: `Each file may be at most ${form.maxFileMb} MB; never upload the audio files.`, de: `Jede Datei darf höchstens ${form.maxFileMb} MB groß sein; laden Sie nie die Audiodateien hoch.`, fr: `Chaque fichier peut faire au plus ${form.maxFileMb} Mo ; ne téléversez jamais les fichiers audio.` }))
  }
  if (textLang !== lang) {
    const names = { en: { en: 'English', de: 'Englisch', fr: 'anglais' }, de: { en: 'German', de: 'Deutsch', fr: 'allemand' }, fr: { en: 'French', de: 'Französisch', fr: 'français' } }[textLang]
    warnings.push(say(lang, { en: `This form is in ${names.en}; the field texts are therefore in ${names.en}.`, de: `Dieses Formular ist auf ${names.de}; die Feldtexte sind daher auf ${names.de}.`, fr: `Ce formulaire est en ${names.fr} ; les textes des champs sont donc en ${names.fr}.` }))
  }
  warnings.push(...form.checks(c, lang))
  const a = authority(form.slug)
  return { authority: a.slug, title: form.title[lang], url: form.url, fields, warnings }
}
