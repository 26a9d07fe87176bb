import type { ComplaintFacts, EvidenceSummary, LetterKind, LetterLang } from '../../shared/model/complaint'
import { ComplaintFactsSchema, EvidenceSummarySchema, LetterKindSchema } from '../../shared/model/complaint'
import type { AuthorityView, ComplaintPreview, FormPanel } from '../../shared/model/complaint-calls'
import { authorityIn, type Authority } from './authorities'
import { controllerOf } from './controllers'
import { deadlineFor, longDate, type Day } from './deadlines'
import { deadlineIcs } from './ics'
import type { RenderedLetter } from './letters/model'
import { renderLetter, TO_AUTHORITY } from './letters/render'
import { formPanels, PANEL_AUTHORITIES } from './panels'
import { letterPdf } from './pdf'
import { pickAuthorities, type AuthorityChoice } from './pick'
import { casePlan, dateProblems, letterBlocked, noForeignRecordings } from './plan'

export interface LetterFile {
  name: string
  bytes: Buffer
}

const ALL_KINDS = LetterKindSchema.options
const LANGS: readonly LetterLang[] = ['en', 'de', 'fr']

/** `controller-notice-en-2026-K3J9Q2A.pdf`: the kind says what it is, the reference ties it to the case; a reading copy says so. */
export const letterFileName = (letter: Pick<RenderedLetter, 'kind' | 'reference' | 'lang'> & { courtesy?: boolean }, ext: 'pdf' | 'txt') =>
  `${letter.kind}-${letter.lang}${letter.courtesy ? '-courtesy-copy' : ''}-${letter.reference}.${ext}`

const todayUtc = () => new Date().toISOString().slice(0, 10)

// Callers may hand facts that skipped the schema (a test, a script): its defaults fill the gaps.
const normal = (facts: ComplaintFacts): ComplaintFacts => ComplaintFactsSchema.parse(facts)

/**
 * The language a letter goes in. Letters to an authority go in the language it takes complaints in
 * (German for the German and Austrian authorities, French for the CNIL) whatever the UI's language;
 * letters to the company in the person's language.
 */
export function sendingLanguage(kind: LetterKind, facts: ComplaintFacts, choice: AuthorityChoice = pickAuthorities(facts)): LetterLang {
  if (!TO_AUTHORITY.has(kind)) return facts.lang
  const wanted = choice.complaint.complaintLanguage
  return wanted && (LANGS as readonly string[]).includes(wanted) ? (wanted as LetterLang) : facts.lang
}

function authorityView(a: Authority, role: 'complaint' | 'lead', reason: string): AuthorityView {
  return {
    slug: a.slug,
    name: a.name,
    reason,
    role,
    address: a.address.join('\n'),
    webForm: a.webform,
    email: a.email,
    pgpFingerprint: a.pgpFingerprint,
    complaintLanguage: a.complaintLanguage,
    dataDate: a.dataDate
  }
}

const say = (lang: LetterLang, en: string, de: string, fr: string) => (lang === 'de' ? de : lang === 'fr' ? fr : en)
const LANG_NAME: Record<LetterLang, Record<LetterLang, string>> = {
  en: { en: 'English', de: 'German', fr: 'French' },
  de: { en: 'Englisch', de: 'Deutsch', fr: 'Französisch' },
  fr: { en: 'anglais', de: 'allemand', fr: 'français' }
}

