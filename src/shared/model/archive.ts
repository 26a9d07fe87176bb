import { z } from 'zod'
import { ExportOverviewSchema } from './export'
import { ProblemSchema } from './problem'
import { ReviewStateSchema } from './review'

export const ArchiveFormatSchema = z.enum(['zip', 'tar', 'tar.gz', 'folder', 'multipart-zip'])
export type ArchiveFormat = z.infer<typeof ArchiveFormatSchema>

export const EntryKindSchema = z.enum(['audio', 'document', 'data', 'archive', 'image', 'other'])
export type EntryKind = z.infer<typeof EntryKindSchema>

export { ProblemSchema, type Problem } from './problem'

/** One file in an export, as JSON-safe data. Never holds the bytes. */
export const EntryInfoSchema = z.object({
  /** '/'-separated, no leading slash; inside a nested archive 'outer/inner.zip!/path'. Display text only. */
  path: z.string(),
  /** The part file's base name in a multipart export, else null. */
  part: z.string().nullable(),
  size: z.number(),
  compressedSize: z.number(),
  crc32: z.number().nullable(),
  /** The archive's own timestamp, in the archive's local time (no zone): 'YYYY-MM-DDTHH:mm:ss'. */
  localTime: z.string().nullable(),
  method: z.string(),
  flags: z.number(),
  encrypted: z.boolean(),
  /** The stored name tried to leave the archive (../, absolute, drive letter). Never used as a path. */
  unsafePath: z.boolean(),
  kind: EntryKindSchema
})
export type EntryInfo = z.infer<typeof EntryInfoSchema>

export const ArchiveSummarySchema = z.object({
  archiveId: z.string(),
  path: z.string(),
  name: z.string(),
  format: ArchiveFormatSchema,
  bytes: z.number(),
  entryCount: z.number().int(),
  audioCount: z.number().int(),
  parts: z.array(z.object({ path: z.string(), bytes: z.number() })),
  /** Quick identity (sizes plus a hash of the directory), known before the full SHA-256. */
  fingerprint: z.string(),
  problems: z.array(ProblemSchema),
  /** Known once the background hash finishes (see the archive.hashed event). */
  sha256: z.string().nullable(),
  /** What the providers read: account, devices, counts; recordings come through listRecordings. */
  reading: ExportOverviewSchema,
  /**
   * The review as the export opens (findings, verdicts, marks), so the renderer has the verdicts with
   * the list and needs no second trip; absent where the answer is not an opening (a re-read sends it too).
   */
  review: ReviewStateSchema.optional(),
  /**
   * Where the engine's time went while opening, in ms of its own clock (list, read, the lifecycle
   * hooks such as the review's case and audio's set-up, analyse, building this answer): the bench
   * splits the open → first paint with it. Absent on answers that are not an opening.
   */
  timings: z
    .object({ open: z.number(), read: z.number(), hooks: z.number(), analyze: z.number(), answer: z.number() })
    .optional()
})
export type ArchiveSummary = z.infer<typeof ArchiveSummarySchema>

export const EntryPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  entries: z.array(EntryInfoSchema)
})
export type EntryPage = z.infer<typeof EntryPageSchema>
