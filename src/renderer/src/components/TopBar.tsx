import { useTranslation } from 'react-i18next'
import { type Language, type ThemeChoice } from '../stores/ui'
import { Logo } from './Logo'
import { useStore } from '../stores'

export function TopBar() {
  const { t } = useTranslation()
  const language = useStore((s) => s.ui.language)
  const theme = useStore((s) => s.ui.theme)
  const setLanguage = useStore((s) => s.ui.setLanguage)
  const setTheme = useStore((s) => s.ui.setTheme)
  return (
    <header className="topbar">
      <div className="brand">
        <Logo size={26} />
        <span className="brand-name">{t('app.name')}</span>
      </div>
      <div className="topbar-controls">
        <label>
          <span className="sr-only">{t('settings.language')}</span>
          <select aria-label={t('settings.language')} value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </label>
        <label>
          <span className="sr-only">{t('settings.theme')}</span>
          <select aria-label={t('settings.theme')} value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
            <option value="system">{t('settings.system')}</option>
            <option value="light">{t('settings.light')}</option>
            <option value="dark">{t('settings.dark')}</option>
          </select>
        </label>
      </div>
    </header>
  )
}
