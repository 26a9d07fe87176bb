import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { errorsOf, STEP_FIELDS, STEPS, type Step } from '../stores/complaint'
import './complaint.css'
import { StepController } from './StepController'
import { StepHarm } from './StepHarm'
import { StepPerson } from './StepPerson'
import { StepReview } from './StepReview'
import { useStore } from '../stores'

const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`

/**
 * The complaint, made from the open export: three steps of facts (saved beside the case as they
 * are typed), then a review of what goes where: authority, deadline, letters, form panels, the
 * evidence bundle and, at the end, the retention step.
 */
export function ComplaintWizard() {
  const { t, i18n } = useTranslation()
  const summary = useStore((s) => s.archive.summary)
  const setScreen = useStore((s) => s.app.setScreen)
  const step = useStore((s) => s.complaint.step)
  const ready = useStore((s) => s.complaint.ready)
  const savedAt = useStore((s) => s.complaint.savedAt)
  const saveError = useStore((s) => s.complaint.saveError)
  const start = useStore((s) => s.complaint.start)
  const next = useStore((s) => s.complaint.next)
  const back = useStore((s) => s.complaint.back)
  const goTo = useStore((s) => s.complaint.goTo)
  const complete = useStore((s) => Object.keys(errorsOf(s.complaint.draft)).length === 0)
  const heading = useRef<HTMLHeadingElement>(null)
  const archiveId = summary?.archiveId

  useEffect(() => {
    if (archiveId) void start(archiveId, i18n.language === 'de' ? 'de' : 'en')
  }, [archiveId, start, i18n.language])
  // A new step is announced and keyboard focus starts at its heading.
  useEffect(() => heading.current?.focus(), [step])

  if (!summary) return null
  const at = STEPS.indexOf(step)

  const onNext = () => {
    if (next()) return
    // The first field with an error takes the focus, so its message is read out.
    const errors = errorsOf(useStore.getState().complaint.draft)
    const first = step === 'review' ? undefined : STEP_FIELDS[step].find((f) => errors[f])
    if (first) document.getElementById(first === 'controller' && !document.getElementById(fieldId(first)) ? 'f-controller-kind' : fieldId(first))?.focus()
  }

  const body = (
    <div className="step-body">
      <h2 id="step-title" ref={heading} tabIndex={-1} data-testid="step-title">
        {t('complaint.stepOf', { n: at + 1, total: STEPS.length })} · {t(`complaint.steps.${step}`)}
      </h2>
      <p className="muted step-lead">{t(`complaint.leads.${step}`)}</p>
      {!ready ? <p aria-busy="true">{t('complaint.loading')}</p> : <StepView step={step} />}
    </div>
  )

  return (
    <section className="complaint" aria-labelledby="complaint-title">
      <header className="complaint-head">
        <div>
          <p className="muted crumb">{summary.name}</p>
          <h1 id="complaint-title">{t('complaint.title')}</h1>
          <p className="muted lead">{t('complaint.lead')}</p>
        </div>
        <button type="button" onClick={() => setScreen('review')} data-testid="complaint-back-to-review">
          {t('complaint.backToReview')}
        </button>
      </header>

      <nav aria-label={t('complaint.stepsLabel')}>
        <ol className="steps">
          {STEPS.map((s, i) => (
            <li key={s} className={s === step ? 'current' : i < at ? 'done' : undefined}>
              <button type="button" aria-current={s === step ? 'step' : undefined} disabled={s === 'review' && !complete} onClick={() => goTo(s)}>
                <span className="num" aria-hidden="true">
                  {i + 1}
                </span>
                {t(`complaint.steps.${s}`)}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      {step === 'review' ? (
        body
      ) : (
        // A form, so Enter in a field moves on as Next does; the checks are ours (noValidate).
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            onNext()
          }}
        >
          {body}
          <footer className="step-nav">
            <button type="button" onClick={back} disabled={at === 0}>
              {t('complaint.back')}
            </button>
            <span className="muted saved" aria-live="polite">
              {saveError ? <span className="error-text">{saveError}</span> : savedAt ? t('complaint.savedDraft') : ''}
            </span>
            <button type="submit" className="primary" data-testid="complaint-next">
              {step === 'harm' ? t('complaint.toReview') : t('complaint.next')}
            </button>
          </footer>
        </form>
      )}
    </section>
  )
}

function StepView({ step }: { step: Step }) {
  switch (step) {
    case 'person':
      return <StepPerson />
    case 'controller':
      return <StepController />
    case 'harm':
      return <StepHarm />
    case 'review':
      return <StepReview />
  }
}
