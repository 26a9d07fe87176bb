import { useEffect } from 'react'
import { applyTheme, useUiStore } from '../stores/ui'

/** Applies the chosen theme; 'system' follows the OS and changes with it. */
export function useTheme(): void {
  const theme = useUiStore((s) => s.theme)
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => applyTheme(theme)
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
