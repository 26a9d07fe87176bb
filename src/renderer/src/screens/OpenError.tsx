import { useTranslation } from 'react-i18next'
import { useArchiveStore } from '../stores/archive'

export function OpenError() {
  const { t } = useTranslation()
  const error = useArchiveStore((s) => s.error)
  const close = useArchiveStore((s) => s.close)
  return (
    <section className="open-error" role="alert">
      <h1>{t('error.title')}</h1>
      <p className="error-message">{error?.message}</p>
      <button className="primary" onClick={() => void close()} autoFocus>
        {t('error.back')}
      </button>
    </section>
  )
}
