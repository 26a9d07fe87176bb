import { useTranslation } from 'react-i18next'
import type { AuthorityView } from '../../../shared/model/complaint-calls'

/** The authority that takes the complaint, and the lead authority that acts on the breach, with why. */
export function AuthorityCards({ authorities }: { authorities: AuthorityView[] }) {
  const { t } = useTranslation()
  return (
    <section className="card" aria-labelledby="auth-title">
      <h3 id="auth-title">{t('complaint.review.authorities')}</h3>
      <div className="authorities">
        {authorities.map((a) => (
          <article key={`${a.role}-${a.slug}`} className="authority" data-testid="authority" data-slug={a.slug} data-role={a.role} aria-label={a.name}>
            <p className="role">{t(`complaint.review.role.${a.role}`)}</p>
            <h4>{a.name}</h4>
            <p className="reason">{a.reason}</p>
            <dl className="kv">
              {a.address && (
                <>
                  <dt>{t('complaint.review.address')}</dt>
                  <dd className="address">{a.address}</dd>
                </>
              )}
              {a.webForm && (
                <>
                  <dt>{t('complaint.review.webForm')}</dt>
                  <dd className="mono">{a.webForm}</dd>
                </>
              )}
              {a.email && (
                <>
                  <dt>{t('complaint.review.email')}</dt>
                  <dd className="mono">{a.email}</dd>
                </>
              )}
              {a.pgpFingerprint && (
                <>
                  <dt>{t('complaint.review.pgp')}</dt>
                  <dd className="mono">{a.pgpFingerprint}</dd>
                </>
              )}
              {a.complaintLanguage && (
                <>
                  <dt>{t('complaint.review.language')}</dt>
                  <dd>{a.complaintLanguage}</dd>
                </>
              )}
              <dt>{t('complaint.review.dataDate')}</dt>
              <dd>{a.dataDate ?? '—'}</dd>
            </dl>
          </article>
        ))}
      </div>
      <p className="hint">{t('complaint.review.offline')}</p>
    </section>
  )
}
