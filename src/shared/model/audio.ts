import { z } from 'zod'

/** Buckets the renderer may hand back per recording; more than any screen is wide. */
export const MAX_PEAK_BUCKETS = 16_384

export const AudioCodecSchema = z.enum(['pcm', 'float', 'mulaw', 'alaw', 'mp3', 'mp2', 'mp1', 'opus', 'vorbis', 'flac', 'aac', 'alac', 'other'])
export const AudioContainerSchema = z.enum(['wav', 'mp3', 'ogg', 'flac', 'mp4', 'adts'])

/** What a recording's header says, read without decoding it (core/audio/probe). */
export const AudioFactsSchema = z.object({
  container: AudioContainerSchema,
  codec: AudioCodecSchema,
  sampleRate: z.number(),
  channels: z.number().int(),
  bitsPerSample: z.number().int().nullable(),
  /** Seconds; null when neither the header nor a cheap scan can tell. */
  duration: z.number().nullable(),
  exact: z.boolean(),
  truncated: z.boolean(),
  /** No decoder in Node: the renderer decodes it and hands the peaks back with storeRendererPeaks. */
  needsRendererDecode: z.boolean()
})
export type AudioFacts = z.infer<typeof AudioFactsSchema>

const unit = z.number().finite().min(-1).max(1)

/**
 * A waveform as it crosses the contract: min and max per bucket in [-1, 1], four decimals. Plain
 * number arrays survive structured clone, zod and JSON alike; 2,000 buckets are ~30 KB.
 */
export const WaveformSchema = z.object({
  /** Seconds, from the samples actually decoded. */
  duration: z.number(),
  sampleRate: z.number(),
  channels: z.number().int(),
  min: z.array(z.number()),
  max: z.array(z.number())
})
export type Waveform = z.infer<typeof WaveformSchema>

/**
 * One recording's audio for the player:
 * - `ready`: peaks are here;
 * - `pending`: queued or decoding; an `audio.peaks` event says when to ask again;
 * - `decode-here`: Node has no decoder (AAC): the renderer decodes from `mediaUrl` and hands peaks back;
 * - `error`: "audio could not be read: <reason>", and playback is off;
 * - `none`: the recording has no audio file in the export.
 */
export const RecordingAudioSchema = z.object({
  recordingId: z.string(),
  status: z.enum(['ready', 'pending', 'decode-here', 'error', 'none']),
  facts: AudioFactsSchema.nullable(),
  peaks: WaveformSchema.nullable(),
  error: z.string().nullable(),
  /** Where the renderer streams the audio from (our media scheme, or the harness's loopback server); null when it cannot play. */
  mediaUrl: z.string().nullable()
})
export type RecordingAudio = z.infer<typeof RecordingAudioSchema>

/** Peaks the renderer decoded itself: from a page that decoded untrusted audio, so every field is bounded. */
export const RendererPeaksSchema = z
  .object({
    duration: z.number().finite().positive().max(7 * 24 * 3600),
    sampleRate: z.number().int().min(1).max(1_000_000),
    channels: z.number().int().min(1).max(32),
    min: z.array(unit).min(1).max(MAX_PEAK_BUCKETS),
    max: z.array(unit).min(1).max(MAX_PEAK_BUCKETS)
  })
  .strict()
  .refine((p) => p.min.length === p.max.length, { message: 'min and max differ in length' })
  .refine((p) => p.min.every((v, i) => v <= p.max[i]!), { message: 'a bucket has its minimum above its maximum' })
export type RendererPeaks = z.infer<typeof RendererPeaksSchema>

/** Background peaks of one open export. */
export const AudioProgressSchema = z.object({
  archiveId: z.string(),
  total: z.number().int(),
  done: z.number().int(),
  failed: z.number().int(),
  fromCache: z.number().int()
})
export type AudioProgress = z.infer<typeof AudioProgressSchema>

/** A recording the renderer asked about has its result: ask recordingAudio again. */
export const AudioPeaksEventSchema = z.object({
  archiveId: z.string(),
  recordingId: z.string(),
  status: z.enum(['ready', 'decode-here', 'error'])
})
export type AudioPeaksEvent = z.infer<typeof AudioPeaksEventSchema>

/** Recordings' lengths became known without decoding (WAV headers): the renderer asks audioDurations for them. */
export const AudioDurationsEventSchema = z.object({
  archiveId: z.string(),
  /** How many lengths the engine knows for the export now. */
  known: z.number().int()
})

/** The most ids one priorities call names: more than any timeline shows at once. */
export const MAX_VISIBLE_IDS = 2000

/** Recordings one rowWaveforms call takes: more rows than any list shows at once. */
export const MAX_ROW_WAVES = 200

/**
 * Small waveforms for list rows: per recording, the loudness of each bucket as a whole number
 * 0..100 (100 only where the audio clips), or null while its peaks are not made yet.
 */
export const RowWavesSchema = z.object({
  waves: z.array(z.array(z.number().int().min(0).max(100)).nullable())
})
export type RowWaves = z.infer<typeof RowWavesSchema>
