import { z } from 'zod'
import { FindingSchema, RuleIdSchema, VerdictSchema } from './analysis'
import { ProblemSchema } from './problem'

/** The person's own answer about a recording or a device; it always wins over the detector's verdict. */
export const MarkValueSchema = z.enum(['mine', 'not-mine', 'unsure'])
export type MarkValue = z.infer<typeof MarkValueSchema>

export const NOTE_MAX_CHARS = 10_000
/** Bulk marks (a device, a selection, a filter result) stay within one bounded payload. */
export const MAX_IDS_PER_CALL = 200_000

/** What the person said about one recording or device: a mark, a note, or both; time is when last changed (UTC ISO). */
export const MarkEntrySchema = z.object({
  mark: MarkValueSchema.nullable(),
  note: z.string().max(NOTE_MAX_CHARS).nullable(),
  time: z.string()
})
export type MarkEntry = z.infer<typeof MarkEntrySchema>

// 'kept-sealed': the reminder to keep one sealed copy until the authority confirms; 'deleted': the export was deleted, with its SHA-256.
export const CUSTODY_ACTIONS = ['opened', 'hashed', 'marked', 'unmarked', 'noted', 'undone', 'redone', 'exported', 'set-aside', 'kept-sealed', 'deleted'] as const
export const CustodyActionSchema = z.enum(CUSTODY_ACTIONS)
export type CustodyAction = z.infer<typeof CustodyActionSchema>

/** One line of the append-only custody log: what was done to the evidence, when, by which tool. */
export const CustodyEntrySchema = z.object({
  time: z.string(),
  /** 'Exportscope 0.1.0': which build did it, for whoever checks the evidence later. */
  tool: z.string(),
  action: CustodyActionSchema,
  detail: z.string()
})
export type CustodyEntry = z.infer<typeof CustodyEntrySchema>

export const ReviewCountsSchema = z.object({
  recordings: z.number().int(),
  /** The detector's verdicts. */
  own: z.number().int(),
  suspect: z.number().int(),
  foreign: z.number().int(),
  /** The person's marks (of recordings in this export). */
  mine: z.number().int(),
  notMine: z.number().int(),
  unsure: z.number().int(),
  /** Recordings without a mark. */
  unreviewed: z.number().int(),
  /** Recordings the detector flags (suspect or foreign) that the person has not marked yet. */
  unreviewedFlagged: z.number().int()
})
export type ReviewCounts = z.infer<typeof ReviewCountsSchema>

/** An undo step as the app's translations say it ("engine.step.<key>"): the English label stays for the custody log. */
export const StepTextSchema = z.object({
  key: z.enum(['mark', 'unmark', 'markDevice', 'unmarkDevice', 'markVoice', 'unmarkVoice', 'note', 'removeNote']),
  n: z.number().int().min(0).optional(),
  mark: MarkValueSchema.optional(),
  device: z.string().optional(),
  target: z.enum(['recording', 'device']).optional()
})
export type StepText = z.infer<typeof StepTextSchema>

const UndoSchema = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** What undo/redo would take back or do again, e.g. "mark 1,704 recordings of 'Echo Küche' as not mine". */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  undoText: StepTextSchema.nullable().optional(),
  redoText: StepTextSchema.nullable().optional()
})

/** Everything the review screens need about one open export; recordings themselves come from listRecordings. */
export const ReviewStateSchema = UndoSchema.extend({
  archiveId: z.string(),
  fingerprint: z.string(),
  sha256: z.string().nullable(),
  findings: z.array(FindingSchema),
  /** Detector verdict per recording id, only for suspect and foreign ones: an id not listed is 'own'. */
  verdicts: z.record(z.string(), VerdictSchema.exclude(['own'])),
  /** Rule ids per flagged recording id (the same ids as in findings), strong rules first. */
  reasons: z.record(z.string(), z.array(RuleIdSchema)),
  /** Detector verdict for every device of the export. */
  deviceVerdicts: z.record(z.string(), VerdictSchema),
  /** The person's marks and notes by recording id; only recordings with either are listed. */
  marks: z.record(z.string(), MarkEntrySchema),
  deviceMarks: z.record(z.string(), MarkEntrySchema),
  counts: ReviewCountsSchema,
  custody: z.object({ entries: z.number().int(), recent: z.array(CustodyEntrySchema) }),
  /** Problems with the case file itself (a damaged file set aside, a save that failed). */
  problems: z.array(ProblemSchema)
})
export type ReviewState = z.infer<typeof ReviewStateSchema>

/** The answer to a change (mark, note, undo, redo): what changed, so the UI can patch what it shows. */
export const ReviewChangeSchema = UndoSchema.extend({
  /** The new entry for every recording and device the change touched; null where nothing is left. */
  recordings: z.record(z.string(), MarkEntrySchema.nullable()),
  devices: z.record(z.string(), MarkEntrySchema.nullable()),
  counts: ReviewCountsSchema,
  /** Marks feed what the detector takes as the account's usual; when its verdicts moved, fetch reviewState again. */
  verdictsChanged: z.boolean(),
  /** Set when the change is kept in memory but the case file could not be written. */
  saveError: z.string().nullable()
})
export type ReviewChange = z.infer<typeof ReviewChangeSchema>

/**
 * Pushed when the detector's verdicts change without the renderer asking (a later rule, such as the
 * voice rules, learnt more; or a re-read): the detector's side, to replace what the renderer shows.
 */
export const VerdictsEventSchema = ReviewStateSchema.pick({ archiveId: true, findings: true, verdicts: true, reasons: true, deviceVerdicts: true, counts: true })
export type VerdictsEvent = z.infer<typeof VerdictsEventSchema>
