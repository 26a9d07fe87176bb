import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../stores'

/** After filing: keep one sealed copy until the authority confirms, then delete it here, logged with its hash. */
export function RetentionPanel() {
  const { t } = useTranslation()
  const name = useStore((s) => s.archive.summary?.name ?? '')
  const format = useStore((s) => s.archive.summary?.format)
  // The export is closed already; this only leaves its screens for the start.
  const close = useStore((s) => s.archive.close)
  const sealed = useStore((s) => s.complaint.sealed)
  const keepSealed = useStore((s) => s.complaint.keepSealed)
  const deleted = useStore((s) => s.complaint.deleted)
  const error = useStore((s) => s.complaint.deleteError)
  const remove = useStore((s) => s.complaint.deleteExport)
  const [asking, setAsking] = useState(false)
  const [typed, setTyped] = useState('')
  const [busy, setBusy] = useState(false)

  if (deleted) {
    return (
      <section className="card" aria-labelledby="retention-title" data-testid="deleted">
        <h3 id="retention-title">{t('complaint.retention.deletedTitle')}</h3>
        <ul className="files mono">
          {deleted.deleted.map((d) => (
            <li key={d.path}>
              {d.path} · SHA-256 {d.sha256}
            </li>
          ))}
        </ul>
        <p>{t('complaint.retention.logged')}</p>
        <button type="button" className="primary" onClick={() => void close()}>
          {t('complaint.retention.done')}
        </button>
      </section>
    )
  }
  return (
    <section className="card retention" aria-labelledby="retention-title">
      <h3 id="retention-title">{t('complaint.retention.title')}</h3>
      <p>{t('complaint.retention.advice')}</p>
      <div className="actions">
        <button type="button" onClick={() => void keepSealed()} data-testid="keep-sealed">
          {t('complaint.retention.keep')}
        </button>
        <span role="status" className="muted">
          {sealed ? (sealed.logged ? t('complaint.retention.keptLogged') : t('complaint.retention.keptNoHash')) : ''}
        </span>
      </div>
      {format === 'folder' ? (
        <p className="hint">{t('complaint.retention.folder')}</p>
      ) : !asking ? (
        <div className="actions">
          <button type="button" className="danger" onClick={() => setAsking(true)} data-testid="delete-export">
            {t('complaint.retention.delete')}
          </button>
        </div>
      ) : (
        <form
          className="confirm-delete"
          onSubmit={async (e) => {
            e.preventDefault()
            setBusy(true)
            await remove(typed)
            setBusy(false)
          }}
        >
          <p className="warning">{t('complaint.retention.confirmWarning')}</p>
          <label htmlFor="confirm-name">{t('complaint.retention.typeName', { name })}</label>
          <input id="confirm-name" type="text" autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} aria-describedby={error ? 'delete-error' : undefined} />
          {error && (
            <p className="error-text" id="delete-error" role="alert">
              {error}
            </p>
          )}
          <div className="actions">
            <button type="button" onClick={() => (setAsking(false), setTyped(''))}>
              {t('complaint.cancel')}
            </button>
            <button type="submit" className="danger" disabled={typed.trim() !== name || busy} data-testid="confirm-delete">
              {t('complaint.retention.confirm')}
            </button>
          </div>
        </form>
      )}
    </section>
  )
}
