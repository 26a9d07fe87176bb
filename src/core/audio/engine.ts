import type { ArchiveEntry, OpenedArchive } from '../archive'
import { PeaksCache, type PeaksKey } from './cache'
import { PeaksPool, type PoolOptions } from './pool/pool'
import { probe } from './probe/index'
import { entryReader } from './reader'
import { validateRendererPeaks } from './renderer-peaks'
import { PeaksScheduler } from './scheduler'
import type { AudioFailure, AudioProbe, PeaksResult } from './types'

export interface AudioEngine {
  pool: PeaksPool
  cache: PeaksCache
  scheduler: PeaksScheduler
  close(): Promise<void>
}

/** The pieces the services need, wired the usual way: one pool, the home's cache, one scheduler. */
export function createAudioEngine(o: { home: string; buckets?: number; pool?: PoolOptions; cacheBytes?: number }): AudioEngine {
  const pool = new PeaksPool(o.pool)
  const cache = PeaksCache.inHome(o.home, { maxBytes: o.cacheBytes })
  const scheduler = new PeaksScheduler({ pool, cache, buckets: o.buckets })
  return {
    pool,
    cache,
    scheduler,
    async close() {
      scheduler.close()
      await pool.close()
    }
  }
}

/** Duration, rate, channels and codec of one recording in an open export, from its header. */
export const probeEntry = (archive: OpenedArchive, entry: ArchiveEntry): Promise<AudioProbe | AudioFailure> => probe(entryReader(archive, entry))

/**
 * Stores peaks the renderer decoded, outside a scheduler: checked against the recording's probe,
 * then cached under its key. The scheduler's own storeRendererPeaks also announces the result.
 */
export async function storeRendererPeaks(cache: PeaksCache, key: PeaksKey, probed: AudioProbe, payload: unknown): Promise<PeaksResult> {
  const checked = validateRendererPeaks(probed, payload)
  if ('error' in checked) return { status: 'error', error: checked.error }
  await cache.put(key, { status: 'ready', peaks: checked })
  return { status: 'ready', peaks: checked }
}
