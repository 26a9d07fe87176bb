import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useStore } from '../stores'

// A few lines, one line each, then a button: a damaged export's problems must leave the timeline and the list on the first screen.
const FIRST = 2

/** Problems met while opening and reading the export: listed where a person sees them, hidden only when the person folds them. */
export function NoProblems() {
  const { t } = useTranslation()
  const count = useStore((s) => (s.archive.summary ? s.archive.summary.problems.length + s.archive.summary.reading.problems.length : 0))
  if (count > 0) return null
  return (
    <p className="problems ok" data-testid="problems">
      {t('overview.noProblems')}
    </p>
  )
}

/** The problems themselves, in a panel above the tabs. */
export function ProblemList() {
  const { t } = useTranslation()
  const summary = useStore((s) => s.archive.summary)
  const [all, setAll] = useState(false)
  // Folded by the person who has read them, to give the recordings the room; the count and the button stay.
  const [folded, setFolded] = useState(false)
  if (!summary) return null
  const problems = [
    ...summary.problems.map((p) => ({ ...p, line: null as number | null })),
    ...summary.reading.problems.map((p) => ({ kind: p.kind, path: p.path, message: p.message, line: p.line }))
  ]
  const count = problems.length
  if (count === 0) return null
  const shown = all ? problems : problems.slice(0, FIRST)
  return (
    <section className="problems has-problems" aria-labelledby="problems-title" data-testid="problems">
      <div className="problems-head">
        <h2 id="problems-title">{t('overview.problems', { count })}</h2>
        <div className="problems-actions">
          {!folded && (
            <button type="button" onClick={() => setAll(!all)} aria-expanded={all} aria-controls="problems-body">
              {count > FIRST ? (all ? t('problems.fewer') : t('problems.all', { count })) : all ? t('problems.brief') : t('problems.whole')}
            </button>
          )}
          <button type="button" onClick={() => setFolded(!folded)} aria-expanded={!folded} aria-controls="problems-body">
            {folded ? t('problems.show') : t('problems.hide')}
          </button>
        </div>
      </div>
      <div id="problems-body" hidden={folded}>
        <p className="muted">{t('problems.lead')}</p>
        {/* Focusable: a list that scrolls in its panel must scroll from the keyboard too. */}
        {/* Until the person asks for all of it, each problem is one line, so the panel leaves the timeline its lanes. */}
        <ul tabIndex={0} aria-labelledby="problems-title" className={all ? undefined : 'one-line'}>
          {shown.map((p, i) => (
            <li key={i}>
              {p.path && (
                <code>
                  {p.path}
                  {p.line ? `:${p.line}` : ''}
                </code>
              )}{' '}
              <ProblemText kind={p.kind} message={p.message} />
            </li>
          ))}
        </ul>
      </div>
    </section>
  )
}

/**
 * The engine writes problems as English sentences with exact details (offsets, CRCs, line numbers);
 * another UI language puts its own words for the kind first and marks the detail as English.
 */
function ProblemText({ kind, message }: { kind: string; message: string }) {
  const { t } = useTranslation()
  const label = t(`problemKind.${kind}`, { defaultValue: '' })
  if (!label) return <>{message}</>
  return (
    <>
      <strong data-testid="problem-kind">{label}:</strong> <span lang="en">{message}</span>
    </>
  )
}
