import { setMaxListeners } from 'node:events'
import type { ArchiveEntry, OpenedArchive } from '../archive'
import { peaksKey } from '../audio/scheduler'
import type { PeaksCache } from '../audio/cache'
import type { PeaksPool } from '../audio/pool/pool'
import type { VoiceCache } from './cache'
import { inLanes } from '../lanes'

export interface VoiceTarget {
  id: string
  entry: ArchiveEntry
}

export interface ExtractProgress {
  done: number
  total: number
  fromCache: number
}

export interface ExtractOptions {
  pool: PeaksPool
  cache?: VoiceCache | null
  signal?: AbortSignal
  onProgress?: (p: ExtractProgress) => void
  /** Peaks buckets asked of the worker: the decode makes them anyway, few are enough here. */
  buckets?: number
  /** Where the app keeps waveform peaks: the same decode fills it, so the waveform needs no second one. */
  peaks?: PeaksCache | null
}

/**
 * The voice vector of every target, from the cache or from one decode each in the peaks workers
 * (which make the peaks in the same pass). Null for a clip that cannot be read or says too little.
 * Keeps the pool's capacity busy and no more, so memory follows the number of workers.
 */
export async function extractVoices(archive: OpenedArchive, targets: readonly VoiceTarget[], o: ExtractOptions): Promise<(Float32Array | null)[]> {
  const out: (Float32Array | null)[] = new Array(targets.length).fill(null)
  const progress: ExtractProgress = { done: 0, total: targets.length, fromCache: 0 }
  // One listener on the caller's signal, whatever the number of jobs the pool hangs on it.
  const inner = new AbortController()
  setMaxListeners(0, inner.signal)
  const stop = () => inner.abort()
  o.signal?.addEventListener('abort', stop, { once: true })
  let last = 0
  const report = () => {
    const now = Date.now()
    if (progress.done === progress.total || now - last > 100) {
      last = now
      o.onProgress?.({ ...progress })
    }
  }
  const one = async (i: number) => {
    const { entry } = targets[i]!
    const key = peaksKey(archive, entry, 0)
    const cached = await o.cache?.get(key)
    if (cached !== undefined) {
      out[i] = cached
      progress.fromCache++
      return
    }
    try {
      const buckets = o.buckets ?? 64
      const outcome = await o.pool.run({ size: entry.info.size, buckets, voice: true, open: async () => archive.openEntry(entry), signal: inner.signal })
      out[i] = outcome.status === 'ready' ? (outcome.voice ?? null) : null
      if (outcome.status === 'ready' && o.peaks) {
        const { codec, sampleRate, channels, duration, min, max } = outcome
        await o.peaks.put(peaksKey(archive, entry, buckets), { status: 'ready', peaks: { codec, sampleRate, channels, duration, min, max } }).catch(() => undefined)
      }
      // Only decoded outcomes are cached: a renderer-only codec may be decodable another day.
      if (outcome.status !== 'needsRendererDecode') await o.cache?.put(key, out[i]!).catch(() => undefined)
    } catch (err) {
      if (o.signal?.aborted) throw err
      out[i] = null
    }
  }
  try {
    await inLanes(targets.length, o.pool.capacity, async (i) => {
      if (o.signal?.aborted) throw Object.assign(new Error('Voice analysis was cancelled.'), { name: 'AbortError' })
      await one(i)
      progress.done++
      report()
    })
  } finally {
    o.signal?.removeEventListener('abort', stop)
  }
  return out
}
