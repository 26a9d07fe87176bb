import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { findingText } from './engine-text'
import type { MarkValue } from '../../../shared/model/review'
import { formatCount } from '../format'
import { MARKS, VERDICTS, type Catalog } from './catalog'
import { MarkButtons, MarkVerdict, NoteEditor } from './MarkBits'
import { useStore } from '../stores'

/** The selected recording's note, opened by the E key. */
export const NOTE_DETAILS_ID = 'recording-note'

/** Marks the recordings (the selected one from the keys or the buttons); one undoable step. */
export function markRecordings(ids: readonly string[], mark: MarkValue | null): void {
  if (ids.length) void useStore.getState().review.mark(ids, mark)
}

/** What the mark buttons and keys act on: the picked recordings (Ctrl/Shift-click), else the selected one. */
export function markTargets(): string[] {
  const { picked, selectedId } = useStore.getState().selection
  if (picked.size > 0) return [...picked]
  return selectedId === null ? [] : [selectedId]
}

/**
 * The selected recording's review: the person's mark beside the detector's verdict, the findings
 * that name it, buttons (and keys) to mark it, and a note.
 */
export function RecordingReview({ catalog, index }: { catalog: Catalog; index: number }) {
  const { t, i18n } = useTranslation()
  const r = catalog.recordings[index]!
  const picked = useStore((s) => s.selection.picked.size)
  const entry = useStore((s) => s.review.marks[r.id])
  const findings = useStore((s) => s.review.detector?.findings)
  const j = catalog.judged
  const verdict = j ? VERDICTS[j.verdict[index]!]! : null
  const mark = j ? MARKS[j.mark[index]!]! : (entry?.mark ?? null)
  // The findings that name this recording, with the sentence that says why.
  const mine = useMemo(() => (findings ?? []).filter((f) => f.recordingIds.includes(r.id)), [findings, r.id])
  if (!j) return null
  return (
    <section className="rec-review" aria-labelledby="rec-review-title" data-testid="recording-review">
      <h3 id="rec-review-title" className="sr-only">
        {t('marks.yourMark')}
      </h3>
      <div className="rec-review-line">
        <span className="rec-review-state">
          <MarkVerdict mark={mark} verdict={verdict === 'own' ? null : verdict} testId="detail-mark" />
        </span>
        {mine.length > 0 && (
          <details className="rec-why">
            <summary data-testid="detail-why">{t('marks.why', { count: mine.length })}</summary>
            <ul className="rec-reasons" aria-label={t('marks.reasons')} data-testid="detail-reasons">
              {mine.map((f, k) => (
                <li key={k} className={`finding-line ${f.severity}`} data-rule={f.rule}>
                  <span className={`severity ${f.severity}`}>{t(`findings.${f.severity}`)}</span> {findingText(f, t, i18n.language)}
                </li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {picked > 1 && (
        <p className="picked-note" data-testid="picked-count" data-count={picked}>
          {t('marks.picked', { count: picked, formatted: formatCount(picked, i18n.language) })}
        </p>
      )}
      <div className="rec-review-marks" title={t('marks.keys')}>
        <MarkButtons
          current={picked > 1 ? null : mark}
          label={picked > 1 ? t('marks.markPicked', { count: picked, formatted: formatCount(picked, i18n.language) }) : t('marks.markThis')}
          onMark={(m) => markRecordings(markTargets(), m)}
        />
      </div>
      <details className="rec-note" id={NOTE_DETAILS_ID} open={Boolean(entry?.note) || undefined}>
        <summary>{entry?.note ? t('marks.noteShown') : t('marks.addNote')}</summary>
        <NoteEditor target="recording" id={r.id} note={entry?.note ?? null} />
      </details>
    </section>
  )
}
