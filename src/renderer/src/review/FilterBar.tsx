import { useEffect, useMemo, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { DateField } from '../components/DateField'
import { RULE_IDS, type RuleId } from '../../../shared/model/analysis'
import { formatCount } from '../format'
import { useStore } from '../stores'
import { selectFiltering } from '../stores/filters'
import type { MarkFilter, RegistrationFilter, VerdictFilter } from './catalog'
import { shownIds, useCatalog, useFiltered } from './derived'
import { MarkMenu } from './MarkBits'
import { markRecordings } from './RecordingReview'
import { LIST_ID } from './RecordingList'
import { VoiceFilter } from './voices/VoiceFilter'

export const SEARCH_ID = 'review-search'
const ALL = '*'

/** Local calendar day of a time, as <input type=date> wants it. */
function dayOf(ms: number): string | undefined {
  if (!Number.isFinite(ms)) return undefined
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Search and filters; the count says how many recordings pass, and updates as they change. */
export function FilterBar() {
  const barRef = useStickyHeight('--filter-bar-h')
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const catalog = useCatalog()
  const filtered = useFiltered()
  const text = useStore((s) => s.filters.text)
  const deviceKey = useStore((s) => s.filters.deviceKey)
  const registration = useStore((s) => s.filters.registration)
  const from = useStore((s) => s.filters.from)
  const to = useStore((s) => s.filters.to)
  const filtering = useStore((s) => selectFiltering(s.filters))
  const { setText, setDevice, setRegistration, setFrom, setTo, clear } = useStore.getState().filters
  const total = catalog.recordings.length
  const loading = useStore((s) => s.recordings.status === 'loading')
  const expected = useStore((s) => s.recordings.total)
  const hasUnknown = catalog.lanes.some((l) => l.registration === 'unknown')
  const hasUnstated = catalog.lanes.some((l) => l.registration === 'unstated')
  const reason = useStore((s) => s.filters.reason)
  const verdict = useStore((s) => s.filters.verdict)
  const mark = useStore((s) => s.filters.mark)
  const finding = useStore((s) => s.filters.finding)
  const { setReason, setVerdict, setMark, showFinding } = useStore.getState().filters
  const detector = useStore((s) => s.review.detector)
  const reviewReady = useStore((s) => s.review.status === 'ready')
  // Only the reasons this export has are offered, in the rules' own order (strong ones first).
  const reasons = useMemo(() => {
    const present = new Set(detector?.findings.map((f) => f.rule))
    return RULE_IDS.filter((r) => present.has(r))
  }, [detector])
  const shownFinding = finding === null ? null : (detector?.findings[finding] ?? null)
  const minDay = dayOf(catalog.min)
  const maxDay = dayOf(catalog.max)

  return (
    <form ref={barRef} className="filter-bar" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
      <label className="field search-field">
        <span>{t('filters.search')}</span>
        <input
          id={SEARCH_ID}
          type="search"
          value={text}
          placeholder={t('filters.searchPlaceholder')}
          aria-keyshortcuts="/"
          data-testid="search"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' || e.key === 'Enter') {
              e.preventDefault()
              if (e.key === 'Escape' && text) setText('')
              else document.getElementById(LIST_ID)?.focus()
            }
          }}
        />
      </label>
      <label className="field">
        <span>{t('filters.device')}</span>
        <select value={deviceKey ?? ALL} data-testid="filter-device" onChange={(e) => setDevice(e.target.value === ALL ? null : e.target.value)}>
          <option value={ALL}>{t('filters.allDevices')}</option>
          {catalog.lanes.map((lane) => (
            <option key={lane.key} value={lane.key}>
              {`${lane.label ?? t('device.none')} (${formatCount(lane.count, lang)})${lane.registration === 'unregistered' ? ` — ${t('device.notRegisteredShort')}` : ''}`}
            </option>
          ))}
        </select>
      </label>
      <VoiceFilter />
      <label className="field">
        <span>{t('filters.registration')}</span>
        <select value={registration} data-testid="filter-registration" onChange={(e) => setRegistration(e.target.value as RegistrationFilter)}>
          <option value="all">{t('filters.anyRegistration')}</option>
          <option value="unregistered">{t('filters.unregistered')}</option>
          <option value="registered">{t('filters.registered')}</option>
          {hasUnstated && <option value="unstated">{t('device.unstated')}</option>}
          {hasUnknown && <option value="unknown">{t('filters.unknown')}</option>}
        </select>
      </label>
      <label className="field">
        <span>{t('filters.from')}</span>
        <DateField value={from} min={minDay} max={to || maxDay} testId="filter-from" onChange={setFrom} />
      </label>
      <label className="field">
        <span>{t('filters.to')}</span>
        <DateField value={to} min={from || minDay} max={maxDay} testId="filter-to" onChange={setTo} />
      </label>
      {reviewReady && (
        <>
          <label className="field">
            <span>{t('marks.filterReason')}</span>
            <select value={reason ?? ALL} data-testid="filter-reason" onChange={(e) => setReason(e.target.value === ALL ? null : (e.target.value as RuleId))}>
              <option value={ALL}>{t('marks.anyReason')}</option>
              {reasons.map((r) => (
                <option key={r} value={r}>
                  {t(`marks.rule.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>{t('marks.filterVerdict')}</span>
            <select value={verdict} data-testid="filter-verdict" onChange={(e) => setVerdict(e.target.value as VerdictFilter)}>
              <option value="all">{t('marks.anyVerdict')}</option>
              <option value="flagged">{t('marks.flagged')}</option>
              <option value="foreign">{t('marks.verdict.foreign')}</option>
              <option value="suspect">{t('marks.verdict.suspect')}</option>
              <option value="own">{t('marks.verdict.own')}</option>
            </select>
          </label>
          <label className="field">
            <span>{t('marks.filterMark')}</span>
            <select value={mark} data-testid="filter-mark" onChange={(e) => setMark(e.target.value as MarkFilter)}>
              <option value="all">{t('marks.anyMark')}</option>
              <option value="unmarked">{t('marks.none')}</option>
              <option value="mine">{t('marks.mine')}</option>
              <option value="not-mine">{t('marks.not-mine')}</option>
              <option value="unsure">{t('marks.unsure')}</option>
            </select>
          </label>
        </>
      )}
      {shownFinding && (
        <p className="finding-chip" data-testid="finding-chip">
          <span>{t('findings.only', { rule: t(`marks.rule.${shownFinding.rule}`) })}</span>
          <button type="button" className="link-button" aria-label={t('findings.stopShowing')} onClick={() => showFinding(null)}>
            ×
          </button>
        </p>
      )}
      <div className="filter-end">
        {loading && (
          <span className="loading-count" role="status" data-testid="loading">
            {t('list.loading', { loaded: formatCount(total, lang), total: formatCount(expected, lang) })}
          </span>
        )}
        <output className="filter-count" aria-live="polite" data-testid="filter-count" data-count={filtered.count}>
          {filtering
            ? t('filters.showing', { shown: formatCount(filtered.count, lang), total: formatCount(total, lang), count: total })
            : t('filters.all', { total: formatCount(total, lang), count: total })}
        </output>
        {reviewReady && filtering && filtered.count > 0 && (
          <MarkMenu
            testId="mark-shown"
            summary={t('marks.markShown', { count: filtered.count, formatted: formatCount(filtered.count, lang) })}
            onMark={(m) => markRecordings(shownIds(), m)}
          />
        )}
        {filtering && (
          <button type="button" onClick={clear}>
            {t('filters.clear')}
          </button>
        )}
      </div>
    </form>
  )
}

/**
 * Keeps a CSS variable at an element's height, so what sticks below it (the details panel) starts
 * where it ends, however often the bar wraps (German labels are longer, windows narrower).
 */
function useStickyHeight(variable: string) {
  const ref = useRef<HTMLFormElement>(null)
  useEffect(() => {
    const el = ref.current
    if (!el) return
    const root = document.documentElement
    const observer = new ResizeObserver(() => root.style.setProperty(variable, `${Math.ceil(el.getBoundingClientRect().height)}px`))
    observer.observe(el)
    return () => {
      observer.disconnect()
      root.style.removeProperty(variable)
    }
  }, [variable])
  return ref
}
