import i18n from '../i18n'
import type { SliceCreator } from './slice'

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

/** Pane sizes in CSS pixels: the side's width, the timeline's and the recording pane's heights. */
export interface PaneSizes {
  side: number
  timeline: number
  recording: number
}
export type PaneName = keyof PaneSizes
export const PANE_DEFAULTS: PaneSizes = { side: 310, timeline: 210, recording: 240 }
/** The smallest and largest each pane may be dragged to, so no pane can swallow the others. */
export const PANE_LIMITS: Record<PaneName, [number, number]> = { side: [240, 520], timeline: [120, 520], recording: [170, 480] }
/** Side sections a person folded away (summary, findings, devices, voices…). */
export type SideSection = string

const clampPane = (name: PaneName, v: number): number => {
  const [lo, hi] = PANE_LIMITS[name]
  return Number.isFinite(v) ? Math.round(Math.min(hi, Math.max(lo, v))) : PANE_DEFAULTS[name]
}

function storedPanes(): PaneSizes {
  try {
    const raw = JSON.parse(stored('exportscope.panes') ?? '{}') as Partial<Record<PaneName, unknown>>
    const out = { ...PANE_DEFAULTS }
    for (const k of Object.keys(PANE_DEFAULTS) as PaneName[]) if (typeof raw[k] === 'number') out[k] = clampPane(k, raw[k])
    return out
  } catch {
    return { ...PANE_DEFAULTS }
  }
}
function storedFolded(): string[] {
  try {
    const raw: unknown = JSON.parse(stored('exportscope.folded') ?? '[]')
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

/** Puts the chosen theme on the document ('system' follows the OS at this moment). */
export function applyTheme(theme: ThemeChoice): void {
  const dark = theme === 'dark' || (theme === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches)
  document.documentElement.dataset.theme = dark ? 'dark' : 'light'
}

export interface UiSlice {
  theme: ThemeChoice
  language: Language
  panes: PaneSizes
  folded: readonly SideSection[]
  setTheme(theme: ThemeChoice): void
  setLanguage(language: Language): void
  /** Sets one pane's size (clamped); remembered with the theme and language. */
  setPane(name: PaneName, size: number): void
  toggleSection(section: SideSection): void
}

/** The app's settings: theme, language, pane sizes, folded sections; remembered across runs, kept across exports. */
export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  theme: (stored('exportscope.theme') as ThemeChoice | null) ?? 'system',
  language: i18n.language === 'de' ? 'de' : 'en',
  panes: storedPanes(),
  folded: storedFolded(),
  setTheme(theme) {
    remember('exportscope.theme', theme)
    set({ theme })
  },
  setLanguage(language) {
    remember('exportscope.language', language)
    void i18n.changeLanguage(language)
    document.documentElement.lang = language
    set({ language })
  },
  setPane(name, size) {
    const panes = { ...get().panes, [name]: clampPane(name, size) }
    remember('exportscope.panes', JSON.stringify(panes))
    set({ panes })
  },
  toggleSection(section) {
    const now = get().folded
    const folded = now.includes(section) ? now.filter((s) => s !== section) : [...now, section]
    remember('exportscope.folded', JSON.stringify(folded))
    set({ folded })
  }
})
