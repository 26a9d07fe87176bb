import { useEffect } from 'react'
import { useUiStore } from '../stores/ui'

/** Applies the chosen theme; 'system' follows the OS and changes with it. */
export function useTheme(): void {
  const theme = useUiStore((s) => s.theme)
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches)
      document.documentElement.dataset.theme = dark ? 'dark' : 'light'
    }
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
