import { z } from 'zod'

/**
 * The person's word on a whole voice: "this is me" and "someone in my household" both mean mine
 * (the note says which), "not someone I know" means not mine.
 */
export const VoiceMarkSchema = z.enum(['me', 'household', 'not-known'])
export type VoiceMark = z.infer<typeof VoiceMarkSchema>

/** One voice of an export as the app shows it: a hint by sound, which the person checks by listening. */
export const VoiceSummarySchema = z.object({
  id: z.string(),
  recordings: z.number().int(),
  deviceIds: z.array(z.string()),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  samples: z.array(z.string()),
  mark: VoiceMarkSchema.nullable()
})
export type VoiceSummary = z.infer<typeof VoiceSummarySchema>

/** The voices of an open export as the Voices panel asks for them: worked out in the background, once. */
export const VoicesStateSchema = z.object({
  status: z.enum(['working', 'ready', 'failed']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  voices: z.array(VoiceSummarySchema),
  /** Recording id → voice id, for recordings assigned to a voice (to filter the list and timeline). */
  voiceOf: z.record(z.string(), z.string()),
  error: z.string().nullable()
})
export type VoicesState = z.infer<typeof VoicesStateSchema>

/**
 * The voices of an open export changed: more recordings listened to (done of total, a few times a
 * second at most), the work finished or failed, or a voice's mark changed. The renderer asks
 * `voices` for the groups whenever the status is not 'working'; it never polls.
 */
export const VoicesChangedSchema = z.object({
  archiveId: z.string(),
  status: z.enum(['working', 'ready', 'failed']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
  error: z.string().nullable()
})
export type VoicesChanged = z.infer<typeof VoicesChangedSchema>
