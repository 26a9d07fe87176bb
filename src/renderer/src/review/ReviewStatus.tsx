import { useTranslation } from 'react-i18next'
import { stepText } from './engine-text'
import { formatCount } from '../format'
import { useStore } from '../stores'

const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform)
const MOD = isMac ? 'Meta' : 'Control'

/** How far the review is (what is still unmarked), the marks so far, and undo/redo of the last steps. */
export function ReviewStatus() {
  const { t, i18n } = useTranslation()
  const lang = i18n.language
  const counts = useStore((s) => s.review.counts)
  const canUndo = useStore((s) => s.review.canUndo)
  const canRedo = useStore((s) => s.review.canRedo)
  const undoLabel = useStore((s) => s.review.undoLabel)
  const redoLabel = useStore((s) => s.review.redoLabel)
  const undoText = useStore((s) => s.review.undoText)
  const redoText = useStore((s) => s.review.redoText)
  const busy = useStore((s) => s.review.busy)
  const error = useStore((s) => (s.review.status === 'ready' ? s.review.error : null))
  if (!counts) return null
  const n = (v: number) => formatCount(v, lang)
  const undoStep = stepText(undoText, t, lang) ?? undoLabel
  const redoStep = stepText(redoText, t, lang) ?? redoLabel
  const undoTitle = undoStep ? t('marks.undoWhat', { label: undoStep }) : t('marks.undo')
  const redoTitle = redoStep ? t('marks.redoWhat', { label: redoStep }) : t('marks.redo')
  return (
    <div className="review-status" data-testid="review-status">
      <p className="review-progress" role="status" aria-live="polite">
        <span data-testid="unreviewed-count" data-count={counts.unreviewed} data-flagged={counts.unreviewedFlagged}>
          {counts.unreviewed === 0
            ? t('marks.allReviewed', { total: n(counts.recordings) })
            : t('marks.unreviewed', { count: counts.unreviewed, unreviewed: n(counts.unreviewed), total: n(counts.recordings) })}
        </span>
        {counts.unreviewedFlagged > 0 && <span className="muted"> · {t('marks.flaggedLeft', { count: counts.unreviewedFlagged, formatted: n(counts.unreviewedFlagged) })}</span>}
        <span className="muted mark-tally" data-testid="mark-tally" data-mine={counts.mine} data-not-mine={counts.notMine} data-unsure={counts.unsure}>
          {' · '}
          {t('marks.tally', { mine: n(counts.mine), notMine: n(counts.notMine), unsure: n(counts.unsure) })}
        </span>
      </p>
      <div className="undo-redo" role="group" aria-label={t('marks.history')}>
        <button type="button" disabled={!canUndo || busy} title={`${undoTitle} (Ctrl+Z)`} aria-label={undoTitle} aria-keyshortcuts={`${MOD}+Z`} data-testid="undo" onClick={() => void useStore.getState().review.undo()}>
          ↶ {t('marks.undo')}
        </button>
        <button type="button" disabled={!canRedo || busy} title={`${redoTitle} (Ctrl+Shift+Z)`} aria-label={redoTitle} aria-keyshortcuts={`${MOD}+Shift+Z ${MOD}+Y`} data-testid="redo" onClick={() => void useStore.getState().review.redo()}>
          ↷ {t('marks.redo')}
        </button>
      </div>
      {error && (
        <p className="error-message" role="alert" data-testid="review-error">
          {error}
        </p>
      )}
    </div>
  )
}
