import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import de from './de.json'
import en from './en.json'

export const languages = ['en', 'de'] as const

/** The saved choice, else the OS language (navigator.language follows it in Electron and Chromium). */
function initialLanguage(): string {
  let saved: string | null = null
  try {
    saved = localStorage.getItem('exportscope.language')
  } catch {
    saved = null
  }
  if (saved === 'en' || saved === 'de') return saved
  return navigator.language.toLowerCase().startsWith('de') ? 'de' : 'en'
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, de: { translation: de } },
  lng: initialLanguage(),
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false
})
document.documentElement.lang = i18n.language

export default i18n
