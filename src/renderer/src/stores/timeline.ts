import type { SliceCreator } from './slice'

/** The closest the timeline zooms: a couple of seconds across its width. */
export const MIN_SPAN = 2000

export type LaneMode = 'device' | 'voice'

export interface TimelineSlice {
  /** The whole range the export's recordings cover, padded; the overview strip shows it. */
  lo: number
  hi: number
  /** The range the lanes show now. */
  start: number
  end: number
  /** The person zoomed or panned: new data then no longer refits the view. */
  touched: boolean
  /** One lane per device, or one per voice (once the voices are known). */
  laneMode: LaneMode
  setLaneMode(mode: LaneMode): void
  /** Sets the data's range (earliest and latest recording); refits unless the person has moved. */
  setDomain(min: number, max: number): void
  setView(start: number, end: number): void
  /** factor < 1 zooms in; anchor is the time that stays put (default the centre). */
  zoomBy(factor: number, anchor?: number): void
  /** Moves by a fraction of the visible span (negative: earlier). */
  panBy(fraction: number): void
  /** Brings a time into view, keeping the zoom, when it is outside. */
  reveal(time: number): void
  fit(): void
}

function padded(min: number, max: number): [number, number] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 0]
  const pad = Math.max((max - min) * 0.03, 30 * 60_000)
  return [min - pad, max + pad]
}

function clamp(start: number, end: number, lo: number, hi: number): [number, number] {
  if (!(hi > lo)) return [lo, hi]
  let span = Math.min(Math.max(end - start, MIN_SPAN), hi - lo)
  if (!Number.isFinite(span)) span = hi - lo
  let s = start + (end - start - span) / 2
  if (s < lo) s = lo
  if (s + span > hi) s = hi - span
  return [s, s + span]
}

/**
 * The visible time range. It changes at frame rate while zooming, so the canvas reads it with a
 * transient `subscribe` rather than through React renders.
 */
export const createTimelineSlice: SliceCreator<TimelineSlice> = (set, get) => ({
  lo: 0,
  hi: 0,
  start: 0,
  end: 0,
  touched: false,
  laneMode: 'device',
  setLaneMode: (laneMode) => set({ laneMode }),

  setDomain(min, max) {
    const [lo, hi] = padded(min, max)
    const { touched, start, end, lo: oldLo, hi: oldHi } = get()
    if (lo === oldLo && hi === oldHi) return
    if (!touched) set({ lo, hi, start: lo, end: hi })
    else {
      const [s, e] = clamp(start, end, lo, hi)
      set({ lo, hi, start: s, end: e })
    }
  },
  setView(start, end) {
    const { lo, hi } = get()
    const [s, e] = clamp(Math.min(start, end), Math.max(start, end), lo, hi)
    set({ start: s, end: e, touched: true })
  },
  zoomBy(factor, anchor) {
    const { start, end } = get()
    const a = anchor ?? (start + end) / 2
    get().setView(a - (a - start) * factor, a + (end - a) * factor)
  },
  panBy(fraction) {
    const { start, end } = get()
    const d = (end - start) * fraction
    get().setView(start + d, end + d)
  },
  reveal(time) {
    const { start, end } = get()
    if (!Number.isFinite(time) || (time >= start && time <= end)) return
    const half = (end - start) / 2
    get().setView(time - half, time + half)
  },
  fit() {
    const { lo, hi } = get()
    set({ start: lo, end: hi, touched: false })
  }
})

/** What a new export starts with (the one reset, per-export.ts). */
export const freshTimeline = (): Partial<TimelineSlice> => ({ lo: 0, hi: 0, start: 0, end: 0, touched: false, laneMode: 'device' })
