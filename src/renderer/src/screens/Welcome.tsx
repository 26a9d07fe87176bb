import { useTranslation } from 'react-i18next'
import { Logo } from '../components/Logo'
import { DropZone } from '../components/DropZone'
import { chooseAndOpen } from './open-actions'
import { useStore } from '../stores'

export function Welcome() {
  const { t } = useTranslation()
  const info = useStore((s) => s.app.info)
  const sampleAvailable = info?.sampleAvailable ?? false
  const openSample = useStore((s) => s.archive.openSample)
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <div className="welcome-hero">
        <Logo size={72} />
        <h1 id="welcome-title">{t('app.name')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
      </div>
      <DropZone>
        <h2>{t('welcome.title')}</h2>
        <p className="muted">{t('welcome.lead')}</p>
        <div className="actions">
          <button className="primary" onClick={() => void chooseAndOpen('file')} autoFocus>
            {t('welcome.open')}
          </button>
          <button onClick={() => void chooseAndOpen('folder')}>{t('welcome.openFolder')}</button>
          <span className="tooltip-host" title={sampleAvailable ? undefined : t('welcome.sampleUnavailable')}>
            <button disabled={!sampleAvailable} aria-describedby={sampleAvailable ? undefined : 'sample-why'} onClick={() => void openSample()}>
              {t('welcome.sample')}
            </button>
          </span>
        </div>
        {!sampleAvailable && (
          <p id="sample-why" className="hint">
            {t('welcome.sampleUnavailable')}
          </p>
        )}
      </DropZone>
      <div className="steps" aria-label={t('welcome.stepsTitle')}>
        {(['step1', 'step2', 'step3'] as const).map((step, i) => (
          <div className="step" key={step}>
            <span className="step-number">{i + 1}</span>
            <p>{t(`welcome.${step}`)}</p>
          </div>
        ))}
      </div>
      <p className="privacy">
        <svg className="lock" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
          <rect x="2.5" y="7" width="11" height="8" rx="1.5" fill="currentColor" />
          <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
        </svg>{' '}
        {t('welcome.privacy')}
      </p>
      {info && (
        <p className="version" data-testid="app-version">
          {info.name} {info.version}
        </p>
      )}
    </section>
  )
}
