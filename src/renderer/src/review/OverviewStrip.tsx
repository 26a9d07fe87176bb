import { memo, useEffect, useRef, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../format'
import { MIN_SPAN } from '../stores/timeline'
import type { Catalog, Filtered } from './catalog'
import { toneHistogram, type Palette } from './timeline-draw'
import { formatRange, ticksFor } from './time'
import { TONES } from './tones'
import { useCanvas } from './useCanvas'
import { useStore, watch } from '../stores'

/** Only tick marks under the bars: the lanes below carry the one labelled time axis. */
const LABEL_H = 5

type DragMode = 'left' | 'right' | 'move' | 'new'

/**
 * The whole export at a glance: a density histogram of the passing recordings, stacked by tone (so a
 * burst from a device that is not registered shows red), with a brush over the part the lanes show.
 * Drag on it to choose a range, drag the brush to move it, drag its edges to resize it.
 */
export const OverviewStrip = memo(function OverviewStrip({ catalog, filtered, palette }: { catalog: Catalog; filtered: Filtered; palette: Palette }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const lo = useStore((s) => s.timeline.lo)
  const hi = useStore((s) => s.timeline.hi)
  const brushRef = useRef<HTMLDivElement>(null)
  const stripRef = useRef<HTMLDivElement>(null)

  const { canvasRef, schedule } = useCanvas((ctx, width, height) => {
    ctx.clearRect(0, 0, width, height)
    if (!(hi > lo)) return
    const barsH = height - LABEL_H
    const bins = Math.max(1, Math.floor(width / 3))
    const { counts, max } = toneHistogram(catalog, filtered, bins, lo, hi)
    const k = TONES.length
    const bw = width / bins
    for (let b = 0; b < bins; b++) {
      let total = 0
      for (let j = 0; j < k; j++) total += counts[b * k + j]!
      if (!total) continue
      // Square-root scale: one stray recording is still visible beside a busy day.
      const h = Math.max(2, Math.sqrt(total / max) * (barsH - 2))
      let y = barsH
      for (let j = 0; j < k; j++) {
        const c = counts[b * k + j]!
        if (!c) continue
        const part = (c / total) * h
        ctx.fillStyle = palette.tones[TONES[j]!]
        ctx.fillRect(b * bw, y - part, Math.max(1, bw - 1), part)
        y -= part
      }
    }
    ctx.fillStyle = palette.line
    ctx.fillRect(0, barsH, width, 1)
    ctx.font = '11px system-ui, sans-serif'
    ctx.textBaseline = 'middle'
    ctx.fillStyle = palette.muted
    for (const tick of ticksFor(lo, hi, width, lang, 130)) {
      const x = ((tick.time - lo) / (hi - lo)) * width
      ctx.fillRect(x, barsH, 1, LABEL_H)
    }
  })
  // Repaint only when what it shows changes; the brush moves without a repaint.
  useEffect(() => schedule(), [schedule, catalog, filtered, palette, lo, hi, lang])

  // The brush follows the view without React renders.
  useEffect(() => {
    const place = () => {
      const { start, end, lo: l, hi: h } = useStore.getState().timeline
      const el = brushRef.current
      if (!el) return
      if (!(h > l)) {
        el.style.display = 'none'
        return
      }
      el.style.display = ''
      el.style.left = `${((start - l) / (h - l)) * 100}%`
      el.style.width = `${Math.max(0.4, ((end - start) / (h - l)) * 100)}%`
    }
    place()
    return watch((s) => s.timeline, place)
  }, [])

  const drag = useRef<{ mode: DragMode; x0: number; start0: number; end0: number; moved: boolean } | null>(null)
  const geometry = (e: PointerEvent) => {
    const rect = stripRef.current!.getBoundingClientRect()
    const { lo: l, hi: h } = useStore.getState().timeline
    const x = Math.min(rect.width, Math.max(0, e.clientX - rect.left))
    return { x, width: rect.width, timeAt: (px: number) => l + (px / rect.width) * (h - l), perPx: (h - l) / rect.width }
  }
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return
    const { start, end, lo: l, hi: h } = useStore.getState().timeline
    if (!(h > l)) return
    const { x, width } = geometry(e)
    const bx0 = ((start - l) / (h - l)) * width
    const bx1 = ((end - l) / (h - l)) * width
    // A brush over (nearly) everything cannot be moved: dragging on it draws a new one, as Shift does.
    const movable = !e.shiftKey && bx1 - bx0 < width * 0.95
    const mode: DragMode = !movable ? 'new' : Math.abs(x - bx0) <= 6 ? 'left' : Math.abs(x - bx1) <= 6 ? 'right' : x > bx0 && x < bx1 ? 'move' : 'new'
    drag.current = { mode, x0: x, start0: start, end0: end, moved: false }
    e.currentTarget.setPointerCapture(e.pointerId)
    e.preventDefault()
  }
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    if (!d) return
    const { x, timeAt, perPx } = geometry(e)
    if (Math.abs(x - d.x0) > 2) d.moved = true
    if (!d.moved) return
    const dt = (x - d.x0) * perPx
    const tl = useStore.getState().timeline
    if (d.mode === 'left') tl.setView(Math.min(d.start0 + dt, d.end0 - MIN_SPAN), d.end0)
    else if (d.mode === 'right') tl.setView(d.start0, Math.max(d.end0 + dt, d.start0 + MIN_SPAN))
    else if (d.mode === 'move') tl.setView(d.start0 + dt, d.end0 + dt)
    else tl.setView(timeAt(d.x0), timeAt(x))
  }
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current
    drag.current = null
    if (!d || d.moved || d.mode !== 'new') return
    // A click outside the brush centres the view there, keeping the zoom.
    const { timeAt } = geometry(e)
    const t0 = timeAt(d.x0)
    const half = (d.end0 - d.start0) / 2
    useStore.getState().timeline.setView(t0 - half, t0 + half)
  }

  const total = filtered.count
  return (
    <div
      ref={stripRef}
      className="overview-strip"
      data-testid="overview-strip"
      role="img"
      aria-label={hi > lo ? t('timeline.overview', { count: total, formatted: formatCount(total, lang), range: formatRange(lo, hi, lang) }) : t('timeline.empty')}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => (drag.current = null)}
    >
      <canvas ref={canvasRef} aria-hidden="true" />
      <div ref={brushRef} className="brush" data-testid="brush" aria-hidden="true">
        <span className="brush-handle left" />
        <span className="brush-handle right" />
      </div>
    </div>
  )
})
