import { MAX_PEAK_BUCKETS, RendererPeaksSchema, type RendererPeaks } from '../../shared/model/audio'
import type { AudioProbe, Peaks } from './types'
import { peaksFromJson } from './peaks/json'

/** The schema lives with the contract (the renderer sends these); core re-checks on every store. */
export const MAX_BUCKETS = MAX_PEAK_BUCKETS
export { RendererPeaksSchema, type RendererPeaks }

/** Checked peaks for a recording the probe said the renderer must decode; a reason otherwise. */
export function validateRendererPeaks(probe: AudioProbe, payload: unknown): Peaks | { error: string } {
  if (!probe.needsRendererDecode) return { error: 'peaks from the renderer are only taken for audio Node cannot decode' }
  const parsed = RendererPeaksSchema.safeParse(payload)
  if (!parsed.success) return { error: `peaks from the renderer were rejected: ${parsed.error.issues[0]?.message ?? 'invalid'}` }
  return peaksFromJson({ codec: probe.codec, ...parsed.data })
}
