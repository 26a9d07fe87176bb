import { z } from 'zod'
import { CustodyEntrySchema, MarkEntrySchema } from '../../shared/model/review'

export const CASE_SCHEMA = 'exportscope.case/1'

/** One export's review, as saved under `<home>/cases/<fingerprint>.json`. */
export const CaseFileSchema = z.object({
  schema: z.literal(CASE_SCHEMA),
  /** The archive's quick fingerprint: sizes and a hash of its listing, the same after a rename or a move. */
  fingerprint: z.string(),
  /** The export's full SHA-256 once the background hash has finished. */
  sha256: z.string().nullable(),
  /** The name it was last opened under, so a list of cases can say which export each is. */
  archiveName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** The person's marks and notes by recording id. */
  recordings: z.record(z.string(), MarkEntrySchema),
  devices: z.record(z.string(), MarkEntrySchema),
  /**
   * Voice marks by the ids of the voice's sample recordings (not by a group id, which a new
   * clustering renumbers): mark 'mine' or 'not-mine', note the kind ('me', 'household', 'not-known').
   */
  voices: z.record(z.string(), MarkEntrySchema).default({}),
  /** Append-only: lines are added, never changed or removed, so the log can back a complaint. */
  custody: z.array(CustodyEntrySchema),
  /** The letters made from this case; their shape belongs to the complaint engine. */
  letters: z.array(z.unknown()).default([])
})
export type CaseFile = z.infer<typeof CaseFileSchema>

export const emptyCase = (fingerprint: string, now: string): CaseFile => ({
  schema: CASE_SCHEMA,
  fingerprint,
  sha256: null,
  archiveName: null,
  createdAt: now,
  updatedAt: now,
  recordings: {},
  devices: {},
  voices: {},
  custody: [],
  letters: []
})

/** Parses a saved case; throws with a reason a person can read when the file is not a valid case. */
export function parseCase(text: string, fingerprint: string): CaseFile {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new Error(`it is not valid JSON (${err instanceof Error ? err.message : String(err)})`)
  }
  const parsed = CaseFileSchema.safeParse(json)
  if (!parsed.success) throw new Error(`it is not a case file this version can read (${parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')})`)
  if (parsed.data.fingerprint !== fingerprint) throw new Error(`it belongs to another export (fingerprint ${parsed.data.fingerprint})`)
  return parsed.data
}

export const serializeCase = (c: CaseFile): string => `${JSON.stringify(c)}\n`
