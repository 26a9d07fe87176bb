import type { OpenedArchive } from '../archive'
import { audioEntryLookup } from '../audio/entry-lookup'
import type { PeaksCache } from '../audio/cache'
import type { PeaksPool } from '../audio/pool/pool'
import type { ExportReading } from '../../shared/model/recording'
import type { VoiceCache } from './cache'
import { clusterEmbedded } from './by-embedder'
import type { ClusterOptions } from './cluster'
import type { VoiceEmbedder } from './embedder'
import { extractVoices, type ExtractProgress, type VoiceTarget } from './extract'
import { voicesOf, type VoiceGroups } from './groups'
import { spectralEmbedder } from './spectral'

export interface AnalyseVoicesOptions {
  pool: PeaksPool
  cache?: VoiceCache | null
  signal?: AbortSignal
  onProgress?: (p: ExtractProgress) => void
  cluster?: ClusterOptions
  /** Waveform peaks made in the same decode go here (the app's cache), at this many buckets. */
  peaks?: PeaksCache | null
  buckets?: number
  /** The embedder the peaks workers run (the spectral one); its weights shape the clustering. */
  embedder?: VoiceEmbedder
}

/** The audio entry of each recording that has one in this archive. */
export function voiceTargets(archive: OpenedArchive, reading: ExportReading): { targets: VoiceTarget[]; indices: number[] } {
  const entryOf = audioEntryLookup(archive)
  const targets: VoiceTarget[] = []
  const indices: number[] = []
  reading.recordings.forEach((r, i) => {
    const entry = entryOf(r)
    if (!entry) return
    targets.push({ id: r.id, entry })
    indices.push(i)
  })
  return { targets, indices }
}

/** Every recording's voice vector (one decode each, or the cache), then the voices they form. */
export async function analyseVoices(archive: OpenedArchive, reading: ExportReading, o: AnalyseVoicesOptions): Promise<VoiceGroups> {
  const { targets, indices } = voiceTargets(archive, reading)
  const found = await extractVoices(archive, targets, o)
  const vectors: (Float32Array | null)[] = new Array(reading.recordings.length).fill(null)
  indices.forEach((recording, t) => (vectors[recording] = found[t]!))
  return voicesOf(reading.recordings, clusterEmbedded(vectors, o.embedder ?? spectralEmbedder, o.cluster), found.filter((v) => v !== null).length)
}
