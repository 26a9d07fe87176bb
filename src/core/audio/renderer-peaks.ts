import { z } from 'zod'
import type { AudioProbe, Peaks } from './types'
import { peaksFromJson } from './peaks/json'

export const MAX_BUCKETS = 16_384

const unit = z.number().finite().min(-1).max(1)

/**
 * What the renderer may hand back after decoding a codec Node cannot (AAC): it comes from a page
 * that decoded untrusted audio, so every field is checked before it reaches the cache.
 */
export const RendererPeaksSchema = z
  .object({
    duration: z.number().finite().positive().max(7 * 24 * 3600),
    sampleRate: z.number().int().min(1).max(1_000_000),
    channels: z.number().int().min(1).max(32),
    min: z.array(unit).min(1).max(MAX_BUCKETS),
    max: z.array(unit).min(1).max(MAX_BUCKETS)
  })
  .strict()
  .refine((p) => p.min.length === p.max.length, { message: 'min and max differ in length' })
  .refine((p) => p.min.every((v, i) => v <= p.max[i]!), { message: 'a bucket has its minimum above its maximum' })

export type RendererPeaks = z.infer<typeof RendererPeaksSchema>

/** Checked peaks for a recording the probe said the renderer must decode; a reason otherwise. */
export function validateRendererPeaks(probe: AudioProbe, payload: unknown): Peaks | { error: string } {
  if (!probe.needsRendererDecode) return { error: 'peaks from the renderer are only taken for audio Node cannot decode' }
  const parsed = RendererPeaksSchema.safeParse(payload)
  if (!parsed.success) return { error: `peaks from the renderer were rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}` }
  return peaksFromJson({ codec: probe.codec, ...parsed.data })
}
