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
