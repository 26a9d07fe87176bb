import { z } from 'zod'
import { EVENT_NAMES, type SameNames } from './names'
import { AudioDurationsEventSchema, AudioPeaksEventSchema, AudioProgressSchema } from '../model/audio'
import { ComplaintProgressSchema } from '../model/complaint-calls'
import { VerdictsEventSchema } from '../model/review'
import { VoicesChangedSchema } from '../model/voices'

/** Every event main pushes to the renderer. */
export const events = {
  'archive.progress': z.object({
    jobId: z.string(),
    phase: z.enum(['listing', 'nested', 'parts', 'providers', 'done']),
    entries: z.number().int(),
    bytes: z.number(),
    totalBytes: z.number()
  }),
  'archive.hashed': z.object({
    archiveId: z.string(),
    sha256: z.string().nullable(),
    error: z.string().nullable()
  }),
  /** The detector's verdicts changed without a call asking (a later rule such as the voice rules, a re-read): replace them. */
  'review.verdicts': VerdictsEventSchema,
  /** The voices of an open export: progress, ready or failed, or a voice mark changed (ask `voices` again). */
  'voices.changed': VoicesChangedSchema,
  /** A menu item or shortcut handled in the renderer. */
  'app.command': z.object({ command: z.enum(['open-export', 'open-folder']) }),
  /** Saving letters or an evidence bundle: hashing, then writing. */
  'complaint.progress': ComplaintProgressSchema,
  /** Background waveform peaks of an open export. */
  'audio.progress': AudioProgressSchema,
  /** A recording the renderer asked about has its peaks (or its reason). */
  'audio.peaks': AudioPeaksEventSchema,
  /** Lengths read from headers (no decoding) are ready to be asked for. */
  'audio.durations': AudioDurationsEventSchema
} as const

export type Events = typeof events
export type EventName = keyof Events
export type EventPayload<K extends EventName> = z.output<Events[K]>
export const eventNames = Object.keys(events) as EventName[]

// The preload bundles names.ts, not this table: an event missing there would be dropped in the app
// without a word, so the compiler holds the two lists equal (contract.test.ts checks the order-free values too).
const eventListsMatch: SameNames<EventName, (typeof EVENT_NAMES)[number]> = true
void eventListsMatch
