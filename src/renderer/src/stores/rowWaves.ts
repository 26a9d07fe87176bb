import { MAX_ROW_WAVES } from '../../../shared/model/audio'
import { call, onEvent } from '../api/client'
import { rowWaveShape, type RowWaveShape } from '../review/row-wave-shape'
import type { Root, SliceCreator } from './slice'

/** Buckets per row waveform: a bar every ~1.6 px of the row's 64 px waveform. */
export const ROW_BUCKETS = 40
/** Rows asked together; the list asks for what it shows, a frame's worth at a time. */
const BATCH_MS = 60
/** After this long a row still without its waveform is asked again when it comes into view. */
const ASK_AGAIN_MS = 2000

/**
 * One export's row waveforms, kept outside React's view of state (it is large and filled in place):
 * loudness buckets per recording id, or when it was asked while its peaks were not made yet.
 */
export interface RowWaveCache {
  /** Loudness buckets per recording id (40 bytes each); a number is when it was asked, its peaks not made then. */
  waves: Map<string, Uint8Array | number>
  /**
   * The drawn shapes made last (first made, first dropped): about 1 kB of path each, so they are kept
   * for the last few thousand rows shown, not for all 100,000; a row whose shape was dropped makes it again.
   */
  shapes: Map<string, RowWaveShape>
  wanted: Set<string>
}

const SHAPES_KEPT = 5000

export interface RowWavesSlice {
  archiveId: string | null
  /** Replaced by the one reset: a batch that returns for an earlier export fills a cache nobody reads. */
  cache: RowWaveCache
  /** Bumped when waves arrive: rows re-read the cache. */
  version: number
  /** Rows in view ask for their waveforms; ones known, or asked a moment ago, are not asked again. */
  want(ids: readonly string[]): void
}

const newCache = (): RowWaveCache => ({ waves: new Map(), shapes: new Map(), wanted: new Set() })

/** Forgets every waveform when the open export changes (the one reset, per-export.ts). */
export const freshRowWaves = (archiveId: string | null): Partial<RowWavesSlice> => ({ archiveId, cache: newCache(), version: 0 })

/** A row's waveform once it has arrived: the same object while it is kept, so a memoised row sees an unchanged prop. */
export const rowWaveOf = (s: RowWavesSlice, id: string): RowWaveShape | null => {
  const { shapes, waves } = s.cache
  const kept = shapes.get(id)
  if (kept) return kept
  const w = waves.get(id)
  if (!(w instanceof Uint8Array)) return null
  const shape = rowWaveShape(w)
  shapes.set(id, shape)
  if (shapes.size > SHAPES_KEPT) shapes.delete(shapes.keys().next().value!)
  return shape
}

export const createRowWavesSlice: SliceCreator<RowWavesSlice> = (set, get) => {
  let timer: ReturnType<typeof setTimeout> | null = null

  async function flush(): Promise<void> {
    timer = null
    const { archiveId, cache } = get()
    const { waves, wanted } = cache
    if (!archiveId || wanted.size === 0) return
    const ids = [...wanted].slice(0, MAX_ROW_WAVES)
    const now = performance.now()
    for (const id of ids) {
      wanted.delete(id)
      waves.set(id, now)
    }
    if (wanted.size > 0) timer = setTimeout(() => void flush(), BATCH_MS)
    try {
      const answer = await call('rowWaveforms', { archiveId, recordingIds: ids, buckets: ROW_BUCKETS })
      if (get().cache !== cache) return
      let got = 0
      answer.waves.forEach((w, k) => {
        if (w) {
          waves.set(ids[k]!, Uint8Array.from(w))
          got++
        }
      })
      if (got > 0) set((s) => ({ version: s.version + 1 }))
    } catch {
      // The export closed meanwhile: nothing to draw.
    }
  }

  return {
    archiveId: null,
    cache: newCache(),
    version: 0,
    want(ids) {
      const { waves, wanted } = get().cache
      const now = performance.now()
      for (const id of ids) {
        const w = waves.get(id)
        if (w === undefined || (typeof w === 'number' && now - w > ASK_AGAIN_MS)) wanted.add(id)
      }
      if (wanted.size > 0 && timer === null) timer = setTimeout(() => void flush(), BATCH_MS)
    }
  }
}

/** A recording whose peaks were not made yet is asked again once the engine announces them. */
export function listenRowWaves(root: Root<{ rowWaves: RowWavesSlice }>): void {
  onEvent('audio.peaks', (e) => {
    const { rowWaves } = root.getState()
    if (e.archiveId !== rowWaves.archiveId) return
    if (typeof rowWaves.cache.waves.get(e.recordingId) === 'number') {
      rowWaves.cache.waves.delete(e.recordingId)
      rowWaves.want([e.recordingId])
    }
  })
}
