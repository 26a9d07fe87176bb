import { clusterVectors, type ClusterOptions, type Clustering } from './cluster'
import type { VoiceEmbedder } from './embedder'

/**
 * Clips with this much speech decide what the voices are; shorter ones follow their few words more
 * than their speaker and only join the voices found (or form their own when far from all of them).
 * When most of an export is shorter, the export's median length is the bar instead.
 */
const SURE_SECONDS = 1

/** The voices among an embedder's vectors: its weights, and its clips' lengths of speech, shape the clustering. */
export function clusterEmbedded(vectors: readonly (Float32Array | null)[], embedder: Pick<VoiceEmbedder, 'weights' | 'speechSeconds'>, extra: ClusterOptions = {}): Clustering {
  const seconds = embedder.speechSeconds
  let reliable: ((i: number) => boolean) | undefined
  if (seconds) {
    const length = vectors.map((v) => (v ? seconds(v) : Number.NaN))
    const known = length.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b)
    const bar = Math.min(SURE_SECONDS, known[known.length >> 1] ?? 0)
    reliable = (i) => length[i]! >= bar
  }
  return clusterVectors(vectors, { weights: embedder.weights, reliable, ...extra })
}
