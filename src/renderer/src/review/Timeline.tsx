import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../format'
import { deviceLabel, lowerBound, type Catalog, type Filtered } from './catalog'
import { getCatalog, useTimelineLanes } from './derived'
import { OverviewStrip } from './OverviewStrip'
import { AXIS_H, BIN_PX, LANE_H, densityBins, drawLanes, hitTest, laneBins, timeAt } from './timeline-draw'
import { formatDateTime, formatRange, formatSpan, formatUtc, userTimeZone } from './time'
import { useCanvas } from './useCanvas'
import { usePalette } from './usePalette'
import { LaneName, RegistrationBadge } from './DeviceBits'
import { TONES } from './tones'
import { useStore, watch } from '../stores'
import { LaneToggle } from './voices/LaneToggle'

interface Hover {
  /** The recording under the pointer, -1 over a density bin. */
  i: number
  /** Over a density bin: how many passing recordings it holds, in which lane, from when to when. */
  bin?: { count: number; lane: number; from: number; to: number }
  /** Pointer position in the viewport: the card is fixed-positioned so no scroll box clips it. */
  clientX: number
  clientY: number
}

/**
 * One lane per device, every recording a mark, drawn on a canvas so that 100,000 marks zoom at frame
 * rate. The view (start, end) lives in the timeline store and is read here with a transient
 * subscription; React renders only when the data, the filter, the selection or the hover change.
 */
