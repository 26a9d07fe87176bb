import { useTranslation } from 'react-i18next'
import { formatBytes, formatCount } from '../format'
import { ReviewStatus } from './ReviewStatus'
import { isUnregistered, registrationOf } from './tones'
import { useStore } from '../stores'

/** Which export this is, whom it says it belongs to, who read it and how much it holds. */
export function ReviewHeader() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const summary = useStore((s) => s.archive.summary)
  const close = useStore((s) => s.archive.close)
  const setScreen = useStore((s) => s.app.setScreen)
  if (!summary) return null
  const { reading } = summary
  const owner = reading.account
  const others = reading.accounts.filter((a) => a.role === 'other')
  const unregistered = reading.devices.filter(isUnregistered).length
  // Google and other exports without a registration list: the count would be a made-up zero.
  const registrationStated = reading.devices.some((d) => registrationOf(d) === 'registered' || registrationOf(d) === 'unregistered')
  const hasOwner = owner.names.length + owner.emails.length + owner.ids.length > 0
  return (
    <header className="review-head">
      <div className="title-row">
        <div>
          <h1 id="overview-title">{summary.name}</h1>
          <p className="belongs" data-testid="account">
            <span className="muted">{t('header.belongsTo')} </span>
            {hasOwner ? (
              <>
                {owner.names.map((n) => (
                  <strong key={n} className="who">
                    {n}
                  </strong>
                ))}
                {owner.emails.map((e) => (
                  <span key={e} className="who">
                    {e}
                  </span>
                ))}
                {owner.ids
                  .filter((id) => !owner.emails.includes(id))
                  .map((id) => (
                    <span key={id} className="who mono" title={t('header.accountId')}>
                      {id}
                    </span>
                  ))}
              </>
            ) : (
              <em>{t('header.noOwner')}</em>
            )}
          </p>
          {others.length > 0 && (
            <p className="other-accounts" data-testid="other-accounts">
              <span aria-hidden="true" className="alarm-icon">
                !
              </span>
              {t('header.otherAccounts', { count: others.length })}{' '}
              {others.map((a, i) => (
                <span key={i} className="who">
                  {[...new Set([...a.names, ...a.emails, ...a.ids])].join(' · ') || t('header.unnamedAccount')}
                </span>
              ))}
            </p>
          )}
          <p className="providers muted">
            <span data-testid="providers" title={reading.providers.map((p) => `${p.name}: ${p.reason}`).join('\n') || undefined}>
              {reading.providers.length === 0
                ? t('header.noProvider')
                : t('header.readBy', { providers: reading.providers.map((p) => p.name).join(', ') })}
            </span>
            <span className="hash" title={summary.sha256 ?? undefined}>
              {t('overview.sha256')}{' '}
              <span className="mono" data-testid="sha256">
                {summary.format === 'folder' ? '—' : (summary.sha256 ?? t('overview.hashing'))}
              </span>
            </span>
          </p>
        </div>
        <div className="head-actions">
          <button type="button" className="primary" data-testid="make-complaint" onClick={() => setScreen('complaint')}>
            {t('complaint.open')}
          </button>
          <button type="button" onClick={() => void close()}>
            {t('overview.close')}
          </button>
        </div>
      </div>
      <dl className="facts">
        <div>
          <dt title={t('overview.recordings')}>{t('overview.recordings')}</dt>
          <dd data-testid="recording-count">{formatCount(reading.recordingCount, lang)}</dd>
        </div>
        <div>
          <dt title={t('header.devices')}>{t('header.devices')}</dt>
          <dd data-testid="device-count">{formatCount(reading.devices.length, lang)}</dd>
        </div>
        <div className={unregistered > 0 ? 'alarm' : undefined}>
          <dt title={t('header.unregistered')}>{t('header.unregistered')}</dt>
          <dd data-testid="unregistered-count" data-stated={registrationStated}>
            {registrationStated ? formatCount(unregistered, lang) : <span className="unit muted">{t('header.notStated')}</span>}
          </dd>
        </div>
        <div>
          <dt title={t('overview.entries')}>{t('overview.entries')}</dt>
          <dd data-testid="entry-count">{formatCount(summary.entryCount, lang)}</dd>
        </div>
        <div>
          <dt title={t('overview.audio')}>{t('overview.audio')}</dt>
          <dd data-testid="audio-count">{formatCount(summary.audioCount, lang)}</dd>
        </div>
        <div>
          <dt title={t('overview.size')}>{t('overview.size')}</dt>
          <dd>
            {formatBytes(summary.bytes, lang)} <span className="muted unit">{summary.format}{summary.parts.length > 1 ? ` · ${t('header.parts', { count: summary.parts.length })}` : ''}</span>
          </dd>
        </div>
      </dl>
      <ReviewStatus />
    </header>
  )
}
