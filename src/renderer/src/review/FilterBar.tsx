import { useTranslation } from 'react-i18next'
import { formatCount } from '../format'
import { selectFiltering, useFiltersStore } from '../stores/filters'
import { useRecordingsStore } from '../stores/recordings'
import type { RegistrationFilter } from './catalog'
import { useCatalog, useFiltered } from './derived'
import { LIST_ID } from './RecordingList'

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
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const catalog = useCatalog()
  const filtered = useFiltered()
  const text = useFiltersStore((s) => s.text)
  const deviceKey = useFiltersStore((s) => s.deviceKey)
  const registration = useFiltersStore((s) => s.registration)
  const from = useFiltersStore((s) => s.from)
  const to = useFiltersStore((s) => s.to)
  const filtering = useFiltersStore(selectFiltering)
  const { setText, setDevice, setRegistration, setFrom, setTo, clear } = useFiltersStore.getState()
  const total = catalog.recordings.length
  const loading = useRecordingsStore((s) => s.status === 'loading')
  const expected = useRecordingsStore((s) => s.total)
  const hasUnknown = catalog.lanes.some((l) => l.registration === 'unknown')
  const minDay = dayOf(catalog.min)
  const maxDay = dayOf(catalog.max)

  return (
    <form className="filter-bar" role="search" aria-label={t('filters.label')} onSubmit={(e) => e.preventDefault()}>
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
      <label className="field">
        <span>{t('filters.registration')}</span>
        <select value={registration} data-testid="filter-registration" onChange={(e) => setRegistration(e.target.value as RegistrationFilter)}>
          <option value="all">{t('filters.anyRegistration')}</option>
          <option value="unregistered">{t('filters.unregistered')}</option>
          <option value="registered">{t('filters.registered')}</option>
          {hasUnknown && <option value="unknown">{t('filters.unknown')}</option>}
        </select>
      </label>
      <label className="field">
        <span>{t('filters.from')}</span>
        <input type="date" value={from} min={minDay} max={to || maxDay} data-testid="filter-from" onChange={(e) => setFrom(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('filters.to')}</span>
        <input type="date" value={to} min={from || minDay} max={maxDay} data-testid="filter-to" onChange={(e) => setTo(e.target.value)} />
      </label>
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
        {filtering && (
          <button type="button" onClick={clear}>
            {t('filters.clear')}
          </button>
        )}
      </div>
    </form>
  )
}
