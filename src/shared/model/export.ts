import { z } from 'zod'
import { ExportReadingSchema, RecordingSchema, type Recording } from './recording'

/** What the review needs up front about an export read by the providers; recordings come in pages. */
export const ExportOverviewSchema = ExportReadingSchema.omit({ recordings: true }).extend({
  recordingCount: z.number().int()
})
export type ExportOverview = z.infer<typeof ExportOverviewSchema>

/**
 * A recording as the list, the timeline and the filters use it: everything but what only the
 * details show (the source row as the export wrote it, the assistant's answer, the entry's own
 * time). The source row was most of the bytes; 100,000 of these must cross IPC and sit in the
 * renderer. The details come one at a time through recordingDetail.
 */
export const RecordingSummarySchema = RecordingSchema.omit({ source: true, response: true, archiveTime: true })
export type RecordingSummary = z.infer<typeof RecordingSummarySchema>

export function summarizeRecording(r: Recording): RecordingSummary {
  return {
    id: r.id,
    provider: r.provider,
    time: r.time,
    deviceId: r.deviceId,
    accountId: r.accountId,
    audio: r.audio,
    durationMs: r.durationMs,
    transcript: r.transcript,
    language: r.language,
    signals: r.signals
  }
}

export const RecordingPageSchema = z.object({
  total: z.number().int(),
  offset: z.number().int(),
  recordings: z.array(RecordingSummarySchema)
})
export type RecordingPage = z.infer<typeof RecordingPageSchema>
