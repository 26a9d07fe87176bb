import { create } from 'zustand'
import i18n from '../i18n'

export type ThemeChoice = 'system' | 'light' | 'dark'
export type Language = 'en' | 'de'

const stored = (key: string): string | null => {
  try {
    return localStorage.getItem(key)
  } catch {
    return null
  }
}
const remember = (key: string, value: string) => {
  try {
    localStorage.setItem(key, value)
  } catch {
    // Storage may be unavailable; the choice then lasts for this session only.
  }
}

interface UiState {
  theme: ThemeChoice
  language: Language
  setTheme(theme: ThemeChoice): void
  setLanguage(language: Language): void
}

export const useUiStore = create<UiState>((set) => ({
  theme: (stored('exportscope.theme') as ThemeChoice | null) ?? 'system',
  language: i18n.language === 'de' ? 'de' : 'en',
  setTheme(theme) {
    remember('exportscope.theme', theme)
    set({ theme })
  },
  setLanguage(language) {
    remember('exportscope.language', language)
    void i18n.changeLanguage(language)
    document.documentElement.lang = language
    set({ language })
  }
}))
