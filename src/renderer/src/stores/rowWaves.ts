import { create } from 'zustand'
import { MAX_ROW_WAVES } from '../../../shared/model/audio'
import { call, onEvent } from '../api/client'
import { rowWaveShape, type RowWaveShape } from '../review/row-wave-shape'

/** Buckets per row waveform: a bar every ~1.6 px of the row's 64 px waveform. */
export const ROW_BUCKETS = 40
/** Rows asked together; the list asks for what it shows, a frame's worth at a time. */
const BATCH_MS = 60

interface RowWavesState {
  archiveId: string | null
  /** Bumped when waves arrive: the list re-reads the map (kept outside React state, it is large). */
  version: number
}

export const useRowWavesStore = create<RowWavesState>(() => ({ archiveId: null, version: 0 }))

/** After this long a row still without its waveform is asked again when it comes into view. */
const ASK_AGAIN_MS = 2000
/** Loudness buckets per recording id (40 bytes each); a number is when it was asked, its peaks not made then. */
const waves = new Map<string, Uint8Array | number>()
/**
 * The drawn shapes made last (first made, first dropped): about 1 kB of path each, so they are kept
 * for the last few thousand rows shown, not for all 100,000; a row whose shape was dropped makes it again.
 */
const shapes = new Map<string, RowWaveShape>()
const SHAPES_KEPT = 5000
const wanted = new Set<string>()
let timer: ReturnType<typeof setTimeout> | null = null
let generation = 0

/** The same object for the same recording while it is kept: a memoised row sees an unchanged prop. */
export const rowWaveOf = (id: string): RowWaveShape | null => {
  const kept = shapes.get(id)
  if (kept) return kept
  const w = waves.get(id)
  if (!(w instanceof Uint8Array)) return null
  const shape = rowWaveShape(w)
  shapes.set(id, shape)
  if (shapes.size > SHAPES_KEPT) shapes.delete(shapes.keys().next().value!)
  return shape
}

/** Rows in view ask for their waveforms; ones known, or asked a moment ago, are not asked again. */
export function wantRowWaves(ids: readonly string[]): void {
  const now = performance.now()
  for (const id of ids) {
    const w = waves.get(id)
    if (w === undefined || (typeof w === 'number' && now - w > ASK_AGAIN_MS)) wanted.add(id)
  }
  if (wanted.size > 0 && timer === null) timer = setTimeout(flush, BATCH_MS)
}

async function flush(): Promise<void> {
  timer = null
  const { archiveId } = useRowWavesStore.getState()
  if (!archiveId || wanted.size === 0) return
  const mine = generation
  const ids = [...wanted].slice(0, MAX_ROW_WAVES)
  const now = performance.now()
  for (const id of ids) {
    wanted.delete(id)
    waves.set(id, now)
  }
  if (wanted.size > 0) timer = setTimeout(flush, BATCH_MS)
  try {
    const answer = await call('rowWaveforms', { archiveId, recordingIds: ids, buckets: ROW_BUCKETS })
    if (mine !== generation) return
    let got = 0
    answer.waves.forEach((w, k) => {
      if (w) {
        waves.set(ids[k]!, Uint8Array.from(w))
        got++
      }
    })
    if (got > 0) useRowWavesStore.setState((s) => ({ version: s.version + 1 }))
  } catch {
    // The export closed meanwhile: nothing to draw.
  }
}

/** A recording whose peaks were not made yet is asked again once the engine announces them. */
onEvent('audio.peaks', (e) => {
  if (e.archiveId !== useRowWavesStore.getState().archiveId) return
  if (typeof waves.get(e.recordingId) === 'number') {
    waves.delete(e.recordingId)
    wantRowWaves([e.recordingId])
  }
})

/** Forgets every waveform: called by the one reset when the open export changes. */
export function resetRowWaves(archiveId: string | null): void {
  generation++
  waves.clear()
  shapes.clear()
  wanted.clear()
  if (timer) clearTimeout(timer)
  timer = null
  useRowWavesStore.setState({ archiveId, version: 0 })
}