export function Timeline() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  // Lanes by device, or by voice (the toggle in the head): only the lanes differ.
  const { catalog, filtered, byVoice } = useTimelineLanes()
  const select = useStore((s) => s.selection.select)
  const palette = usePalette()
  const [hover, setHover] = useState<Hover | null>(null)
  const height = AXIS_H + Math.max(1, catalog.lanes.length) * LANE_H
  const selectedIndex = () => {
    const id = useStore.getState().selection.selectedId
    return id === null ? -1 : (catalog.byId.get(id) ?? -1)
  }

  // The view and the selection are read when drawing (transient subscriptions), not through renders.
  const painted = useRef<Catalog | null>(null)
  const { canvasRef, schedule, size } = useCanvas((ctx, width, h) => {
    const { start, end } = useStore.getState().timeline
    const drawStart = performance.now()
    drawLanes({ ctx, width, height: h, start, end, catalog, filtered, selected: selectedIndex(), hover: hover?.i ?? -1, palette, lang })
    // The first paint of each set of recordings, for bench:ui (index ready → timeline painted).
    if (painted.current !== catalog && width > 0) {
      painted.current = catalog
      performance.measure('exportscope:timeline-draw', { start: drawStart })
      performance.mark('exportscope:timeline-paint', { detail: { recordings: catalog.recordings.length } })
    }
  })

  useEffect(() => useStore.getState().timeline.setDomain(catalog.min, catalog.max), [catalog])
  useEffect(() => schedule())
  useEffect(() => watch((s) => s.timeline, schedule), [schedule])
  useEffect(() => watch((s) => s.selection, schedule), [schedule])
  // The timeline follows the shared selection: a recording chosen in the list is brought into view.
  useEffect(
    () =>
      watch((s) => s.selection.selectedId, (id) => {
        if (!id) return
        const c = getCatalog()
        const i = c.byId.get(id)
        if (i !== undefined) useStore.getState().timeline.reveal(c.time[i]!)
      }),
    []
  )

  // Wheel: zoom around the pointer; ctrl+wheel (a trackpad pinch) zooms faster; sideways or shift pans.
  const wrapRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = wrapRef.current
    if (!el) return
    const onWheel = (e: WheelEvent) => {
      e.preventDefault()
      const rect = (canvasRef.current ?? el).getBoundingClientRect()
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.width : 1
      const dx = e.deltaX * unit
      const dy = e.deltaY * unit
      const tl = useStore.getState().timeline
      const anchor = timeAt(e.clientX - rect.left, tl.start, tl.end, rect.width)
      setHover(null)
      if (e.ctrlKey) tl.zoomBy(Math.exp(dy * 0.01), anchor)
      else if (e.shiftKey) tl.panBy((dy || dx) / rect.width)
      else if (Math.abs(dx) > Math.abs(dy)) tl.panBy(dx / rect.width)
      else tl.zoomBy(Math.exp(dy * 0.0015), anchor)
    }
    el.addEventListener('wheel', onWheel, { passive: false })
    return () => el.removeEventListener('wheel', onWheel)
  }, [canvasRef])

  const drag = useRef<{ x: number; start: number; end: number; moved: boolean } | null>(null)
  const local = (e: PointerEvent) => {
    const rect = canvasRef.current!.getBoundingClientRect()
    return { x: e.clientX - rect.left, y: e.clientY - rect.top }
  }
  const hit = (x: number, y: number): number => {
    const li = Math.floor((y - AXIS_H) / LANE_H)
    if (li < 0 || li >= catalog.lanes.length) return -1
    const { start, end } = useStore.getState().timeline
    return hitTest(catalog, filtered, li, x, start, end, size.current.width)
  }
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (e.button !== 0) return
    const { start, end } = useStore.getState().timeline
    drag.current = { x: e.clientX, start, end, moved: false }
    e.currentTarget.setPointerCapture(e.pointerId)
  }
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current
    if (d) {
      const dx = e.clientX - d.x
      if (Math.abs(dx) > 3) d.moved = true
      if (d.moved) {
        const shift = (dx / size.current.width) * (d.end - d.start)
        useStore.getState().timeline.setView(d.start - shift, d.end - shift)
        if (hover) setHover(null)
        return
      }
    }
    const { x, y } = local(e)
    const { start, end } = useStore.getState().timeline
    const bins = densityBins(catalog, filtered, start, end, size.current.width)
    if (bins !== null) {
      // The density view: the count of the bin under the pointer.
      const li = Math.floor((y - AXIS_H) / LANE_H)
      const b = Math.floor(x / BIN_PX)
      if (li < 0 || li >= catalog.lanes.length || b < 0 || b >= bins) return setHover(null)
      const counts = laneBins(catalog, filtered, li, start, end, bins)
      let count = 0
      for (let j = 0; j < TONES.length; j++) count += counts[b * TONES.length + j]!
      const span = (end - start) / bins
      if (count === 0) return setHover(null)
      if (hover?.bin?.lane === li && hover.bin.from === start + b * span) return
      return setHover({ i: -1, clientX: e.clientX, clientY: e.clientY, bin: { count, lane: li, from: start + b * span, to: start + (b + 1) * span } })
    }
    const i = hit(x, y)
    if (i !== (hover?.i ?? -1)) setHover(i >= 0 ? { i, clientX: e.clientX, clientY: e.clientY } : null)
  }
  const onPointerUp = (e: PointerEvent<HTMLCanvasElement>) => {
    const d = drag.current
    drag.current = null
    if (!d || d.moved) return
    const { x, y } = local(e)
    const i = hit(x, y)
    if (i >= 0) select(catalog.recordings[i]!.id)
  }

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.metaKey || e.ctrlKey) return
    const tl = useStore.getState().timeline
    const selected = selectedIndex()
    const selTime = selected >= 0 ? catalog.time[selected]! : Number.NaN
    const anchor = Number.isFinite(selTime) && selTime >= tl.start && selTime <= tl.end ? selTime : undefined
    switch (e.key) {
      case '+':
      case '=':
        tl.zoomBy(0.5, anchor)
        break
      case '-':
      case '_':
        tl.zoomBy(2, anchor)
        break
      case 'ArrowLeft':
        tl.panBy(e.shiftKey ? -1 : -0.2)
        break
      case 'ArrowRight':
        tl.panBy(e.shiftKey ? 1 : 0.2)
        break
      case '0':
        tl.fit()
        break
      default:
        return
    }
    e.preventDefault()
    setHover(null)
  }

  const zone = userTimeZone()
  return (
    <section className="timeline" aria-labelledby="timeline-title" data-testid="timeline">
      <div className="timeline-head">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <TimelineRange catalog={catalog} filtered={filtered} />
        <Legend catalog={catalog} />
        <LaneToggle />
        <div className="timeline-tools" role="group" aria-label={t('timeline.zoom')}>
          <button type="button" onClick={() => useStore.getState().timeline.zoomBy(2)} aria-label={t('timeline.zoomOut')} title={`${t('timeline.zoomOut')} (−)`}>
            −
          </button>
          <button type="button" onClick={() => useStore.getState().timeline.zoomBy(0.5)} aria-label={t('timeline.zoomIn')} title={`${t('timeline.zoomIn')} (+)`}>
            +
          </button>
          <button type="button" onClick={() => useStore.getState().timeline.fit()} title={`${t('timeline.fit')} (0)`}>
            {t('timeline.fit')}
          </button>
        </div>
      </div>
      <OverviewStrip catalog={catalog} filtered={filtered} palette={palette} />
      <div className="timeline-body">
        <ol className="lane-labels" aria-label={t(byVoice ? 'timeline.voiceLanes' : 'timeline.lanes')} data-lanes={byVoice ? 'voice' : 'device'} data-testid="lane-labels" style={{ paddingTop: AXIS_H }}>
          {catalog.lanes.map((lane, li) => (
            <li key={`${byVoice ? 'v' : 'd'}:${lane.key}`} className={`lane-label ${byVoice ? `voice tone-${lane.tone}` : lane.registration}`} style={{ height: LANE_H }} data-count={lane.count}>
              <LaneName lane={lane} />
              <span className="lane-count" title={t('timeline.laneCount', { shown: filtered.laneCounts[li], total: lane.count })}>
                {filtered.laneCounts[li] === lane.count ? formatCount(lane.count, lang) : `${formatCount(filtered.laneCounts[li]!, lang)}/${formatCount(lane.count, lang)}`}
              </span>
              {lane.registration === 'unregistered' && <RegistrationBadge registration="unregistered" iconOnly />}
            </li>
          ))}
        </ol>
        <div
          ref={wrapRef}
          className="lanes"
          tabIndex={0}
          role="group"
          aria-roledescription={t('timeline.roledescription')}
          aria-label={t(byVoice ? 'timeline.labelVoice' : 'timeline.label', { zone })}
          aria-describedby="timeline-keys"
          title={t('timeline.keys')}
          data-testid="timeline-lanes"
          onKeyDown={onKeyDown}
        >
          <canvas
            ref={canvasRef}
            style={{ height }}
            data-testid="timeline-canvas"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => (drag.current = null)}
            onPointerLeave={() => setHover(null)}
          />
          {hover && <HoverCard hover={hover} catalog={catalog} />}
        </div>
      </div>
      <p id="timeline-keys" className="hint">
        {t('timeline.keys')}
      </p>
      {catalog.untimed > 0 && (
        <p className="hint warn-text" data-testid="untimed">
          {t('timeline.untimed', { count: catalog.untimed })}
        </p>
      )}
    </section>
  )
}

