import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { AuthorityCards } from './AuthorityCards'
import { BundlePanel } from './BundlePanel'
import { DeadlineCard } from './DeadlineCard'
import { FormPanels } from './FormPanels'
import { LettersPanel } from './LettersPanel'
import { PlanCard } from './PlanCard'
import { RetentionPanel } from './RetentionPanel'
import { useStore } from '../stores'

/** Step 4: where it goes, by when, in which words, with which evidence, and what to do with the export after. */
export function StepReview() {
  const { t } = useTranslation()
  const preview = useStore((s) => s.complaint.preview)
  const error = useStore((s) => s.complaint.previewError)
  const load = useStore((s) => s.complaint.loadPreview)
  const goTo = useStore((s) => s.complaint.goTo)
  const deleted = useStore((s) => s.complaint.deleted)
  useEffect(() => void load(), [load])

  if (deleted) return <RetentionPanel />
  if (error === 'incomplete') {
    return (
      <p className="warning" role="alert">
        {t('complaint.review.incomplete')}{' '}
        <button type="button" onClick={() => goTo('person')}>
          {t('complaint.steps.person')}
        </button>
      </p>
    )
  }
  if (error) return <p className="error-text" role="alert">{error}</p>
  if (!preview) return <p aria-busy="true">{t('complaint.review.preparing')}</p>
  const e = preview.evidence
  return (
    <div className="review-sections">
      <section className="card evidence-card" aria-labelledby="ev-title">
        <h3 id="ev-title">{t('complaint.review.evidence')}</h3>
        <p data-testid="evidence-summary">
          {t('complaint.review.evidenceLine', { count: e.foreignRecordings, devices: e.foreignDevices.length })}
        </p>
        <dl className="kv">
          <dt>{t('complaint.review.archive')}</dt>
          <dd className="mono">{e.archiveName}</dd>
          <dt>SHA-256</dt>
          <dd className="mono">{e.archiveSha256 ?? t('complaint.review.hashPending')}</dd>
          <dt>{t('complaint.review.manifest')}</dt>
          <dd className="mono" data-testid="manifest-sha">{e.manifestSha256 ?? t('complaint.review.manifestPending')}</dd>
        </dl>
        {preview.notes.length > 0 && !preview.refusal && (
          <ul className="notes">
            {preview.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
      </section>
      {preview.refusal ? (
        // Nothing flagged or marked: the wizard offers no letter, form or bundle, only why.
        <section className="card" aria-labelledby="refusal-title">
          <h3 id="refusal-title">{t('complaint.review.refusalTitle')}</h3>
          <p className="warning" role="alert" data-testid="refusal">
            {preview.refusal}
          </p>
        </section>
      ) : (
        <>
          <AuthorityCards authorities={preview.authorities} />
          <DeadlineCard deadline={preview.deadline} />
          <PlanCard plan={preview.plan} />
          <LettersPanel letters={preview.letters} withheld={preview.withheld} />
          <FormPanels panels={preview.panels} />
          <BundlePanel />
        </>
      )}
      <RetentionPanel />
    </div>
  )
}
