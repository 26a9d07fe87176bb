import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'

/** Copies text to the clipboard and says so for a moment (politely, for screen readers too). */
export function CopyButton({ text, label, ariaLabel, testId }: { text: string; label: string; ariaLabel?: string; testId?: string }) {
  const { t } = useTranslation()
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 2500)
    return () => clearTimeout(timer)
  }, [state])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text)
      setState('copied')
    } catch {
      // The app's session grants no permission, clipboard writes included; a copy made from a
      // selection during the click needs none.
      setState(copyBySelection(text) ? 'copied' : 'failed')
    }
  }
  return (
    <span className="copy">
      <button type="button" onClick={() => void copy()} aria-label={ariaLabel} data-testid={testId}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' ? t('complaint.copied') : state === 'failed' ? t('complaint.copyFailed') : ''}
      </span>
    </span>
  )
}

function copyBySelection(text: string): boolean {
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  const focused = document.activeElement as HTMLElement | null
  document.body.append(area)
  area.select()
  let done = false
  try {
    done = document.execCommand('copy')
  } catch {
    done = false
  }
  area.remove()
  focused?.focus()
  return done
}