/** Every line the person should read before sending, in the facts' language: the app and the CLI print the same. */
export function caseNotes(facts: ComplaintFacts, evidence: EvidenceSummary, today: Day): string[] {
  const f = normal(facts)
  const lang = f.lang
  const choice = pickAuthorities(f)
  const complaint = choice.complaint
  const e = EvidenceSummarySchema.parse(evidence)
  const notes = [...choice.notes]
  const controller = controllerOf(f.controller, f.service)
  for (const p of dateProblems(f, today)) notes.push(p.message)
  // Language: the authority's, whatever the UI's, with a reading copy.
  const authorityLang = sendingLanguage('art77-complaint', f, choice)
  if (authorityLang !== lang) {
    notes.push(
      say(
        lang,
        `${authorityIn(complaint, 'en').replace(/^the /, 'The ')} takes complaints in ${LANG_NAME.en[authorityLang]}: the complaint and the report to it are written in ${LANG_NAME.en[authorityLang]}; a reading copy in English is beside them (do not send it).`,
        `${capital(authorityIn(complaint, 'de'))} nimmt Beschwerden auf ${LANG_NAME.de[authorityLang]} entgegen: Beschwerde und Hinweis sind daher auf ${LANG_NAME.de[authorityLang]} verfasst; eine deutsche Lesefassung liegt bei (nicht versenden).`,
        `${capital(authorityIn(complaint, 'fr'))} reçoit les réclamations en ${LANG_NAME.fr[authorityLang]} : la réclamation et le signalement sont donc rédigés en ${LANG_NAME.fr[authorityLang]} ; une copie de lecture en français les accompagne (à ne pas envoyer).`
      )
    )
  } else if (complaint.complaintLanguage && !(LANGS as readonly string[]).includes(complaint.complaintLanguage)) {
    notes.push(say(lang, `${complaint.name} takes complaints in "${complaint.complaintLanguage}"; these letters are in English.`, `${complaint.name} nimmt Beschwerden auf „${complaint.complaintLanguage}“ entgegen; diese Schreiben sind auf Deutsch.`, `${complaint.name} reçoit les réclamations en « ${complaint.complaintLanguage} » ; ces courriers sont en français.`))
  }
  if (controller.checked === 'unverified') {
    notes.push(say(lang, `The controller's details (${controller.legalName}) are not verified: check its privacy notice before sending.`, `Die Angaben zum Verantwortlichen (${controller.legalName}) sind nicht geprüft: Prüfen Sie vor dem Versand seine Datenschutzerklärung.`, `Les coordonnées du responsable du traitement (${controller.legalName}) ne sont pas vérifiées : consultez sa politique de confidentialité avant l'envoi.`))
  }
  for (const r of controller.deliveryRoutes) notes.push(`${say(lang, 'Delivery route', 'Zustellweg', 'Voie de remise')}: ${[r.email, r.postal.join(', ')].filter(Boolean).join('; ')} – ${r.label[lang]}`)
  if (!e.manifestSha256) notes.push(say(lang, 'The evidence manifest does not exist yet: the letters print its SHA-256 once the evidence bundle is saved.', 'Das Beweisverzeichnis ist noch nicht erstellt: Die Schreiben nennen seinen SHA-256 erst, wenn das Beweispaket gespeichert wird.', "L'inventaire des preuves n'existe pas encore : les courriers indiquent son SHA-256 une fois le dossier de preuves enregistré."))
  if (!e.archiveSha256 && e.parts.length <= 1) notes.push(say(lang, "The export's SHA-256 has not been computed yet.", 'Der SHA-256 des Exports ist noch nicht berechnet.', "Le SHA-256 de l'export n'a pas encore été calculé."))
  if (e.review?.weakOnly) notes.push(say(lang, 'Only weak signs flag these recordings: the letters say "I believe" and ask for clarification instead of asserting a breach.', 'Nur schwache Anzeichen sprechen gegen diese Aufnahmen: Die Schreiben sagen „nach meiner Einschätzung“ und bitten um Aufklärung, statt eine Verletzung zu behaupten.', "Seuls des indices faibles désignent ces enregistrements : les courriers disent « je pense » et demandent des éclaircissements au lieu d'affirmer une violation."))
  if (!f.noticeSentDate) notes.push(say(lang, 'No notice date yet: the deadline is counted as if the notice went today, and the follow-up is not written.', 'Noch kein Absendedatum: Die Frist ist gezählt, als ginge das Schreiben heute ab, und das Erinnerungsschreiben entsteht nicht.', "Pas encore de date d'envoi : le délai est calculé comme si le courrier partait aujourd'hui, et la relance n'est pas rédigée."))
  const d = deadlineFor(f, { today })
  if (d.receiptEstimated) notes.push(say(lang, `The notice went by post: its deadline counts from delivery, taken as ${longDate(d.receiptDate, lang)}. Enter the delivery date (noticeReceivedDate) when you know it.`, `Das Schreiben ging per Post: Die Frist läuft ab Zugang, angenommen am ${longDate(d.receiptDate, lang)}. Tragen Sie das Zugangsdatum (noticeReceivedDate) ein, sobald Sie es kennen.`, `Le courrier est parti par la poste : le délai court à compter de sa remise, estimée au ${longDate(d.receiptDate, lang)}. Indiquez la date de remise (noticeReceivedDate) dès que vous la connaissez.`))
  // German authorities ask that complaints with personal data are not sent by plain e-mail.
  if (complaint.pgpFingerprint) {
    notes.push(say(lang, `By e-mail only encrypted to ${complaint.email ?? complaint.name} (PGP ${complaint.pgpFingerprint}); otherwise the web form or post.`, `Per E-Mail nur verschlüsselt an ${complaint.email ?? complaint.name} (PGP ${complaint.pgpFingerprint}); sonst Webformular oder Post.`, `Par courriel uniquement chiffré vers ${complaint.email ?? complaint.name} (PGP ${complaint.pgpFingerprint}) ; sinon le formulaire en ligne ou la poste.`))
  }
  notes.push(
    say(
      lang,
      'The letter for the person whose recordings were disclosed is for them to send: the app does not know them and does not look for them; they fill in the sender, the date and the signature.',
      'Der Brief an den Verantwortlichen im Namen der betroffenen Person ist für diese bestimmt: Die App kennt sie nicht und sucht nicht nach ihr; Absender, Datum und Unterschrift füllt sie selbst aus.',
      "Le courrier destiné à la personne dont les enregistrements ont été divulgués est à envoyer par elle : l'application ne la connaît pas et ne la recherche pas ; elle complète elle-même l'expéditeur, la date et la signature."
    )
  )
  return notes
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** A reason no letter at all may be written (nothing flagged), else null. */
export function refusalOf(facts: ComplaintFacts, evidence: EvidenceSummary): string | null {
  return evidence.foreignRecordings === 0 ? noForeignRecordings(normal(facts).lang) : null
}

/**
 * The complaint engine as the wizard's handlers and the CLI use it: every letter as PDF and text,
 * the preview (authorities, deadline, plan, letters, form panels, notes), and the plan's .ics.
 */
export const complaintLetters = {
  /**
   * The letters that can be written today, each in the language it is sent in, plus a reading copy
   * in the person's language where that differs. Letters held back (see `withheld`) are left out.
   */
  letters(facts: ComplaintFacts, evidence: EvidenceSummary, kinds: readonly LetterKind[], options: { today: Day }): (RenderedLetter & { courtesy: boolean })[] {
    const f = normal(facts)
    const choice = pickAuthorities(f)
    const out: RenderedLetter[] = []
    for (const kind of kinds) {
      if (letterBlocked(kind, f, evidence, options.today)) continue
      const lang = sendingLanguage(kind, f, choice)
      out.push(renderLetter(kind, f, evidence, { today: options.today, lang }))
      if (lang !== f.lang) out.push(renderLetter(kind, f, evidence, { today: options.today, lang: f.lang, courtesy: true }))
    }
    return out
  },

  /** The letters not written today, each with why. */
  withheld(facts: ComplaintFacts, evidence: EvidenceSummary, kinds: readonly LetterKind[], options: { today: Day }): { kind: LetterKind; reason: string }[] {
    const f = normal(facts)
    return kinds.flatMap((kind) => {
      const reason = letterBlocked(kind, f, evidence, options.today)
      return reason ? [{ kind, reason }] : []
    })
  },

  async files(facts: ComplaintFacts, evidence: EvidenceSummary, kinds: readonly LetterKind[], options: { today: Day }): Promise<LetterFile[]> {
    const files: LetterFile[] = []
    for (const letter of complaintLetters.letters(facts, evidence, kinds, options)) {
      files.push({ name: letterFileName(letter, 'pdf'), bytes: await letterPdf(letter) })
      files.push({ name: letterFileName(letter, 'txt'), bytes: Buffer.from(letter.text, 'utf8') })
    }
    return files
  },

  panels(input: ComplaintFacts, evidence: EvidenceSummary, options: { today: Day }): FormPanel[] {
    const facts = normal(input)
    const { complaint, lead } = pickAuthorities(facts)
    // The authorities picked for this case come first; the other forms we know follow, since a person may file elsewhere (Art. 77(1)).
    const picked = [complaint.slug, lead?.slug].filter((s): s is string => Boolean(s && PANEL_AUTHORITIES.includes(s)))
    const slugs = [...new Set([...picked, ...PANEL_AUTHORITIES])]
    return slugs.map((slug) => formPanels(slug, facts, evidence, facts.lang, options))
  },

  preview(input: ComplaintFacts, evidence: EvidenceSummary, options: { today: Day }): ComplaintPreview {
    const facts = normal(input)
    const choice = pickAuthorities(facts)
    const d = deadlineFor(facts, options)
    const authorities = [authorityView(choice.complaint, 'complaint', choice.reason), ...(choice.lead ? [authorityView(choice.lead, 'lead', choice.leadReason)] : [])]
    const refusal = refusalOf(facts, evidence)
    const withheld = refusal ? [] : complaintLetters.withheld(facts, evidence, ALL_KINDS, options)
    return {
      authorities,
      deadline: { receiptDate: d.receiptDate, due: d.effectiveDue, extendedDue: d.extendedDue, basis: d.basis, overdue: d.overdue },
      letters: refusal ? [] : complaintLetters.letters(facts, evidence, ALL_KINDS, options).map((l) => ({ kind: l.kind, lang: l.lang, subject: l.subject, recipient: l.recipient, text: l.text, courtesy: l.courtesy })),
      panels: refusal ? [] : complaintLetters.panels(facts, evidence, options),
      evidence: EvidenceSummarySchema.parse(evidence),
      notes: [...(refusal ? [refusal] : []), ...withheld.map((w) => w.reason), ...caseNotes(facts, evidence, options.today)],
      plan: casePlan(facts, options.today),
      refusal,
      withheld
    }
  },

  ics(facts: ComplaintFacts, options: { today?: Day; now?: string } = {}): string {
    return deadlineIcs(normal(facts), { today: options.today ?? todayUtc(), now: options.now })
  }
}
