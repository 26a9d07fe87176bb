import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { formatBytes } from '../format'
import { JobStatus } from './JobStatus'
import { useStore } from '../stores'

/** The evidence bundle: manifest, hashes, custody log, redacted excerpts and letters; originals only when asked. */
export function BundlePanel() {
  const { t, i18n } = useTranslation()
  const [sealed, setSealed] = useState(false)
  const job = useStore((s) => s.complaint.bundle)
  const save = useStore((s) => s.complaint.saveBundle)
  const cancel = useStore((s) => s.complaint.cancel)
  const r = job.result
  return (
    <section className="card" aria-labelledby="bundle-title">
      <h3 id="bundle-title">{t('complaint.review.bundle')}</h3>
      <p>{t('complaint.review.bundleLead')}</p>
      <label className="check">
        <input type="checkbox" checked={sealed} onChange={(e) => setSealed(e.target.checked)} aria-describedby={sealed ? 'sealed-warning' : undefined} data-testid="sealed-originals" />
        {t('complaint.review.sealed')}
      </label>
      {sealed && (
        <p className="warning" id="sealed-warning" role="alert">
          {t('complaint.review.sealedWarning')}
        </p>
      )}
      <div className="actions">
        <button type="button" className="primary" disabled={Boolean(job.jobId)} onClick={() => void save(sealed)} data-testid="save-bundle">
          {sealed ? t('complaint.review.saveBundleSealed') : t('complaint.review.saveBundle')}
        </button>
      </div>
      {job.jobId && <JobStatus progress={job.progress} onCancel={() => void cancel()} testId="bundle-progress" />}
      {job.error && (
        <p className="error-text" role="alert">
          {job.error}
        </p>
      )}
      {r?.path && (
        <div className="saved-box" role="status" data-testid="bundle-saved">
          <p>{t('complaint.review.bundleSaved', { path: r.path, size: formatBytes(r.bytes, i18n.language), count: r.entries })}</p>
          <dl className="kv">
            <dt>{t('complaint.review.manifest')}</dt>
            <dd className="mono">{r.manifestSha256}</dd>
            <dt>{t('complaint.review.bundleRoot')}</dt>
            <dd className="mono" data-testid="bundle-root">{r.rootSha256}</dd>
            <dt>{t('complaint.review.bundleSha')}</dt>
            <dd className="mono">{r.sha256}</dd>
          </dl>
          {r.sealedOriginals && <p className="warning">{t('complaint.review.sealedSaved')}</p>}
        </div>
      )}
    </section>
  )
}
