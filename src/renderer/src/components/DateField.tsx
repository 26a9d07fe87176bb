import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dayPattern, formatDay, parseDay } from './date-text'

/**
 * A day field that writes and reads dates in the app's language (the platform's date input follows
 * the system's). Each valid day is taken as it is typed; an invalid one is marked and not taken.
 */
export function DateField({ value, onChange, min, max, testId }: { value: string; onChange(day: string): void; min?: string; max?: string; testId: string }) {
  const { i18n } = useTranslation()
  const lang = i18n.language
  const [text, setText] = useState(() => formatDay(value, lang))
  const [focused, setFocused] = useState(false)
  // A change from elsewhere (Clear filters, another language) rewrites the field unless it is being typed in.
  useEffect(() => {
    if (!focused) setText(formatDay(value, lang))
  }, [value, lang, focused])
  const parsed = parseDay(text, lang)
  const outOfRange = parsed ? (min !== undefined && min !== '' && parsed < min) || (max !== undefined && max !== '' && parsed > max) : false
  const invalid = parsed === null || outOfRange
  return (
    <input
      type="text"
      inputMode="numeric"
      className="date-field"
      value={text}
      placeholder={dayPattern(lang)}
      aria-invalid={invalid || undefined}
      data-testid={testId}
      data-day={value}
      size={10}
      onFocus={() => setFocused(true)}
      onBlur={() => {
        setFocused(false)
        if (!invalid) setText(formatDay(parsed ?? '', lang))
      }}
      onChange={(e) => {
        setText(e.target.value)
        const day = parseDay(e.target.value, lang)
        if (day !== null) onChange(day)
      }}
    />
  )
}
