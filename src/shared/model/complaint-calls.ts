import { z } from 'zod'
import { ChannelSchema, ComplaintFactsSchema, EvidenceSummarySchema, LetterKindSchema, LetterLangSchema } from './complaint'

/**
 * What the complaint wizard sends and gets back. The facts themselves are ComplaintFactsSchema;
 * a draft is the same shape with every field optional and unchecked, so half a form can be kept.
 */
const text = (max: number) => z.string().max(max)

export const ComplaintDraftSchema = z
  .object({
    person: z
      .object({ name: text(200), address: text(600), email: text(254), country: text(2), region: text(40) })
      .partial()
      .strict(),
    accountId: text(200),
    controller: text(200),
    service: text(200),
    requestDate: text(10),
    receiptDate: text(10),
    discoveryDate: text(10),
    controllerReference: text(200),
    channel: ChannelSchema,
    priorContact: text(4000),
    harm: text(4000),
    shareIdentityWithController: z.boolean(),
    noticeSentDate: text(10),
    noticePosted: z.boolean(),
    noticeReceivedDate: text(10),
    extensionNotified: z.boolean(),
    refusalDate: text(10),
    complainNowReason: text(1000),
    victimRemedy: z.enum(['erasure', 'restriction']),
    lang: LetterLangSchema
  })
  .partial()
  .strict()
export type ComplaintDraft = z.infer<typeof ComplaintDraftSchema>

export const ComplaintFactsStateSchema = z.object({
  /** What the person saved for this export, or null before the first save. */
  draft: ComplaintDraftSchema.nullable(),
  /** What the export itself says (the account's name and id, the controller), to fill empty fields. */
  suggested: ComplaintDraftSchema,
  savedAt: z.string().nullable()
})
export type ComplaintFactsState = z.infer<typeof ComplaintFactsStateSchema>

export const SavedFactsSchema = z.object({
  savedAt: z.string(),
  /** Problems that keep the draft from being complete facts, one line each ('' path for the whole). */
  issues: z.array(z.object({ path: z.string(), message: z.string() }))
})

export const AuthorityViewSchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** Why this authority: residence, lead authority of the controller, … in the letter's language. */
  reason: z.string(),
  role: z.enum(['complaint', 'lead']),
  address: z.string().nullable(),
  webForm: z.string().nullable(),
  email: z.string().nullable(),
  pgpFingerprint: z.string().nullable(),
  complaintLanguage: z.string().nullable(),
  /** When the directory data was taken (YYYY-MM-DD or a commit), so the person knows how old it is. */
  dataDate: z.string().nullable()
})
export type AuthorityView = z.infer<typeof AuthorityViewSchema>

export const DeadlineViewSchema = z.object({
  receiptDate: z.string(),
  due: z.string(),
  /** The latest date if the controller extends by two months (Art. 12(3)), having said so in time. */
  extendedDue: z.string().nullable(),
  /** A sentence saying how the date was counted. */
  basis: z.string(),
  overdue: z.boolean()
})
export type DeadlineView = z.infer<typeof DeadlineViewSchema>

export const LetterViewSchema = z.object({
  kind: LetterKindSchema,
  lang: LetterLangSchema,
  subject: z.string(),
  /** To whom the letter goes, one line. */
  recipient: z.string(),
  text: z.string(),
  /** A reading copy in the person's language of a letter that goes in the authority's language. */
  courtesy: z.boolean().default(false)
})
export type LetterView = z.infer<typeof LetterViewSchema>

export const PanelFieldSchema = z.object({
  id: z.string(),
  label: z.string(),
  text: z.string(),
  chars: z.number().int(),
  limit: z.number().int().nullable(),
  over: z.boolean()
})
export const FormPanelSchema = z.object({
  authority: z.string(),
  title: z.string(),
  url: z.string().nullable(),
  fields: z.array(PanelFieldSchema),
  warnings: z.array(z.string())
})
export type FormPanel = z.infer<typeof FormPanelSchema>

