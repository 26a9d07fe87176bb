import { useTranslation } from 'react-i18next'
import type { EventPayload } from '../../../shared/ipc/events'

/** A running save: its phase, a progress bar and Cancel. */
export function JobStatus({ progress, onCancel, testId }: { progress: EventPayload<'complaint.progress'> | null; onCancel: () => void; testId: string }) {
  const { t } = useTranslation()
  const phase = progress?.phase ?? 'hashing-entries'
  const value = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : undefined
  return (
    <div className="job" data-testid={testId} aria-live="polite">
      <label>
        <span>{t(`complaint.phase.${phase}`)}</span>
        <progress max={1} value={value} />
      </label>
      <button type="button" onClick={onCancel}>
        {t('complaint.cancel')}
      </button>
    </div>
  )
}
