import { useTranslation } from 'react-i18next'
import type { DeadlineView } from '../../../shared/model/complaint-calls'
import { useStore } from '../stores'

const day = (iso: string, lang: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })

/** When the controller must have answered, and a calendar reminder for it. */
export function DeadlineCard({ deadline }: { deadline: DeadlineView }) {
  const { t, i18n } = useTranslation()
  const reminder = useStore((s) => s.complaint.reminder)
  const save = useStore((s) => s.complaint.saveReminder)
  return (
    <section className="card" aria-labelledby="deadline-title">
      <h3 id="deadline-title">{t('complaint.review.deadline')}</h3>
      <p className={`deadline${deadline.overdue ? ' overdue' : ''}`} data-testid="deadline" data-due={deadline.due}>
        <strong>{day(deadline.due, i18n.language)}</strong>
        {deadline.overdue && <span className="badge danger">{t('complaint.review.overdue')}</span>}
      </p>
      <p className="muted">{deadline.basis}</p>
      {deadline.extendedDue && <p className="muted">{t('complaint.review.extended', { date: day(deadline.extendedDue, i18n.language) })}</p>}
      <div className="actions">
        <button type="button" onClick={() => void save()} data-testid="save-ics">
          {t('complaint.review.saveIcs')}
        </button>
        <span role="status" className="muted">
          {reminder?.path ? t('complaint.review.savedTo', { path: reminder.path }) : reminder?.error ? <span className="error-text">{reminder.error}</span> : ''}
        </span>
      </div>
    </section>
  )
}
