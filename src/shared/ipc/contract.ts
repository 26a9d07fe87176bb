import { z } from 'zod'
import { AppInfoSchema } from '../model/app'
import { ArchiveSummarySchema, EntryPageSchema } from '../model/archive'
import { RecordingPageSchema } from '../model/export'
import { ColumnMappingSchema } from '../model/recording'
import { MarkValueSchema, MAX_IDS_PER_CALL, NOTE_MAX_CHARS, ReviewChangeSchema, ReviewStateSchema } from '../model/review'

/**
 * Every call the renderer may make, with its request and response schema. The preload, main, the
 * e2e harness and the renderer's client all derive from this one table.
 */
const call = <Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) => ({ request, response })
const none = z.object({}).strict()
const archiveId = z.string().regex(/^a[0-9a-z]{1,32}$/, 'an archive id as returned by openArchive')
// Ids as the providers make them (a letter and hex digits); bounded so a payload stays small per id.
const itemId = z.string().min(1).max(128)

export const contract = {
  appInfo: call(none, AppInfoSchema),
  /** Shows the native open dialog; null when the person cancelled it. */
  chooseArchive: call(
    z.object({ kind: z.enum(['file', 'folder']).default('file') }).strict(),
    z.object({ path: z.string().nullable() })
  ),
  /** Opens an export read-only; progress arrives as `archive.progress` events carrying `jobId`. */
  openArchive: call(
    z.object({ path: z.string().min(1).max(4096), jobId: z.string().min(1).max(64) }).strict(),
    ArchiveSummarySchema
  ),
  /** Opens the built-in sample export (made on first use in the app's home), like openArchive. */
  openSample: call(z.object({ jobId: z.string().min(1).max(64) }).strict(), ArchiveSummarySchema),
  cancelJob: call(z.object({ jobId: z.string().min(1).max(64) }).strict(), z.object({ cancelled: z.boolean() })),
  listEntries: call(
    z.object({ archiveId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict(),
    EntryPageSchema
  ),
  /** The recordings in the order the providers read them; the renderer sorts and filters. */
  listRecordings: call(
    z.object({ archiveId, offset: z.number().int().min(0), limit: z.number().int().min(1).max(5000) }).strict(),
    RecordingPageSchema
  ),
  /** Saves how an unknown voice-history CSV's columns map (reused for every export) and re-reads the export. */
  saveColumnMapping: call(z.object({ archiveId, mapping: ColumnMappingSchema }).strict(), ArchiveSummarySchema),
  closeArchive: call(z.object({ archiveId }).strict(), z.object({ closed: z.boolean() })),
  /** Findings, the detector's verdicts, the person's marks and notes, counts, undo state and the recent custody log. */
  reviewState: call(z.object({ archiveId }).strict(), ReviewStateSchema),
  /**
   * Marks recordings (one, a selection or a filter result) as one undoable step; null unmarks.
   * `note`, when given, replaces each one's note (null removes it). The mark is on disk when this answers.
   */
  mark: call(
    z
      .object({
        archiveId,
        recordingIds: z.array(itemId).min(1).max(MAX_IDS_PER_CALL),
        mark: MarkValueSchema.nullable(),
        note: z.string().max(NOTE_MAX_CHARS).nullable().optional()
      })
      .strict(),
    ReviewChangeSchema
  ),
  /** Marks a device and every recording from it, as one undoable step. */
  markDevice: call(z.object({ archiveId, deviceId: itemId, mark: MarkValueSchema.nullable() }).strict(), ReviewChangeSchema),
  /** Sets the note on a recording or a device; null or empty removes it. Undoable. */
  setNote: call(
    z.object({ archiveId, target: z.enum(['recording', 'device']), id: itemId, note: z.string().max(NOTE_MAX_CHARS).nullable() }).strict(),
    ReviewChangeSchema
  ),
  /** Takes back the last mark or note of this export (marks made since it was opened). */
  undo: call(z.object({ archiveId }).strict(), ReviewChangeSchema),
  redo: call(z.object({ archiveId }).strict(), ReviewChangeSchema)
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
export type CallRequest<K extends CallName> = z.input<Contract[K]['request']>
export type CallResponse<K extends CallName> = z.output<Contract[K]['response']>
export const callNames = Object.keys(contract) as CallName[]
