import { TONES, type Tone } from './tones'
import { lowerBound, type Catalog, type Filtered } from './catalog'
import { formatDate, ticksFor } from './time'

export const AXIS_H = 26
export const LANE_H = 32
/** Clips drawn with their length are looked for this far before the view. */
const MAX_CLIP_MS = 600_000

export interface Palette {
  tones: Record<Tone, string>
  ink: string
  muted: string
  line: string
  panel: string
  bg: string
  focus: string
  alarm: string
}

export function readThemePalette(tones: Record<Tone, string>): Palette {
  const s = getComputedStyle(document.documentElement)
  const v = (name: string, fallback: string) => s.getPropertyValue(name).trim() || fallback
  return {
    tones,
    ink: v('--ink', '#222'),
    muted: v('--muted', '#666'),
    line: v('--line', '#ddd'),
    panel: v('--panel', '#fff'),
    bg: v('--bg', '#f6f6f8'),
    focus: v('--focus', '#f59f00'),
    alarm: v('--lane-alarm', 'rgba(255,0,0,0.08)')
  }
}

export interface LanesFrame {
  ctx: CanvasRenderingContext2D
  width: number
  height: number
  start: number
  end: number
  catalog: Catalog
  filtered: Filtered
  selected: number
  hover: number
  palette: Palette
  lang: string
}

/** x in CSS pixels for a time, and back. */
export const xOf = (t: number, start: number, end: number, width: number): number => ((t - start) / (end - start)) * width
export const timeAt = (x: number, start: number, end: number, width: number): number => start + (x / width) * (end - start)

/**
 * Draws the axis, the lanes and every passing recording in view. Marks that land on the same pixel
 * column (and tone) are drawn once, so a frame costs the marks in view, never more rectangles
 * than the canvas has columns per lane.
 */
export function drawLanes(f: LanesFrame): void {
  const { ctx, width, height, start, end, catalog: c, filtered, palette: p } = f
  ctx.clearRect(0, 0, width, height)
  if (!(end > start) || width <= 0) return
  const scale = width / (end - start)

  // Lane backgrounds: alternating, and a warning tint behind devices the account does not list.
  c.lanes.forEach((lane, li) => {
    const y = AXIS_H + li * LANE_H
    if (lane.registration === 'unregistered') {
      ctx.fillStyle = p.alarm
      ctx.fillRect(0, y, width, LANE_H)
    }
    ctx.fillStyle = p.line
    ctx.fillRect(0, y + LANE_H - 1, width, 1)
  })

  // Axis and grid.
  ctx.font = '12px system-ui, sans-serif'
  ctx.textBaseline = 'middle'
  const ticks = ticksFor(start, end, width, f.lang, 110)
  // Zoomed in to days or less, the day at the left edge is always named (with its year).
  let dayEnd = 0
  if (end - start < 45 * 86_400_000) {
    const day = formatDate(start, f.lang)
    ctx.font = '600 12px system-ui, sans-serif'
    const w = ctx.measureText(day).width + 12
    // A tick label it would run into is left out instead.
    dayEnd = w
    ctx.fillStyle = p.ink
    ctx.fillText(day, 4, AXIS_H / 2)
    ctx.font = '12px system-ui, sans-serif'
  }
  for (const tick of ticks) {
    const x = Math.round(xOf(tick.time, start, end, width)) + 0.5
    ctx.fillStyle = p.line
    ctx.fillRect(x - 0.5, tick.major ? 0 : AXIS_H - 6, 1, tick.major ? height : 6)
    ctx.globalAlpha = tick.major ? 0.9 : 0.45
    ctx.fillRect(x - 0.5, AXIS_H, 1, height - AXIS_H)
    ctx.globalAlpha = 1
    ctx.fillStyle = tick.major ? p.ink : p.muted
    // A label that would run off the right edge, or into the day named at the left, is left out rather than cut.
    if (x + 4 + ctx.measureText(tick.label).width <= width && x > dayEnd) ctx.fillText(tick.label, x + 4, AXIS_H / 2)
  }
  ctx.fillStyle = p.line
  ctx.fillRect(0, AXIS_H - 1, width, 1)

  // Full range, or wherever marks would merge into a block: a density view, bins per lane.
  if (densityBins(c, filtered, start, end, width) !== null) {
    drawDensity(f)
    drawSelection(f, scale)
    return
  }

  // Marks.
  const pad = 4 / scale
  const markTop = 7
  const markH = LANE_H - 14
  const withDuration = scale * 1000 >= 1 // a second is at least a pixel: draw each clip as long as it lasts
  for (let li = 0; li < c.lanes.length; li++) {
    const times = c.laneTimes[li]!
    const ids = c.laneIndex[li]!
    const y = AXIS_H + li * LANE_H + markTop
    let from = lowerBound(times, start - pad - (withDuration ? MAX_CLIP_MS : 0))
    const to = lowerBound(times, end + pad)
    let lastX = -10
    let lastTone = -1
    for (; from < to; from++) {
      const i = ids[from]!
      if (!filtered.mask[i]) continue
      const x = Math.floor((times[from]! - start) * scale)
      const tone = c.tone[i]!
      let w = 3
      if (withDuration) {
        const d = c.recordings[i]!.durationMs
        if (d) w = Math.max(3, Math.round(d * scale))
      }
      if (x === lastX && tone === lastTone && w === 3) continue
      lastX = x
      lastTone = tone
      ctx.fillStyle = p.tones[TONES[tone]!]
      ctx.fillRect(x - 1, y, w, markH)
    }
  }

  drawSelection(f, scale)
}

