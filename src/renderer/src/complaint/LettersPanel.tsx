import { useTranslation } from 'react-i18next'
import { LetterKindSchema, type LetterKind, type LetterLang } from '../../../shared/model/complaint'
import type { LetterView } from '../../../shared/model/complaint-calls'
import { useComplaintStore } from '../stores/complaint'
import { CopyButton } from './CopyButton'
import { JobStatus } from './JobStatus'

const KINDS = LetterKindSchema.options

/** Every letter in the chosen language: pick one, read it, copy it, or save it as PDF and text. */
export function LettersPanel({ letters }: { letters: LetterView[] }) {
  const { t } = useTranslation()
  const kind = useComplaintStore((s) => s.letterKind)
  const lang = useComplaintStore((s) => s.letterLang)
  const setLetter = useComplaintStore((s) => s.setLetter)
  const job = useComplaintStore((s) => s.letters)
  const save = useComplaintStore((s) => s.saveLetters)
  const cancel = useComplaintStore((s) => s.cancel)
  const letter = letters.find((l) => l.kind === kind && l.lang === lang) ?? null
  return (
    <section className="card letters" aria-labelledby="letters-title">
      <h3 id="letters-title">{t('complaint.review.letters')}</h3>
      <div className="letter-controls">
        <div className="letter-kind">
          <label htmlFor="letter-kind">{t('complaint.review.letterKind')}</label>
          <select id="letter-kind" value={kind} onChange={(e) => setLetter(e.target.value as LetterKind, lang)} data-testid="letter-kind">
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`complaint.kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend>{t('complaint.review.letterLang')}</legend>
          {(['en', 'de'] as LetterLang[]).map((l) => (
            <label key={l}>
              <input type="radio" name="letter-lang" value={l} checked={lang === l} onChange={() => setLetter(kind, l)} />
              <span>{l === 'en' ? 'English' : 'Deutsch'}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="hint">{t(`complaint.kindHints.${kind}`)}</p>
      {letter ? (
        <>
          <p className="subject">
            <span className="muted">{t('complaint.review.to')}</span> {letter.recipient}
            <br />
            <span className="muted">{t('complaint.review.subject')}</span> <strong data-testid="letter-subject">{letter.subject}</strong>
          </p>
          <pre className="letter-text" tabIndex={0} aria-label={t('complaint.review.letterText')} data-testid="letter-text" lang={letter.lang}>
            {letter.text}
          </pre>
        </>
      ) : (
        <p aria-busy="true">{t('complaint.review.preparing')}</p>
      )}
      <div className="actions">
        {letter && <CopyButton text={letter.text} label={t('complaint.review.copy')} testId="copy-letter" />}
        <button type="button" className="primary" disabled={Boolean(job.jobId)} onClick={() => void save([kind])} data-testid="save-letter">
          {t('complaint.review.savePdf')}
        </button>
        <button type="button" disabled={Boolean(job.jobId)} onClick={() => void save(KINDS.filter((k) => k !== 'follow-up' || kind === 'follow-up'))} data-testid="save-all-letters">
          {t('complaint.review.saveAll')}
        </button>
      </div>
      {job.jobId && <JobStatus progress={job.progress} onCancel={() => void cancel()} testId="letters-progress" />}
      {job.error && (
        <p className="error-text" role="alert">
          {job.error}
        </p>
      )}
      {job.result?.folder && (
        <div className="saved-box" role="status" data-testid="letters-saved">
          <p>{t('complaint.review.lettersSaved', { count: job.result.files.length, folder: job.result.folder })}</p>
          <ul className="files mono">
            {job.result.files.map((f) => (
              <li key={f.name}>{f.name}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  )
}
