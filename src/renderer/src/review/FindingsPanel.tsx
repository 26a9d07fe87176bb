import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { findingText } from './engine-text'
import { formatCount } from '../format'
import { LIST_ID } from './RecordingList'
import { useStore } from '../stores'

const FIRST = 6

/**
 * "1,704 recordings are probably not yours: why": every finding with how sure it is and the
 * sentence naming its evidence, and a button that shows just the recordings it concerns.
 */
export function FindingsPanel() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const status = useStore((s) => s.review.status)
  const detector = useStore((s) => s.review.detector)
  const counts = useStore((s) => s.review.counts)
  const error = useStore((s) => (s.review.status === 'error' ? s.review.error : null))
  const showing = useStore((s) => s.filters.finding)
  const showFinding = useStore((s) => s.filters.showFinding)
  const [all, setAll] = useState(false)

  if (status === 'error')
    return (
      <section className="findings" data-testid="findings" aria-labelledby="findings-title">
        <h2 id="findings-title">{t('findings.failed')}</h2>
        <p className="error-message">{error}</p>
      </section>
    )
  if (!detector || !counts)
    return (
      <section className="findings" data-testid="findings" aria-busy="true" aria-labelledby="findings-title">
        <h2 id="findings-title" className="muted">
          {t('findings.loading')}
        </h2>
      </section>
    )

  const { findings } = detector
  // Strong first: what the export itself contradicts, then what only suggests.
  const ordered = findings.map((f, index) => ({ f, index })).sort((a, b) => (a.f.severity === b.f.severity ? b.f.recordingIds.length - a.f.recordingIds.length : a.f.severity === 'strong' ? -1 : 1))
  const shown = all ? ordered : ordered.slice(0, FIRST)
  const show = (index: number | null) => {
    showFinding(index)
    if (index !== null) document.getElementById(LIST_ID)?.focus({ preventScroll: true })
  }
  return (
    <section className={`findings${counts.foreign > 0 ? ' alarm' : counts.suspect > 0 ? ' warn' : ' calm'}`} data-testid="findings" aria-labelledby="findings-title">
      <h2 id="findings-title" data-testid="findings-title" data-foreign={counts.foreign} data-suspect={counts.suspect}>
        {counts.foreign > 0
          ? t('findings.title', { count: counts.foreign, formatted: formatCount(counts.foreign, lang) })
          : counts.suspect > 0
            ? t('findings.titleSuspect', { count: counts.suspect, formatted: formatCount(counts.suspect, lang) })
            : t('findings.none')}
      </h2>
      {counts.foreign > 0 && counts.suspect > 0 && <p className="muted">{t('findings.alsoSuspect', { count: counts.suspect, formatted: formatCount(counts.suspect, lang) })}</p>}
      {findings.length > 0 && (
        <>
          <ul className="finding-list" aria-label={t('findings.listLabel', { count: findings.length })}>
            {shown.map(({ f, index }) => {
              const n = f.recordingIds.length
              const active = showing === index
              return (
                <li key={index} className={`finding ${f.severity}`} data-testid="finding" data-rule={f.rule} data-severity={f.severity} data-count={n}>
                  <span className={`severity ${f.severity}`} title={t(`findings.${f.severity}Hint`)}>
                    <span aria-hidden="true">{f.severity === 'strong' ? '!!' : '?'}</span> {t(`findings.${f.severity}`)}
                  </span>
                  <span className="finding-rule">{t(`marks.rule.${f.rule}`)}</span>
                  <p className="finding-message" lang={f.text ? undefined : 'en'}>{findingText(f, t, lang)}</p>
                  {n > 0 && (
                    <button type="button" aria-pressed={active} data-testid="finding-show" onClick={() => show(active ? null : index)}>
                      {active ? t('findings.showingThese') : t('findings.show', { count: n, formatted: formatCount(n, lang) })}
                    </button>
                  )}
                </li>
              )
            })}
          </ul>
          {findings.length > FIRST && (
            <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll(!all)}>
              {all ? t('findings.fewer') : t('findings.all', { count: findings.length })}
            </button>
          )}
        </>
      )}
    </section>
  )
}
