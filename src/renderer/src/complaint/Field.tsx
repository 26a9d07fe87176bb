import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useShallow } from 'zustand/react/shallow'
import { errorsOf } from '../stores/complaint'
import { useStore } from '../stores'

export interface ControlProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
  'aria-required'?: boolean
}

/** The error shown for a field: only once its step was checked, in words for that field. */
export function useFieldError(path: string): string | null {
  const { t } = useTranslation()
  const [visible, code] = useStore(useShallow((s) => [s.complaint.shown.includes(path), errorsOf(s.complaint.draft)[path] ?? null]))
  if (!visible || !code) return null
  return t(`complaint.errors.${path}`, { defaultValue: t(code === 'required' ? 'complaint.errors.required' : 'complaint.errors.invalid') })
}

/** A labelled control with its hint and error tied to it for screen readers. */
export function Field({ path, label, hint, required, wide, children }: { path: string; label: string; hint?: string; required?: boolean; wide?: boolean; children: (props: ControlProps) => ReactNode }) {
  const { t } = useTranslation()
  const id = `f-${path.replace(/\./g, '-')}`
  const error = useFieldError(path)
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${wide ? ' wide' : ''}${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required ? <span className="req"> ({t('complaint.required')})</span> : <span className="opt"> ({t('complaint.optional')})</span>}
      </label>
      {children({ id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined, 'aria-required': required || undefined })}
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  )
}
