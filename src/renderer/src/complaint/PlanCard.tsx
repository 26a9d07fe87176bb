import { useTranslation } from 'react-i18next'
import type { ComplaintPreview } from '../../../shared/model/complaint-calls'

const day = (iso: string, lang: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

/** The sequence with its dates, as the engine plans it (the same steps the .ics holds): notice → deadline → follow-up → complaint. */
export function PlanCard({ plan }: { plan: ComplaintPreview['plan'] }) {
  const { t, i18n } = useTranslation()
  if (plan.length === 0) return null
  return (
    <section className="card plan-card" aria-labelledby="plan-title" data-testid="plan">
      <h3 id="plan-title">{t('complaint.review.plan')}</h3>
      <p className="muted">{t('complaint.review.planLead')}</p>
      <ol className="plan">
        {plan.map((p) => (
          <li key={p.step} className={p.done ? 'done' : undefined} data-step={p.step} data-date={p.date}>
            <time dateTime={p.date}>{day(p.date, i18n.language)}</time>
            <div>
              <strong>{t(`complaint.review.planSteps.${p.step}`)}</strong> {p.done && <span className="badge">{t('complaint.review.planDone')}</span>}
              <div className="plan-text">{p.text}</div>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}
