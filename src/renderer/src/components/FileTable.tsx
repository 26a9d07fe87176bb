import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes, formatCount } from '../format'
import { useStore } from '../stores'

const ROW_H = 34
const HEAD_H = 36

/**
 * Every file in the export, virtualised: pages of entries are fetched as the person scrolls towards
 * them, so an export of 400,000 files opens as fast as one of 40. Problems are marked on their row.
 */
export function FileTable() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const entries = useStore((s) => s.archive.entries)
  const total = useStore((s) => s.archive.summary?.entryCount ?? 0)
  const archiveProblems = useStore((s) => s.archive.summary?.problems)
  const readProblems = useStore((s) => s.archive.summary?.reading.problems)
  const loadThrough = useStore((s) => s.archive.loadEntriesThrough)
  const scrollRef = useRef<HTMLDivElement>(null)

  const problemsByPath = useMemo(() => {
    const map = new Map<string, string[]>()
    for (const p of [...(archiveProblems ?? []), ...(readProblems ?? [])]) {
      if (!p.path) continue
      const list = map.get(p.path) ?? []
      list.push(p.message)
      map.set(p.path, list)
    }
    return map
  }, [archiveProblems, readProblems])

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_H,
    overscan: 12,
    scrollMargin: HEAD_H,
    scrollPaddingStart: HEAD_H
  })
  const items = virtualizer.getVirtualItems()
  const lastIndex = items.length ? items[items.length - 1]!.index : 0
  useEffect(() => {
    if (entries.length < total && lastIndex >= entries.length - 200) void loadThrough(lastIndex + 200)
  }, [lastIndex, entries.length, total, loadThrough])

  const flagged = useMemo(() => entries.filter((e) => e.encrypted || e.unsafePath || problemsByPath.has(e.path)).length, [entries, problemsByPath])

  return (
    <section className="files" aria-labelledby="files-title">
      <div className="files-head">
        <h2 id="files-title">{t('overview.files')}</h2>
        <p className="muted" data-testid="files-summary">
          {t('files.summary', { total: formatCount(total, lang), count: total })}
          {flagged > 0 && <span className="danger-text"> · {t('files.flagged', { count: flagged, formatted: formatCount(flagged, lang) })}</span>}
          {entries.length < total && <span> · {t('files.loaded', { loaded: formatCount(entries.length, lang) })}</span>}
        </p>
      </div>
      <div ref={scrollRef} className="file-grid" role="table" tabIndex={0} aria-label={t('overview.files')} aria-rowcount={total + 1} data-testid="file-table">
        <div role="rowgroup" className="file-head" style={{ height: HEAD_H }}>
          <div role="row" aria-rowindex={1} className="file-row head">
            <div role="columnheader">{t('overview.path')}</div>
            <div role="columnheader">{t('overview.type')}</div>
            <div role="columnheader" className="num">
              {t('overview.size')}
            </div>
            <div role="columnheader">{t('overview.modified')}</div>
          </div>
        </div>
        <div role="rowgroup" className="file-body" style={{ height: virtualizer.getTotalSize() - HEAD_H }}>
          {items.map((item) => {
            const e = entries[item.index]
            const style = { transform: `translateY(${item.start - HEAD_H}px)`, height: ROW_H }
            if (!e)
              return (
                <div key={item.key} role="row" aria-rowindex={item.index + 2} className="file-row pending" style={style}>
                  <div role="cell" className="muted">
                    …
                  </div>
                </div>
              )
            const problems = problemsByPath.get(e.path)
            const bad = Boolean(problems) || e.unsafePath || e.encrypted
            return (
              <div key={item.key} role="row" aria-rowindex={item.index + 2} className={`file-row${bad ? ' flagged' : ''}`} style={style} data-testid="file-row">
                <div role="cell" className="path" title={problems ? `${e.path}\n${problems.join('\n')}` : e.path}>
                  <span className="path-text">{e.path}</span>
                  {e.encrypted && <span className="tag warn">{t('overview.encrypted')}</span>}
                  {e.unsafePath && <span className="tag danger">{t('overview.unsafe')}</span>}
                  {problems && <span className="tag danger problem-tag">{problems.join(' · ')}</span>}
                </div>
                <div role="cell">{t(`kind.${e.kind}`)}</div>
                <div role="cell" className="num">
                  {formatBytes(e.size, lang)}
                </div>
                <div role="cell" className="mono">
                  {e.localTime?.replace('T', ' ') ?? '—'}
                </div>
              </div>
            )
          })}
        </div>
      </div>
    </section>
  )
}
