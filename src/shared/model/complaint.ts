import { z } from 'zod'

/**
 * The facts a complaint needs, collected once (by the wizard or a --facts JSON file) and used by every
 * letter, the authority picker and the deadline. Dates are calendar dates (YYYY-MM-DD) as the person
 * knows them; no time zone is implied.
 */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
const line = (max: number) => z.string().trim().max(max)

/** The languages a letter exists in: French because the CNIL takes complaints in French. */
export const LetterLangSchema = z.enum(['en', 'de', 'fr'])
export type LetterLang = z.infer<typeof LetterLangSchema>

export const LetterKindSchema = z.enum([
  /** (1) recipient → controller: breach notice, new Art. 15 answer, own data sent elsewhere?, return/destroy. */
  'controller-notice',
  /** (2) recipient → authority: Art. 77 complaint about the recipient's own rights. */
  'art77-complaint',
  /** (3) recipient → authority: report of the third party's breach, asking it to act of its own motion. */
  'breach-report',
  /** (4) victim → controller: Art. 15 with named recipients, Art. 17 or 18 (for the advocate helping the stranger). */
  'victim-request',
  /** (5) recipient → controller when the deadline has passed. */
  'follow-up'
])
export type LetterKind = z.infer<typeof LetterKindSchema>

export const ChannelSchema = z.enum(['webform', 'email', 'letter', 'app'])

export const ComplaintFactsSchema = z
  .object({
    person: z
      .object({
        name: line(200).min(1),
        /** Newline-separated postal address; the last line is the country. */
        address: line(600).default(''),
        email: line(254).default(''),
        /** ISO 3166-1 alpha-2, lower case ('de'); picks the authority of residence. */
        country: z.string().regex(/^[a-z]{2}$/),
        /** German state (Land) slug part when country is 'de': 'bay', 'bw', 'berl', 'nrw', … as in authorities.ts. */
        region: line(40).default('')
      })
      .strict(),
    /** The account identifier the controller knows the person by (the e-mail of the account, a customer id). */
    accountId: line(200).min(1),
    /** Key of a controller we know ('amazon', 'google') or a free name; see complaint/controllers.ts. */
    controller: line(200).min(1),
    /** The service concerned, e.g. "Alexa / amazon.de". */
    service: line(200).default(''),
    requestDate: day,
    receiptDate: day,
    discoveryDate: day,
    /** The controller's ticket / request reference, when it gave one. */
    controllerReference: line(200).default(''),
    /** How the Art. 15 request was sent. */
    channel: ChannelSchema.default('webform'),
    /** Contact with the controller about this since receipt (dates and what was said), in the person's words. */
    priorContact: line(4000).default(''),
    /** Harm or worry, in the person's words. */
    harm: line(4000).default(''),
    /** Whether the authority may share the person's identity with the controller. */
    shareIdentityWithController: z.boolean().default(true),
    /** When an earlier notice was sent to the controller (for the follow-up letter). */
    noticeSentDate: day.optional(),
    /** How the notice went: a posted notice's deadline counts from its delivery, not its sending. */
    noticePosted: z.boolean().default(false),
    /** The day the controller received the notice, when the person knows it (a delivery receipt). */
    noticeReceivedDate: day.optional(),
    /** The controller told the person in time that it extends by two months (Art. 12(3)): the later date counts. */
    extensionNotified: z.boolean().default(false),
    /** The day the controller refused or answered without acting: the follow-up and complaint need not wait. */
    refusalDate: day.optional(),
    /** Why the Art. 77 complaint should not wait for the controller's deadline, in the person's words. */
    complainNowReason: line(1000).default(''),
    /** Victim letter: Art. 17 erasure or Art. 18 restriction (the default, since erasure destroys evidence). */
    victimRemedy: z.enum(['erasure', 'restriction']).default('restriction'),
    lang: LetterLangSchema.default('en')
  })
  .strict()

export type ComplaintFacts = z.output<typeof ComplaintFactsSchema>
export type ComplaintFactsInput = z.input<typeof ComplaintFactsSchema>

/**
 * What the letters say about the evidence: counts and ranges from the flagged recordings, the archive's
 * identity, and the bundle manifest's own SHA-256, which every letter prints.
 */
export const EvidenceSummarySchema = z
  .object({
    archiveName: z.string(),
    archiveBytes: z.number().int().min(0),
    archiveSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    foreignRecordings: z.number().int().min(0),
    foreignDevices: z.array(z.object({ name: z.string(), serial: z.string().nullable(), recordings: z.number().int() })),
    /** UTC ISO times of the first and last flagged recording, null when none has a time. */
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
    manifestSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    /**
     * SHA-256 of the evidence bundle's root file (SHA256SUMS), which lists every other file of the
     * bundle but the letters: what the letters print once the bundle they go with exists. Null
     * before (saved facts and calls from before it existed keep loading).
     */
    rootSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable().default(null),
    /** Each part of a multipart export with its own name, size and SHA-256, so `sha256sum` can check each. */
    parts: z.array(z.object({ name: z.string(), bytes: z.number().int().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })).default([]),
    /** What the review found about the account (letters/review-facts.ts); null when not known. */
    review: z
      .object({
        /** The devices the export lists as registered to the account; null when it does not say. */
        accountDevices: z.array(z.object({ name: z.string(), type: z.string().nullable() })).nullable(),
        /** Whether any registered device is an Echo (a smart speaker that records in the home). */
        ownsEcho: z.boolean().nullable(),
        /** Last four characters of every customer id the flagged recordings carry that is not the account's. */
        foreignAccountEnds: z.array(z.string()),
        /** Last four characters of the account's own id. */
        ownAccountEnd: z.string().nullable(),
        /** How many flagged recordings carry such a foreign id. */
        withForeignAccount: z.number().int().min(0),
        /** Flagged recordings that come with a transcript in the export. */
        transcripts: z.number().int().min(0),
        /** True when nothing stronger than weak signals (unrecognised speaker, another language) flags them. */
        weakOnly: z.boolean(),
        /**
         * Voices the person listened to and marked "not someone I know": per voice, how many of the
         * flagged recordings share it (by its sound) and the devices it was heard on. Empty unless so
         * marked: a group by sound alone is a hint, and the letters never cite it.
         */
        confirmedVoices: z.array(z.object({ recordings: z.number().int().min(1), devices: z.array(z.string()) })).default([])
      })
      .nullable()
      .default(null)
  })
  .strict()
/** What a producer hands over (the bundle's summary may lack the later fields) … */
export type EvidenceSummary = z.input<typeof EvidenceSummarySchema>
/** … and what the letters read, with the defaults filled in. */
export type Evidence = z.output<typeof EvidenceSummarySchema>
