import { z } from 'zod'
import { CALL_NAMES, type SameNames } from './names'
import { AppInfoSchema } from '../model/app'
import { ArchiveSummarySchema, EntryPageSchema } from '../model/archive'
import { RecordingPageSchema } from '../model/export'
import { ColumnMappingSchema, RecordingSchema } from '../model/recording'
import {
  ComplaintFactsStateSchema,
  ComplaintDraftSchema,
  ComplaintPreviewRequestSchema,
  ComplaintPreviewSchema,
  DeleteArchiveRequestSchema,
  DeletedArchiveSchema,
  SaveBundleRequestSchema,
  SaveComplaintRequestSchema,
  SavedBundleSchema,
  SavedComplaintSchema,
  SavedFactsSchema
} from '../model/complaint-calls'
import { ComplaintFactsSchema, LetterLangSchema } from '../model/complaint'
import { MAX_ROW_WAVES, MAX_VISIBLE_IDS, RecordingAudioSchema, RendererPeaksSchema, RowWavesSchema } from '../model/audio'
import { MarkValueSchema, MAX_IDS_PER_CALL, NOTE_MAX_CHARS, ReviewChangeSchema, ReviewStateSchema } from '../model/review'
import { VoiceMarkSchema, VoicesStateSchema } from '../model/voices'

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
  /**
   * Shows the native open dialog; null when the person cancelled it. The token (not the path) is what
   * openArchive takes: the renderer can open only what the person chose (the path is for showing).
   */
  chooseArchive: call(
    z.object({ kind: z.enum(['file', 'folder']).default('file') }).strict(),
    z.object({ path: z.string().nullable(), token: z.string().nullable() })
  ),
  /**
   * Opens an export read-only, by a token from chooseArchive or a drop (the preload's tokenForFile);
   * progress arrives as `archive.progress` events carrying `jobId`. The answer carries the review
   * (verdicts, findings, marks) so the list and its verdicts arrive together.
   */
  openArchive: call(
    z.object({ token: z.string().regex(/^p[0-9a-f]{24}$/, 'a token from chooseArchive or a drop'), jobId: z.string().min(1).max(64) }).strict(),
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
  /** One recording with all the export states about it (its source row as written), for the details. */
  recordingDetail: call(z.object({ archiveId, recordingId: itemId }).strict(), RecordingSchema),
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
  /** The export's voices, grouped by their sound; the first call starts the work in the background. */
  voices: call(z.object({ archiveId }).strict(), VoicesStateSchema),
  /** Marks a whole voice ("this is me", "someone in my household", "not someone I know") as one undoable step; null unmarks. */
  markVoice: call(z.object({ archiveId, voiceId: itemId, mark: VoiceMarkSchema.nullable() }).strict(), ReviewChangeSchema),
  /** Takes back the last mark or note of this export (marks made since it was opened). */
  undo: call(z.object({ archiveId }).strict(), ReviewChangeSchema),
  redo: call(z.object({ archiveId }).strict(), ReviewChangeSchema),
  /** The complaint facts saved for this export (a draft), and what the export suggests for empty fields. */
  complaintFacts: call(z.object({ archiveId }).strict(), ComplaintFactsStateSchema),
  /** Saves the draft beside the case file (owner-only, atomic) and says what keeps it from being complete. */
  saveComplaintFacts: call(z.object({ archiveId, draft: ComplaintDraftSchema }).strict(), SavedFactsSchema),
  /** The authorities, the deadline, every letter's subject and text, and the form panels, for the facts given. */
  complaintPreview: call(ComplaintPreviewRequestSchema, ComplaintPreviewSchema),
  /** Asks where to save (a folder), then writes the letters as PDF and text, and deadline.ics. */
  saveComplaint: call(SaveComplaintRequestSchema, SavedComplaintSchema),
  /** Asks where to save, then writes the evidence bundle; progress as `complaint.progress`, cancel with cancelJob. */
  saveBundle: call(SaveBundleRequestSchema, SavedBundleSchema),
  /** Asks where to save, then writes the deadline as a calendar file (.ics). */
  saveReminder: call(
    z.object({ archiveId, facts: ComplaintFactsSchema, lang: LetterLangSchema }).strict(),
    z.object({ path: z.string().nullable() })
  ),
  /** The retention reminder: logs that one sealed copy is kept until the authority confirms. */
  keepSealed: call(z.object({ archiveId }).strict(), z.object({ logged: z.boolean(), advice: z.string() })),
  /**
   * One recording's audio facts, its peaks when ready, and its media URL. Never waits on background
   * work longer than `waitMs`; when still pending, an `audio.peaks` event says when to ask again.
   */
  recordingAudio: call(
    z.object({ archiveId, recordingId: itemId, waitMs: z.number().int().min(0).max(10_000).default(0) }).strict(),
    RecordingAudioSchema
  ),
  /** Durations the audio engine has learnt from decoded audio since `after` (an index into what it learnt, in order). */
  audioDurations: call(
    z.object({ archiveId, after: z.number().int().min(0), limit: z.number().int().min(1).max(20_000) }).strict(),
    z.object({ ids: z.array(z.string()), ms: z.array(z.number().int().min(0)), next: z.number().int().min(0), total: z.number().int().min(0) })
  ),
  /** What the person looks at, so background peaks follow it: the selected recording first, then the visible ones. */
  setAudioPriorities: call(
    z.object({ archiveId, selectedId: itemId.nullable(), visibleIds: z.array(itemId).max(MAX_VISIBLE_IDS) }).strict(),
    z.object({ ok: z.boolean() })
  ),
  /**
   * Small waveforms for the list's rows from peaks already made (memory or the disk cache); never
   * decodes or queues anything, so a row whose peaks are not ready answers null and asks again later.
   */
  rowWaveforms: call(
    z.object({ archiveId, recordingIds: z.array(itemId).max(MAX_ROW_WAVES), buckets: z.number().int().min(8).max(256) }).strict(),
    RowWavesSchema
  ),
  /** Peaks the renderer decoded for a recording Node cannot decode (AAC); checked, cached, answered like recordingAudio. */
  storeRendererPeaks: call(z.object({ archiveId, recordingId: itemId, peaks: RendererPeaksSchema }).strict(), RecordingAudioSchema),
  /** The retention step: deletes the export's file(s) after logging their SHA-256, and closes it. */
  deleteArchive: call(DeleteArchiveRequestSchema, DeletedArchiveSchema)
} as const

export type Contract = typeof contract
export type CallName = keyof Contract
export type CallRequest<K extends CallName> = z.input<Contract[K]['request']>
export type CallResponse<K extends CallName> = z.output<Contract[K]['response']>
export const callNames = Object.keys(contract) as CallName[]

// As for events: the preload's list of calls must name exactly the calls of this table.
const callListsMatch: SameNames<CallName, (typeof CALL_NAMES)[number]> = true
void callListsMatch
