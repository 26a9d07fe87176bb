import { z } from 'zod'
import { ExportReadingSchema, RecordingSchema } from './recording'

/** What the review needs up front about an export read by the providers; recordings come in pages. */
export const ExportOverviewSchema = ExportReadingSchema.omit({ recordings: true }).extend({
  recordingCount: z.number().int()
})
export type ExportOverview = z.infer<typeof ExportOverviewSchema>

export const RecordingPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  recordings: z.array(RecordingSchema)
})
export type RecordingPage = z.infer<typeof RecordingPageSchema>
