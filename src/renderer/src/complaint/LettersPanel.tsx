import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LetterKindSchema, type LetterKind, type LetterLang } from '../../../shared/model/complaint'
import type { LetterView } from '../../../shared/model/complaint-calls'
import { CopyButton } from './CopyButton'
import { JobStatus } from './JobStatus'
import { useStore } from '../stores'

const KINDS = LetterKindSchema.options
// Each language by its own name, as language pickers write them.
const LANG_NAMES: Record<LetterLang, string> = { en: 'English', de: 'Deutsch', fr: 'Français' }

/** Every letter in the chosen language: pick one, read it, copy it, or save it as PDF and text. */
export function LettersPanel({ letters, withheld = [] }: { letters: LetterView[]; withheld?: { kind: LetterKind; reason: string }[] }) {
  const { t } = useTranslation()
  const [copy, setCopy] = useState(false)
  const kind = useStore((s) => s.complaint.letterKind)
  const lang = useStore((s) => s.complaint.letterLang)
  const setLetter = useStore((s) => s.complaint.setLetter)
  const job = useStore((s) => s.complaint.letters)
  const save = useStore((s) => s.complaint.saveLetters)
  const cancel = useStore((s) => s.complaint.cancel)
  // A letter to an authority goes in its language; the person's language is a reading copy beside it.
  const versions = letters.filter((l) => l.kind === kind)
  const toSend = versions.find((l) => !l.courtesy) ?? null
  const reading = versions.find((l) => l.courtesy) ?? null
  const letter = (copy && reading) || toSend
  const held = withheld.find((w) => w.kind === kind)
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
                {withheld.some((w) => w.kind === k) ? ` (${t('complaint.review.withheld')})` : ''}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="segmented">
          <legend>{t('complaint.review.letterLang')}</legend>
          {(['en', 'de', 'fr'] as LetterLang[]).map((l) => (
            <label key={l}>
              <input type="radio" name="letter-lang" value={l} checked={lang === l} onChange={() => setLetter(kind, l)} />
              <span>{LANG_NAMES[l]}</span>
            </label>
          ))}
        </fieldset>
      </div>
      <p className="hint">{t(`complaint.kindHints.${kind}`)}</p>
      {reading && toSend && (
        <fieldset className="segmented" data-testid="letter-version">
          <legend className="sr-only">{t('complaint.review.courtesy')}</legend>
          <label>
            <input type="radio" name="letter-version" checked={!copy} onChange={() => setCopy(false)} />
            <span>{t('complaint.review.sendVersion', { lang: t(`complaint.review.langNames.${toSend.lang}`) })}</span>
          </label>
          <label>
            <input type="radio" name="letter-version" checked={copy} onChange={() => setCopy(true)} />
            <span>{t('complaint.review.readingCopy', { lang: t(`complaint.review.langNames.${reading.lang}`) })}</span>
          </label>
        </fieldset>
      )}
      {held ? (
        <p className="warning" data-testid="letter-withheld">
          {held.reason}
        </p>
      ) : letter ? (
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
        <button type="button" className="primary" disabled={Boolean(job.jobId) || Boolean(held)} onClick={() => void save([kind])} data-testid="save-letter">
          {t('complaint.review.savePdf')}
        </button>
        <button type="button" disabled={Boolean(job.jobId)} onClick={() => void save(KINDS.filter((k) => !withheld.some((w) => w.kind === k)))} data-testid="save-all-letters">
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
