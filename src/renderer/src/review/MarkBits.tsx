import { useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Verdict } from '../../../shared/model/analysis'
import { NOTE_MAX_CHARS, type MarkValue } from '../../../shared/model/review'
import { toneOf } from './tones'
import { useStore } from '../stores'

export const MARK_VALUES: readonly MarkValue[] = ['mine', 'not-mine', 'unsure']
/** The keys useReviewKeys gives each mark; the buttons announce them. */
export const MARK_KEYS: Record<MarkValue | 'clear', string> = { mine: 'M', 'not-mine': 'N', unsure: 'U', clear: 'Backspace' }

/** "Not mine (detector: foreign)": the person's mark first, the detector's suggestion beside it. */
export function MarkVerdict({ mark, verdict, testId }: { mark: MarkValue | null; verdict: Verdict | null; testId?: string }) {
  const { t } = useTranslation()
  const tone = toneOf(null, verdict ?? 'own', mark)
  const detector = verdict ? t('marks.detector', { verdict: t(`marks.verdict.${verdict}`) }) : null
  return (
    <span className={`mark-verdict tone-${tone}`} data-testid={testId} data-mark={mark ?? ''} data-verdict={verdict ?? ''}>
      <span className="tone-dot" aria-hidden="true" />
      {mark ? (
        <>
          <strong>{t(`marks.${mark}`)}</strong>
          {detector && <span className="muted"> ({detector})</span>}
        </>
      ) : (
        <>
          {verdict ? t(`marks.verdict.${verdict}`) : t('marks.none')}
          {verdict && <span className="muted"> · {t('marks.none')}</span>}
        </>
      )}
    </span>
  )
}

/** Mine / not mine / unsure / clear as toggle buttons for one thing (the selected recording). */
export function MarkButtons({ current, onMark, label }: { current: MarkValue | null; onMark: (mark: MarkValue | null) => void; label: string }) {
  const { t } = useTranslation()
  const busy = useStore((s) => s.review.busy)
  return (
    <div className="mark-buttons" role="group" aria-label={label}>
      {MARK_VALUES.map((m) => (
        <button
          key={m}
          type="button"
          className={`mark-button mark-${m}`}
          aria-pressed={current === m}
          aria-keyshortcuts={MARK_KEYS[m]}
          title={`${t(`marks.${m}`)} (${MARK_KEYS[m]})`}
          data-testid={`mark-${m}`}
          disabled={busy}
          onClick={() => onMark(m)}
        >
          {t(`marks.${m}`)}
        </button>
      ))}
      <button
        type="button"
        className="mark-button mark-clear"
        aria-keyshortcuts={MARK_KEYS.clear}
        title={`${t('marks.clear')} (${MARK_KEYS.clear})`}
        data-testid="mark-clear"
        disabled={busy || current === null}
        onClick={() => onMark(null)}
      >
        {t('marks.clear')}
      </button>
    </div>
  )
}

/** A disclosure ("Mark 31 shown as…") whose choices mark many at once; it closes after a choice. */
export function MarkMenu({ summary, onMark, testId, disabled = false }: { summary: string; onMark: (mark: MarkValue | null) => void; testId: string; disabled?: boolean }) {
  const { t } = useTranslation()
  const busy = useStore((s) => s.review.busy)
  const ref = useRef<HTMLDetailsElement>(null)
  const pick = (m: MarkValue | null) => {
    if (ref.current) ref.current.open = false
    onMark(m)
  }
  if (disabled) return null
  return (
    <details ref={ref} className="mark-menu" data-testid={testId}>
      <summary>{summary}</summary>
      <div className="mark-menu-items" role="group" aria-label={summary}>
        {MARK_VALUES.map((m) => (
          <button key={m} type="button" className={`mark-button mark-${m}`} disabled={busy} data-testid={`${testId}-${m}`} onClick={() => pick(m)}>
            {t(`marks.${m}`)}
          </button>
        ))}
        <button type="button" className="mark-button mark-clear" disabled={busy} data-testid={`${testId}-clear`} onClick={() => pick(null)}>
          {t('marks.clear')}
        </button>
      </div>
    </details>
  )
}

/** A note on a recording or a device: edited here, saved (undoably) with the button or on leaving the field. */
export function NoteEditor({ target, id, note }: { target: 'recording' | 'device'; id: string; note: string | null }) {
  const { t } = useTranslation()
  const fieldId = useId()
  const [text, setText] = useState(note ?? '')
  const busy = useStore((s) => s.review.busy)
  useEffect(() => setText(note ?? ''), [note, id])
  const dirty = text.trim() !== (note ?? '').trim()
  const save = () => {
    if (dirty) void useStore.getState().review.setNote(target, id, text)
  }
  return (
    <div className="note-editor">
      <label htmlFor={fieldId}>{target === 'recording' ? t('marks.noteRecording') : t('marks.noteDevice')}</label>
      <textarea
        id={fieldId}
        value={text}
        rows={2}
        maxLength={NOTE_MAX_CHARS}
        placeholder={t('marks.notePlaceholder')}
        data-testid={`note-${target}`}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault()
            save()
          }
        }}
      />
      <button type="button" disabled={busy || !dirty} onClick={save} data-testid={`note-${target}-save`}>
        {t('marks.saveNote')}
      </button>
    </div>
  )
}