function countInView(catalog: Catalog, filtered: Filtered, start: number, end: number): number {
  let n = 0
  for (let li = 0; li < catalog.lanes.length; li++) {
    const times = catalog.laneTimes[li]!
    const ids = catalog.laneIndex[li]!
    const to = lowerBound(times, end)
    for (let j = lowerBound(times, start); j < to; j++) if (filtered.mask[ids[j]!]) n++
  }
  return n
}

/** What the mark colours mean, for the tones this export has. */
function Legend({ catalog }: { catalog: Catalog }) {
  const { t } = useTranslation()
  // The tones the recordings have now (marks and verdicts colour single recordings, not whole lanes).
  const tones = useMemo(() => {
    const seen = new Set<number>(catalog.tone)
    return TONES.filter((_, k) => seen.has(k))
  }, [catalog])
  if (tones.length === 0) return null
  return (
    <ul className="legend" aria-label={t('legend.label')}>
      {tones.map((tone) => (
        <li key={tone} className={`tone-${tone}`}>
          <span className="tone-dot" aria-hidden="true" />
          {t(`legend.${tone}`)}
        </li>
      ))}
    </ul>
  )
}

/** The visible range as words, with how many recordings it holds; re-renders with the view. */
function TimelineRange({ catalog, filtered }: { catalog: Catalog; filtered: Filtered }) {
  const { t, i18n } = useTranslation()
  const start = useStore((s) => s.timeline.start)
  const end = useStore((s) => s.timeline.end)
  const inView = useMemo(() => countInView(catalog, filtered, start, end), [catalog, filtered, start, end])
  if (!(end > start)) return <p className="timeline-range muted" data-testid="timeline-range" />
  return (
    <p className="timeline-range" data-testid="timeline-range" data-start={Math.round(start)} data-end={Math.round(end)}>
      <span>{formatRange(start, end, i18n.language)}</span>
      <span className="muted">
        {' · '}
        {formatSpan(end - start, i18n.language)}
        {' · '}
        {t('timeline.inView', { count: inView, formatted: formatCount(inView, i18n.language) })}
      </span>
    </p>
  )
}

