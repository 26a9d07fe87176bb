import { useVirtualizer, type Range, type Virtualizer } from '@tanstack/react-virtual'
import { memo, useCallback, useEffect, useMemo, useRef, type KeyboardEvent, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { formatCount } from '../format'
import { selectFiltering } from '../stores/filters'
import type { SortDir, SortKey } from './catalog'
import { getCatalog, getOrdered, useCatalog, useOrdered } from './derived'
import { OVERSCAN, rowsToRender, type InView } from './list-rows'
import { stepSelection } from './navigate'
import { userTimeZone } from './time'
import { RecordingRow } from './RecordingRow'
import { makeRowText } from './row-text'
import { call } from '../api/client'
import { rowWaveOf } from '../stores/rowWaves'
import { useStore } from '../stores'
import { lengthShown } from './length'

const ROW_H = 34
const HEAD_H = 38

const COLUMNS: Array<{ key: SortKey | 'reasons' | 'wave'; className: string }> = [
  { key: 'time', className: 'c-time' },
  { key: 'device', className: 'c-device' },
  { key: 'duration', className: 'c-dur' },
  { key: 'wave', className: 'c-wave' },
  { key: 'transcript', className: 'c-text' },
  { key: 'reasons', className: 'c-reasons' }
]

export const LIST_ID = 'recording-list'

/**
 * Every recording that passes the filters, as a virtualised grid: only the rows in view exist in the
 * DOM, so 100,000 scroll like 100. The grid itself holds focus and points at the selected row with
 * aria-activedescendant; the keys move the shared selection, which the timeline follows.
 */
export function RecordingList() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const catalog = useCatalog()
  const { order, pos } = useOrdered()
  const selectedId = useStore((s) => s.selection.selectedId)
  const select = useStore((s) => s.selection.select)
  const picked = useStore((s) => s.selection.picked)
  const sortKey = useStore((s) => s.filters.sortKey)
  const sortDir = useStore((s) => s.filters.sortDir)
  const sortBy = useStore((s) => s.filters.sortBy)
  const durations = useStore((s) => s.durations.ms)
  // Re-renders when row waves arrive (kept outside React state): only the rows whose wave came change.
  const rowWaves = useStore((s) => s.rowWaves)
  const scrollRef = useRef<HTMLDivElement>(null)
  // Words every row shows, translated once per language, not in each row.
  const rowText = useMemo(() => makeRowText(t), [t])

  const virtualizerRef = useRef<Virtualizer<HTMLDivElement, Element> | null>(null)
  // The rows the last range had in view: a range that shares none of them is a leap (list-rows.ts).
  const inViewRef = useRef<InView | null>(null)
  const virtualizer = useVirtualizer({
    count: order.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    // Ahead of the scroll, enough rows for a wheel step that the compositor scrolls before the page
    // has rendered (about 130 px). The virtualizer sets its direction before it asks for the range.
    overscan: OVERSCAN,
    rangeExtractor: useCallback((range: Range) => {
      const rows = rowsToRender(range, virtualizerRef.current?.scrollDirection ?? null, inViewRef.current)
      inViewRef.current = { startIndex: range.startIndex, endIndex: range.endIndex }
      return rows
    }, []),
    scrollMargin: HEAD_H,
    scrollPaddingStart: HEAD_H
  })

  virtualizerRef.current = virtualizer

  const selected = selectedId === null ? -1 : (catalog.byId.get(selectedId) ?? -1)
  const selectedPos = selected >= 0 ? pos[selected]! : -1
  useEffect(() => {
    if (selectedPos >= 0) virtualizer.scrollToIndex(selectedPos, { align: 'auto' })
  }, [selectedPos, virtualizer])

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.metaKey || e.ctrlKey) return
    const page = Math.max(1, Math.floor(((scrollRef.current?.clientHeight ?? 400) - HEAD_H) / ROW_H) - 1)
    const steps: Record<string, Parameters<typeof stepSelection>[0]> = {
      ArrowDown: 1,
      ArrowUp: -1,
      PageDown: page,
      PageUp: -page,
      Home: 'first',
      End: 'last'
    }
    const step = steps[e.key]
    if (step === undefined) return
    e.preventDefault()
    stepSelection(step)
  }

  // Ctrl/Cmd-click adds to the picked recordings, Shift-click picks a range: to mark them at once.
  const onRowClick = (e: MouseEvent) => {
    const id = (e.target as Element).closest<HTMLElement>('[data-testid=recording-row]')?.dataset.id
    if (!id) return
    if (e.ctrlKey || e.metaKey) useStore.getState().selection.togglePick(id)
    else if (e.shiftKey) pickRangeTo(id)
    else select(id)
    scrollRef.current?.focus({ preventScroll: true })
  }

  const zone = userTimeZone()
  // Formatted once per count and language, not on every frame of a scroll.
  const label = useMemo(() => t('list.label', { count: order.length, formatted: formatCount(order.length, lang) }), [t, order.length, lang])
  const items = virtualizer.getVirtualItems()
  // The rows in view ask for their small waveforms, and tell the engine to make theirs first.
  const visibleKey = items.length ? `${items[0]!.index}:${items.length}:${order.length}` : ''
  useEffect(() => {
    const c = getCatalog()
    const { order: o } = getOrdered()
    const ids: string[] = []
    for (const item of virtualizer.getVirtualItems()) {
      const r = c.recordings[o[item.index]!]
      if (r?.audio) ids.push(r.id)
    }
    useStore.getState().rowWaves.want(ids)
    const archiveId = useStore.getState().rowWaves.archiveId
    if (!archiveId || ids.length === 0) return
    const settle = setTimeout(() => {
      call('setAudioPriorities', { archiveId, selectedId: useStore.getState().selection.selectedId, visibleIds: ids }).catch(() => undefined)
    }, 200)
    return () => clearTimeout(settle)
  }, [visibleKey, virtualizer])
  return (
    <div
      ref={scrollRef}
      id={LIST_ID}
      className="rec-grid"
      role="grid"
      tabIndex={0}
      aria-label={label}
      aria-rowcount={order.length + 1}
      aria-colcount={COLUMNS.length}
      aria-activedescendant={selectedPos >= 0 ? `rec-${selected}` : undefined}
      aria-multiselectable="true"
      data-testid="recording-list"
      onKeyDown={onKeyDown}
    >
      <ListHead zone={zone} sortKey={sortKey} sortDir={sortDir} sortBy={sortBy} />
      <div role="rowgroup" className="rec-body" style={{ height: virtualizer.getTotalSize() - HEAD_H }} onClick={onRowClick}>
        {items.map((item) => {
          const i = order[item.index]!
          const r = catalog.recordings[i]!
          const j = catalog.judged
          const length = lengthShown(r, durations)
          return (
            <RecordingRow
              key={r.id}
              index={i}
              rowIndex={item.index}
              top={item.start - HEAD_H}
              height={ROW_H}
              recording={r}
              time={catalog.time[i]!}
              lane={catalog.lanes[catalog.lane[i]!]!}
              tone={catalog.tone[i]!}
              lengthText={length.text}
              lengthState={length.state}
              wave={r.audio ? rowWaveOf(rowWaves, r.id) : undefined}
              review={j ? rowText.review(j.verdict[i]!, j.mark[i]!, j.reasons[i]!) : null}
              selected={i === selected}
              picked={picked.has(r.id)}
              lang={lang}
              text={rowText}
            />
          )
        })}
      </div>
      {order.length === 0 && <ListEmpty />}
    </div>
  )
}