function drawSelection(f: LanesFrame, scale: number): void {
  const { ctx, width, height, start, catalog: c, filtered, palette: p } = f
  const ring = (i: number, color: string, thick: number) => {
    const t = c.time[i]
    if (t === undefined || !Number.isFinite(t)) return
    const x = Math.floor((t - start) * scale)
    if (x < -20 || x > width + 20) return
    const y = AXIS_H + c.lane[i]! * LANE_H
    ctx.strokeStyle = color
    ctx.lineWidth = thick
    ctx.strokeRect(x - 4.5, y + 3.5, 9, LANE_H - 7)
    return x
  }
  if (f.hover >= 0 && f.hover !== f.selected) ring(f.hover, p.ink, 1.5)
  // The selection is marked only while it passes the filters (the list does not show it otherwise either).
  if (f.selected >= 0 && filtered.mask[f.selected]) {
    const x = ring(f.selected, p.focus, 3)
    if (x !== undefined) {
      ctx.fillStyle = p.focus
      ctx.fillRect(x, AXIS_H, 1, height - AXIS_H)
    }
  }
}

/** The passing recording nearest to x in lane li, within `reach` pixels; -1 when there is none. */
export function hitTest(c: Catalog, filtered: Filtered, li: number, x: number, start: number, end: number, width: number, reach = 6): number {
  const times = c.laneTimes[li]
  const ids = c.laneIndex[li]
  if (!times || !ids || !(end > start)) return -1
  const scale = width / (end - start)
  const t = start + x / scale
  const at = lowerBound(times, t)
  let best = -1
  let bestD = reach + 1
  for (let j = at; j < times.length; j++) {
    const d = Math.abs((times[j]! - t) * scale)
    if (d > reach) break
    if (filtered.mask[ids[j]!] && d < bestD) {
      best = ids[j]!
      bestD = d
    }
  }
  for (let j = at - 1; j >= 0; j--) {
    // Zoomed in far enough, a clip is drawn as long as it lasts: a point inside it hits it.
    const dur = c.recordings[ids[j]!]!.durationMs ?? 0
    const d = Math.max(0, (t - times[j]! - dur) * scale)
    if (d > reach && t - times[j]! > MAX_CLIP_MS) break
    if (filtered.mask[ids[j]!] && d < bestD) {
      best = ids[j]!
      bestD = d
    }
  }
  return best
}

