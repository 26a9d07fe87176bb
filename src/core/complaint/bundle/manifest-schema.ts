import { z } from 'zod'

export const MANIFEST_SCHEMA = 'exportscope.manifest/1'

const sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/** One flagged audio entry of the export: where it is, what its bytes hash to, and why it is listed. */
export const ManifestEntrySchema = z.object({
  /** '/'-separated, no leading slash; inside a nested archive 'outer.zip!/inner/path' (as `audioPath` in the scan report). */
  path: z.string(),
  /** The part file's name in a multipart export, else null. */
  part: z.string().nullable(),
  /**
   * Byte offset of the entry's local header in its ZIP (inside a nested archive: in that archive),
   * null where the format has none. An export with two entries of one name is listed with both,
   * told apart by this.
   */
  offset: z.number().int().min(0).nullable().optional(),
  size: z.number().int().min(0),
  compressedSize: z.number().int().min(0),
  method: z.string(),
  /** The CRC-32 the archive stores for the entry, 8 lower-case hex digits; null when the format has none. */
  crc32: z.string().regex(/^[0-9a-f]{8}$/).nullable(),
  /** SHA-256 of the entry's uncompressed bytes. */
  sha256,
  /** The archive's own timestamp: the local time of the machine that wrote the ZIP, with no zone (DOS time, 2 s steps). */
  archiveTimeLocal: z.string().nullable(),
  /** The time the export's data gives the recording, UTC. */
  timeUtc: z.string().nullable(),
  recordingIds: z.array(z.string()),
  device: z.object({ name: z.string().nullable(), serialEnd: z.string().nullable() }).nullable(),
  /** The detector's verdict, before the person's mark. */
  verdict: z.enum(['own', 'suspect', 'foreign']),
  /** Ids of the rules that flagged it ('unregistered-device', …). */
  reasons: z.array(z.string()),
  /** The person's own mark ('not-mine', 'mine', 'unsure') and note, which decide over the verdict. */
  mark: z.string().nullable(),
  note: z.string().nullable()
})
export type ManifestEntry = z.infer<typeof ManifestEntrySchema>

/** A metadata file (voice history CSV, transcript PDF) holding rows about flagged recordings. */
export const ManifestSourceSchema = z.object({
  path: z.string(),
  part: z.string().nullable(),
  offset: z.number().int().min(0).nullable().optional(),
  size: z.number().int().min(0),
  crc32: z.string().regex(/^[0-9a-f]{8}$/).nullable(),
  sha256,
  /** How many flagged recordings it describes, and their 1-based lines where known. */
  rows: z.number().int().min(0),
  lines: z.array(z.number().int())
})
export type ManifestSource = z.infer<typeof ManifestSourceSchema>

export const ManifestSchema = z.object({
  schema: z.literal(MANIFEST_SCHEMA),
  /**
   * The evidence's time, never the clock's, so the same export and marks give the same bytes: the
   * person's latest mark ('marks'), else the export's newest recording or entry ('export'). When a
   * bundle was written is in its custody log.
   */
  createdAt: z.string(),
  createdFrom: z.enum(['marks', 'export', 'none']).optional(),
  tool: z.string(),
  archive: z.object({
    name: z.string(),
    format: z.string(),
    bytes: z.number().int().min(0),
    /**
     * The export's SHA-256: `sha256sum export.zip`, or for several parts the SHA-256 of their digests,
     * one per line; null for an unpacked folder, which has no one file to hash (each entry's hash stands).
     */
    sha256: sha256.nullable(),
    parts: z.array(z.object({ name: z.string(), bytes: z.number().int().min(0), sha256 })),
    fingerprint: z.string()
  }),
  summary: z.object({
    recordings: z.number().int().min(0),
    audioEntries: z.number().int().min(0),
    audioBytes: z.number().int().min(0),
    firstUtc: z.string().nullable(),
    lastUtc: z.string().nullable(),
    devices: z.array(z.object({ name: z.string().nullable(), serialEnd: z.string().nullable(), registered: z.boolean(), recordings: z.number().int() })),
    /** Recordings included by the person's 'not-mine' mark though the detector did not call them foreign, and foreign ones left out by 'mine'. */
    includedByMark: z.number().int().min(0),
    excludedByMark: z.number().int().min(0)
  }),
  /** The detector's findings about the flagged recordings, redacted like the excerpts. */
  findings: z.array(z.object({ rule: z.string(), severity: z.string(), message: z.string(), recordings: z.number().int() })),
  entries: z.array(ManifestEntrySchema),
  sources: z.array(ManifestSourceSchema),
  /** Flagged entries whose bytes could not be read (a damaged or truncated export): listed, not hashed. */
  unreadable: z.array(z.object({ path: z.string(), part: z.string().nullable(), size: z.number().int().min(0), crc32: z.string().nullable(), error: z.string() }))
})
export type Manifest = z.infer<typeof ManifestSchema>