/** The column heads, a component of their own so that scrolling (which renders the list each frame) does not translate them again. */
const ListHead = memo(function ListHead({ zone, sortKey, sortDir, sortBy }: { zone: string; sortKey: SortKey; sortDir: SortDir; sortBy: (key: SortKey) => void }) {
  const { t } = useTranslation()
  return (
    <div role="rowgroup" className="rec-head" style={{ height: HEAD_H }}>
      <div role="row" aria-rowindex={1} className="rec-row head">
        {COLUMNS.map(({ key, className }) => {
          const label = key === 'time' ? t('list.time', { zone }) : t(`list.${key}`)
          if (key === 'reasons' || key === 'wave')
            return (
              <div role="columnheader" key={key} className={className}>
                {label}
              </div>
            )
          const active = sortKey === key
          return (
            <div role="columnheader" key={key} className={className} aria-sort={active ? (sortDir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="sort" onClick={() => sortBy(key)} title={t('list.sortBy', { column: label })}>
                {label}
                <span aria-hidden="true" className="sort-arrow">
                  {active ? (sortDir === 'asc' ? '▲' : '▼') : ''}
                </span>
              </button>
            </div>
          )
        })}
      </div>
    </div>
  )
})

/** Picks the rows between the anchor and `id` as the list shows them now. */
function pickRangeTo(id: string): void {
  const c = getCatalog()
  const { pos, order } = getOrdered()
  const sel = useStore.getState().selection
  const to = pos[c.byId.get(id) ?? -1] ?? -1
  const from = sel.anchorId === null ? -1 : (pos[c.byId.get(sel.anchorId) ?? -1] ?? -1)
  if (to < 0) return
  if (from < 0) return sel.select(id)
  const ids: string[] = []
  for (let k = Math.min(from, to); k <= Math.max(from, to); k++) ids.push(c.recordings[order[k]!]!.id)
  sel.pickRange(ids, id)
}

function ListEmpty() {
  const { t, i18n } = useTranslation()
  const status = useStore((s) => s.recordings.status)
  const total = useStore((s) => s.recordings.total)
  const loaded = useStore((s) => s.recordings.recordings.length)
  const error = useStore((s) => s.recordings.error)
  const filtering = useStore((s) => selectFiltering(s.filters))
  const clear = useStore((s) => s.filters.clear)
  let body
  if (status === 'error') body = <p className="error-message">{t('list.loadError', { error })}</p>
  else if (status === 'loading' || status === 'idle') body = <p>{t('list.loading', { loaded: formatCount(loaded, i18n.language), total: formatCount(total, i18n.language) })}</p>
  else if (filtering)
    body = (
      <>
        <p>{t('list.noMatch')}</p>
        <button type="button" onClick={clear}>
          {t('filters.clear')}
        </button>
      </>
    )
  else body = <p>{t('list.none')}</p>
  return (
    <div className="rec-empty" role="row">
      <div role="gridcell">{body}</div>
    </div>
  )
}