/** Passing recordings per bin and tone over [lo, hi], for the overview's stacked density bars. */
export function toneHistogram(c: Catalog, filtered: Filtered, bins: number, lo: number, hi: number): { counts: Uint32Array; max: number } {
  const k = TONES.length
  const counts = new Uint32Array(Math.max(1, bins) * k)
  const span = hi - lo
  let max = 0
  if (!(span > 0)) return { counts, max }
  const totals = new Uint32Array(Math.max(1, bins))
  for (let i = 0; i < c.time.length; i++) {
    if (!filtered.mask[i]) continue
    const t = c.time[i]!
    if (!Number.isFinite(t)) continue
    const b = Math.floor(((t - lo) / span) * bins)
    if (b < 0 || b >= bins) continue
    counts[b * k + c.tone[i]!]!++
    const total = ++totals[b]!
    if (total > max) max = total
  }
  return { counts, max }
}

/** Width of a density bin in CSS pixels. */
export const BIN_PX = 4
/** Above this many passing recordings per bin on average (in the busiest lane), marks become bins. */
const DENSE = 1.5

/** Whether the view is dense enough for bins: the busiest lane's passing recordings per bin in view. */
export function densityBins(c: Catalog, filtered: Filtered, start: number, end: number, width: number): number | null {
  if (!(end > start) || width <= 0) return null
  const bins = Math.max(1, Math.floor(width / BIN_PX))
  let busiest = 0
  for (let li = 0; li < c.lanes.length; li++) {
    const times = c.laneTimes[li]!
    const n = lowerBound(times, end) - lowerBound(times, start)
    // Upper bound without the filter: cheap, and a filtered view that is sparse still passes below.
    if (n > busiest) busiest = Math.min(n, filtered.laneCounts[li] ?? n)
  }
  return busiest / bins > DENSE ? bins : null
}

/** Passing recordings of one lane per bin and tone, over [start, end). */
export function laneBins(c: Catalog, filtered: Filtered, li: number, start: number, end: number, bins: number): Uint32Array {
  const k = TONES.length
  const out = new Uint32Array(bins * k)
  const times = c.laneTimes[li]!
  const ids = c.laneIndex[li]!
  const span = end - start
  for (let j = lowerBound(times, start), to = lowerBound(times, end); j < to; j++) {
    const i = ids[j]!
    if (!filtered.mask[i]) continue
    const b = Math.min(bins - 1, Math.floor(((times[j]! - start) / span) * bins))
    out[b * k + c.tone[i]!]!++
  }
  return out
}

/** Each lane as bars of recordings per bin, stacked by tone, height on a square-root scale of the busiest bin. */
function drawDensity(f: LanesFrame): void {
  const { ctx, width, start, end, catalog: c, filtered, palette: p } = f
  const bins = Math.max(1, Math.floor(width / BIN_PX))
  const k = TONES.length
  const perLane = c.lanes.map((_, li) => laneBins(c, filtered, li, start, end, bins))
  let max = 1
  for (const counts of perLane)
    for (let b = 0; b < bins; b++) {
      let total = 0
      for (let j = 0; j < k; j++) total += counts[b * k + j]!
      if (total > max) max = total
    }
  const barH = LANE_H - 8
  perLane.forEach((counts, li) => {
    const base = AXIS_H + li * LANE_H + LANE_H - 4
    for (let b = 0; b < bins; b++) {
      let total = 0
      for (let j = 0; j < k; j++) total += counts[b * k + j]!
      if (!total) continue
      const h = Math.max(2, Math.sqrt(total / max) * barH)
      let y = base
      for (let j = 0; j < k; j++) {
        const n = counts[b * k + j]!
        if (!n) continue
        const part = (n / total) * h
        ctx.fillStyle = p.tones[TONES[j]!]
        ctx.fillRect(b * BIN_PX, y - part, BIN_PX - 1, part)
        y -= part
      }
    }
  })
}