const CARD_W = 290
const CARD_H = 130

function HoverCard({ hover, catalog }: { hover: Hover; catalog: Catalog }) {
  const { t, i18n } = useTranslation()
  const r = catalog.recordings[hover.i]
  if (hover.bin) {
    const lane = catalog.lanes[hover.bin.lane]!
    const left = hover.clientX + 14 + CARD_W > window.innerWidth ? Math.max(4, hover.clientX - CARD_W - 10) : hover.clientX + 14
    return (
      <div className="hover-card" role="tooltip" data-testid="timeline-hover" data-count={hover.bin.count} style={{ left, top: hover.clientY + 14 }}>
        <strong>{t('timeline.binCount', { count: hover.bin.count, formatted: formatCount(hover.bin.count, i18n.language) })}</strong>
        <span className="muted">{formatRange(hover.bin.from, hover.bin.to, i18n.language)}</span>
        <span>
          <LaneName lane={lane} />
        </span>
      </div>
    )
  }
  if (!r) return null
  const time = catalog.time[hover.i]!
  const lane = catalog.lanes[catalog.lane[hover.i]!]!
  // Beside the pointer, flipped to stay inside the window.
  const left = hover.clientX + 14 + CARD_W > window.innerWidth ? Math.max(4, hover.clientX - CARD_W - 10) : hover.clientX + 14
  const top = hover.clientY + 14 + CARD_H > window.innerHeight ? Math.max(4, hover.clientY - CARD_H - 10) : hover.clientY + 14
  return (
    <div className="hover-card" role="tooltip" data-testid="timeline-hover" style={{ left, top }}>
      <strong>{formatDateTime(time, i18n.language)}</strong>
      <span className="muted mono">{formatUtc(time)}</span>
      <span>
        <LaneName lane={lane} />
        {lane.registration === 'unregistered' && <> · {t('device.notRegisteredShort')}</>}
        {lane.voice !== undefined && <> · {deviceName(catalog, hover.i) ?? t('device.none')}</>}
      </span>
      <span className="hover-transcript">{r.transcript ? `“${r.transcript.length > 180 ? `${r.transcript.slice(0, 180)}…` : r.transcript}”` : t('list.noTranscript')}</span>
    </div>
  )
}

/** A recording's device as the device lanes name it (for the hover card over a voice lane). */
function deviceName(catalog: Catalog, i: number): string | null {
  const id = catalog.recordings[i]?.deviceId
  if (!id) return null
  const d = catalog.devices.find((x) => x.id === id)
  return d ? deviceLabel(d) : id
}
