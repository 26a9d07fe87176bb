import { useTranslation } from 'react-i18next'
import type { FormPanel } from '../../../shared/model/complaint-calls'
import { CopyButton } from './CopyButton'

/** Enough rows to show a field whole, up to eight: wrapped lines at about 95 characters, and its own line breaks. */
const rowsFor = (text: string) => Math.min(8, Math.max(1, text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 95)), 0)))

/** The authorities' web forms, field by field, sized to their limits, to copy across by hand. */
export function FormPanels({ panels }: { panels: FormPanel[] }) {
  const { t, i18n } = useTranslation()
  if (panels.length === 0) return null
  return (
    <section className="card" aria-labelledby="panels-title">
      <h3 id="panels-title">{t('complaint.review.panels')}</h3>
      <p className="hint">{t('complaint.review.panelsHint')}</p>
      {panels.map((panel, i) => (
        <details key={panel.authority} className="panel" data-testid="form-panel" data-authority={panel.authority} open={i === 0}>
          <summary>
            <span>{panel.title}</span>
            {panel.fields.some((f) => f.over) && <span className="badge danger">{t('complaint.review.overLimit')}</span>}
          </summary>
          {panel.url && <p className="mono muted">{panel.url}</p>}
          {panel.warnings.length > 0 && (
            <ul className="warnings">
              {panel.warnings.map((w) => (
                <li key={w} className="warning">
                  {w}
                </li>
              ))}
            </ul>
          )}
          {panel.fields.map((f) => {
            const id = `panel-${panel.authority}-${f.id}`
            return (
              <div key={f.id} className={`panel-field${f.over ? ' over' : ''}`} data-testid="panel-field" data-over={f.over}>
                <div className="panel-field-head">
                  <label htmlFor={id}>{f.label}</label>
                  <span className="count" id={`${id}-count`} data-testid="panel-count">
                    {f.limit !== null
                      ? t('complaint.review.charsOf', { count: f.chars, chars: f.chars.toLocaleString(i18n.language), limit: f.limit.toLocaleString(i18n.language) })
                      : t('complaint.review.chars', { count: f.chars, chars: f.chars.toLocaleString(i18n.language) })}
                  </span>
                  <CopyButton text={f.text} label={t('complaint.review.copyShort')} ariaLabel={t('complaint.review.copyField', { field: f.label })} />
                </div>
                <textarea id={id} readOnly rows={rowsFor(f.text)} value={f.text} aria-describedby={`${id}-count${f.over ? ` ${id}-over` : ''}`} />
                {f.over && (
                  <p className="error-text" id={`${id}-over`}>
                    {t('complaint.review.overBy', { count: f.chars - (f.limit ?? 0) })}
                  </p>
                )}
              </div>
            )
          })}
        </details>
      ))}
    </section>
  )
}
