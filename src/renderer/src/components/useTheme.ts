import { useEffect } from 'react'
import { applyTheme } from '../stores/ui'
import { useStore } from '../stores'

/** Applies the chosen theme; 'system' follows the OS and changes with it. */
export function useTheme(): void {
  const theme = useStore((s) => s.ui.theme)
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => applyTheme(theme)
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
