import type { ComplaintFacts, EvidenceSummary, LetterKind } from '../../shared/model/complaint'
import { ComplaintFactsSchema, LetterKindSchema } from '../../shared/model/complaint'
import type { AuthorityView, ComplaintPreview, FormPanel } from '../../shared/model/complaint-calls'
import type { Authority } from './authorities'
import { deadlineFor, type Day } from './deadlines'
import { deadlineIcs } from './ics'
import type { RenderedLetter } from './letters/model'
import { renderLetter } from './letters/render'
import { formPanels, PANEL_AUTHORITIES } from './panels'
import { letterPdf } from './pdf'
import { pickAuthorities } from './pick'

export interface LetterFile {
  name: string
  bytes: Buffer
}

const ALL_KINDS = LetterKindSchema.options

/** `controller-notice-2026-K3J9Q2A.pdf`: the kind says what it is, the reference ties it to the case. */
export const letterFileName = (letter: Pick<RenderedLetter, 'kind' | 'reference' | 'lang'>, ext: 'pdf' | 'txt') => `${letter.kind}-${letter.lang}-${letter.reference}.${ext}`

const todayUtc = () => new Date().toISOString().slice(0, 10)

// Callers may hand facts that skipped the schema (a test, a script): its defaults fill the gaps.
const normal = (facts: ComplaintFacts): ComplaintFacts => ComplaintFactsSchema.parse(facts)

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

/** Lines the person should read before sending, in the facts' language. */
function notesFor(facts: ComplaintFacts, evidence: EvidenceSummary, complaint: Authority, extra: string[]): string[] {
  const de = facts.lang === 'de'
  const notes = [...extra]
  if (!evidence.manifestSha256) notes.push(de ? 'Das Beweisverzeichnis ist noch nicht erstellt: Die Schreiben nennen seinen SHA-256 erst, wenn das Beweispaket gespeichert wird.' : 'The evidence manifest does not exist yet: the letters print its SHA-256 once the evidence bundle is saved.')
  if (!evidence.archiveSha256) notes.push(de ? 'Der SHA-256 des Exports ist noch nicht berechnet.' : "The export's SHA-256 has not been computed yet.")
  if (evidence.foreignRecordings === 0) notes.push(de ? 'Keine Aufnahme ist als fremd eingestuft oder markiert; die Schreiben nennen 0 Aufnahmen.' : 'No recording is judged or marked as not yours; the letters say 0 recordings.')
  if (!facts.noticeSentDate) notes.push(de ? 'Das Erinnerungsschreiben braucht das Datum, an dem Sie das erste Schreiben gesendet haben.' : 'The follow-up letter needs the date you sent the first notice.')
  if (complaint.complaintLanguage && complaint.complaintLanguage !== facts.lang) {
    notes.push(de ? `${complaint.name} nimmt Beschwerden auf „${complaint.complaintLanguage}“ entgegen; dieses Schreiben ist auf Deutsch.` : `${complaint.name} takes complaints in "${complaint.complaintLanguage}"; this letter is in English.`)
  }
  // German authorities ask that complaints with personal data are not sent by plain e-mail.
  if (complaint.pgpFingerprint) {
    notes.push(de ? `Per E-Mail nur verschlüsselt an ${complaint.email ?? complaint.name} (PGP ${complaint.pgpFingerprint}); sonst Webformular oder Post.` : `By e-mail only encrypted to ${complaint.email ?? complaint.name} (PGP ${complaint.pgpFingerprint}); otherwise the web form or post.`)
  }
  notes.push(
    de
      ? 'Der Brief an den Verantwortlichen im Namen der betroffenen Person ist für diese bestimmt: Die App kennt sie nicht und sucht nicht nach ihr; Absender und Unterschrift füllt sie selbst aus.'
      : 'The letter for the person whose recordings were disclosed is for them to send: the app does not know them and does not look for them; they fill in the sender and signature.'
  )
  return notes
}

/**
 * The complaint engine as the wizard's handlers and the CLI use it: every letter as PDF and text,
 * the preview (authorities, deadline, letters, form panels, notes), and the deadline's .ics.
 */
export const complaintLetters = {
  letters(facts: ComplaintFacts, evidence: EvidenceSummary, kinds: readonly LetterKind[], options: { today: Day }): RenderedLetter[] {
    const f = normal(facts)
    return kinds.map((kind) => renderLetter(kind, f, evidence, options))
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
    return {
      authorities,
      deadline: { receiptDate: d.receiptDate, due: d.due, extendedDue: d.extendedDue, basis: d.basis, overdue: d.overdue },
      letters: complaintLetters.letters(facts, evidence, ALL_KINDS, options).map((l) => ({ kind: l.kind, lang: l.lang, subject: l.subject, recipient: l.recipient, text: l.text })),
      panels: complaintLetters.panels(facts, evidence, options),
      evidence,
      notes: notesFor(facts, evidence, choice.complaint, choice.notes)
    }
  },

  ics(facts: ComplaintFacts, options: { today?: Day; now?: string } = {}): string {
    return deadlineIcs(normal(facts), { today: options.today ?? todayUtc(), now: options.now })
  }
}
