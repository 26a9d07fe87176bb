import { useTranslation } from 'react-i18next'
import { formatBytes, formatCount } from '../format'
import { useStore } from '../stores'

export function Opening() {
  const { t, i18n } = useTranslation()
  const path = useStore((s) => s.archive.openingPath) ?? ''
  const progress = useStore((s) => s.archive.progress)
  const cancel = useStore((s) => s.archive.cancel)
  const name = path.split(/[\\/]/).pop() ?? path
  const fraction = progress && progress.totalBytes > 0 ? Math.min(1, progress.bytes / progress.totalBytes) : null
  return (
    <section className="opening" aria-busy="true" aria-labelledby="opening-title">
      <h1 id="opening-title">{t('opening.title', { name })}</h1>
      <p>{t(`opening.phase_${progress?.phase ?? 'listing'}`)}</p>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}>
        <div className={`progress-bar${fraction === null ? ' indeterminate' : ''}`} style={{ transform: fraction === null ? undefined : `scaleX(${fraction})` }} />
      </div>
      {progress && (
        <p className="muted">
          {t('opening.counts', {
            entries: formatCount(progress.entries, i18n.language),
            bytes: formatBytes(progress.bytes, i18n.language),
            total: formatBytes(progress.totalBytes, i18n.language)
          })}
        </p>
      )}
      <button onClick={() => void cancel()}>{t('opening.cancel')}</button>
    </section>
  )
}
