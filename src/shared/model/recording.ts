import { z } from 'zod'
import { ProblemSchema } from './problem'

/** Who an export says it belongs to, as read from its own files. */
export const AccountSchema = z.object({
  provider: z.string(),
  /** 'owner' for the account the export was made for; 'other' for any further account found inside it. */
  role: z.enum(['owner', 'other']),
  ids: z.array(z.string()),
  names: z.array(z.string()),
  emails: z.array(z.string()),
  /** The file the account was read from, for the evidence. */
  source: z.string().nullable()
})
export type Account = z.infer<typeof AccountSchema>

/** A device the export names: registered to the account, or only seen as the source of recordings. */
export const DeviceSchema = z.object({
  /** Stable for the same export: derived from provider and serial (or name). */
  id: z.string(),
  provider: z.string(),
  name: z.string().nullable(),
  serial: z.string().nullable(),
  type: z.string().nullable(),
  /** Listed among the account's own devices in the export (Amazon: its serial is in registration.csv). */
  registered: z.boolean(),
  /**
   * False when the export does not say which devices are registered at all (an Amazon export
   * without registration.csv, a Google Takeout): then `registered: false` means only "not listed",
   * never "not the account's". Absent or true: the export lists the account's devices.
   */
  registrationKnown: z.boolean().optional(),
  /** When the export says the device was first registered, UTC ISO with Z. */
  registeredAt: z.string().nullable(),
  deregisteredAt: z.string().nullable(),
  /** Earliest and latest recording time from this device, UTC ISO with Z. */
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  recordings: z.number().int()
})
export type Device = z.infer<typeof DeviceSchema>

/** Where a recording's metadata came from, quoted so a letter can cite it. */
export const RecordingSourceSchema = z.object({
  /** The metadata file's path inside the archive (or the audio's own path when there is none). */
  file: z.string(),
  part: z.string().nullable(),
  /** 1-based line of the row (CSV) or of the item's start (JSON), when known. */
  line: z.number().int().nullable(),
  /** The row's or item's fields as the export wrote them. */
  fields: z.record(z.string(), z.string())
})
export type RecordingSource = z.infer<typeof RecordingSourceSchema>

export const AudioRefSchema = z.object({
  /** The entry's path as the archive engine names it ('outer.zip!/inner.wav' inside nested archives). */
  path: z.string(),
  part: z.string().nullable(),
  size: z.number()
})
export type AudioRef = z.infer<typeof AudioRefSchema>

/**
 * Facts the export itself states about one recording, for the rules to weigh:
 * 'unrecognized-speaker' (Google Voice Match), 'not-device-directed' (Alexa discarded it),
 * 'not-understood', 'metadata-missing' (an audio file no metadata names), 'audio-missing'.
 */
export const RecordingSignalSchema = z.enum(['unrecognized-speaker', 'not-device-directed', 'not-understood', 'metadata-missing', 'audio-missing'])
export type RecordingSignal = z.infer<typeof RecordingSignalSchema>

export const RecordingSchema = z.object({
  /** Stable for the same export, so saved marks find their recording again. */
  id: z.string(),
  provider: z.string(),
  /** UTC ISO 8601 with Z; null when the export gives no time with a known zone. */
  time: z.string().nullable(),
  /** The archive entry's own time, in the archive's local time with no zone: never to be read as UTC. */
  archiveTime: z.string().nullable(),
  deviceId: z.string().nullable(),
  /** The account id the export ties this recording to (Amazon's Customer ID, a Takeout root's email). */
  accountId: z.string().nullable(),
  audio: AudioRefSchema.nullable(),
  durationMs: z.number().int().nullable(),
  transcript: z.string().nullable(),
  /** The assistant's answer, when the export has it. */
  response: z.string().nullable(),
  language: z.string().nullable(),
  signals: z.array(RecordingSignalSchema),
  source: RecordingSourceSchema
})
export type Recording = z.infer<typeof RecordingSchema>

/** A problem met while reading an export; line is 1-based inside path when known. */
export const ReadProblemSchema = ProblemSchema.extend({
  provider: z.string().nullable(),
  line: z.number().int().nullable()
})
export type ReadProblem = z.infer<typeof ReadProblemSchema>

/** The fields a voice-history table can carry; a column mapping names a header for each. */
export const VoiceFieldSchema = z.enum(['time', 'deviceName', 'deviceSerial', 'deviceType', 'account', 'transcript', 'audio', 'response', 'status', 'language'])
export type VoiceField = z.infer<typeof VoiceFieldSchema>

/** A CSV that looks like voice history but whose header we could not map. */
export const UnmappedCsvSchema = z.object({
  file: z.string(),
  part: z.string().nullable(),
  header: z.array(z.string()),
  /** The header as one key (trimmed, lower-cased cells joined by '|'): what a mapping matches. */
  signature: z.string(),
  delimiter: z.string(),
  /** The fields the header did map, so the person only fills in the rest. */
  guessed: z.partialRecord(VoiceFieldSchema, z.string())
})
export type UnmappedCsv = z.infer<typeof UnmappedCsvSchema>

/**
 * A person's answer to an unmapped CSV: which header holds which field. Matches by header
 * signature (any file with that header) or by file path; `time` is required, the rest optional.
 */
export const ColumnMappingSchema = z
  .object({
    file: z.string().optional(),
    signature: z.string().optional(),
    columns: z.partialRecord(VoiceFieldSchema, z.string()).refine((c) => typeof c.time === 'string', { message: 'a mapping must name the time column' })
  })
  .refine((m) => m.file !== undefined || m.signature !== undefined, { message: 'a mapping must name a file or a header signature' })
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>

/** The file `exportscope scan --mapping file.json` takes, and the app saves. */
export const MappingFileSchema = z.object({
  schema: z.literal('exportscope.mapping/1'),
  mappings: z.array(ColumnMappingSchema)
})
export type MappingFile = z.infer<typeof MappingFileSchema>

export const ProviderUsedSchema = z.object({
  id: z.string(),
  name: z.string(),
  confidence: z.number(),
  reason: z.string()
})
export type ProviderUsed = z.infer<typeof ProviderUsedSchema>

/** What reading an export yields, before any rule has judged it. */
export const ExportReadingSchema = z.object({
  providers: z.array(ProviderUsedSchema),
  /** The export's owner, merged over the providers that read one. */
  account: AccountSchema.pick({ ids: true, names: true, emails: true }),
  accounts: z.array(AccountSchema),
  devices: z.array(DeviceSchema),
  recordings: z.array(RecordingSchema),
  problems: z.array(ReadProblemSchema),
  unmappedCsv: z.array(UnmappedCsvSchema)
})
export type ExportReading = z.infer<typeof ExportReadingSchema>