export const ComplaintPreviewSchema = z.object({
  authorities: z.array(AuthorityViewSchema),
  deadline: DeadlineViewSchema,
  letters: z.array(LetterViewSchema),
  panels: z.array(FormPanelSchema),
  evidence: EvidenceSummarySchema,
  /** Lines the person should read before sending (engine notes, a missing hash …). */
  notes: z.array(z.string()),
  /** The sequence with dates: notice → (tip) → deadline → follow-up → complaint. */
  plan: z.array(z.object({ step: z.enum(['notice', 'breach-report', 'deadline', 'follow-up', 'art77-complaint']), date: z.string(), done: z.boolean(), text: z.string() })).default([]),
  /** Why no letter is offered at all (nothing flagged), in the facts' language; null when letters are offered. */
  refusal: z.string().nullable().default(null),
  /** Letters not written yet, each with why (the follow-up before its time). */
  withheld: z.array(z.object({ kind: LetterKindSchema, reason: z.string() })).default([])
})
export type ComplaintPreview = z.infer<typeof ComplaintPreviewSchema>

const archiveId = z.string().regex(/^a[0-9a-z]{1,32}$/, 'an archive id as returned by openArchive')
const jobId = z.string().min(1).max(64)

export const ComplaintPreviewRequestSchema = z.object({ archiveId, facts: ComplaintFactsSchema, lang: LetterLangSchema }).strict()

export const SaveComplaintRequestSchema = z
  .object({
    archiveId,
    facts: ComplaintFactsSchema,
    lang: LetterLangSchema,
    kinds: z.array(LetterKindSchema).min(1).max(5),
    jobId
  })
  .strict()

const SavedFileSchema = z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })

export const SavedComplaintSchema = z.object({
  /** The folder chosen, or null when the person cancelled the dialog. */
  folder: z.string().nullable(),
  files: z.array(SavedFileSchema),
  manifestSha256: z.string().nullable()
})
export type SavedComplaint = z.infer<typeof SavedComplaintSchema>

export const SaveBundleRequestSchema = z
  .object({
    archiveId,
    facts: ComplaintFactsSchema,
    lang: LetterLangSchema,
    jobId,
    /** Adds the foreign recordings' original audio: a copy of a stranger's data. Off unless asked for. */
    sealedOriginals: z.boolean().default(false)
  })
  .strict()

export const SavedBundleSchema = z.object({
  /** The bundle's path, or null when the person cancelled the dialog. */
  path: z.string().nullable(),
  bytes: z.number().int(),
  sha256: z.string().nullable(),
  manifestSha256: z.string().nullable(),
  /** SHA-256 of the bundle's root file (SHA256SUMS): the value the letters in it print. */
  rootSha256: z.string().nullable().default(null),
  /** How many audio entries the manifest lists. */
  entries: z.number().int(),
  files: z.array(SavedFileSchema),
  sealedOriginals: z.boolean()
})
export type SavedBundle = z.infer<typeof SavedBundleSchema>

export const DeleteArchiveRequestSchema = z
  .object({
    archiveId,
    /** The export's file name, typed by the person: a call cannot delete by accident. */
    confirmName: z.string().min(1).max(1000)
  })
  .strict()

export const DeletedArchiveSchema = z.object({
  deleted: z.array(z.object({ path: z.string(), bytes: z.number().int(), sha256: z.string().nullable() })),
  /** The custody line written for it. */
  logged: z.string()
})
export type DeletedArchive = z.infer<typeof DeletedArchiveSchema>

/** Progress of saving letters or a bundle, with the job id the call was given. */
export const ComplaintProgressSchema = z.object({
  jobId: z.string(),
  phase: z.enum(['hashing-entries', 'hashing-archive', 'letters', 'writing', 'done']),
  done: z.number(),
  total: z.number()
})
