import { useTranslation } from 'react-i18next'
import { useStore } from '../stores'

export function OpenError() {
  const { t } = useTranslation()
  const error = useStore((s) => s.archive.error)
  const close = useStore((s) => s.archive.close)
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
