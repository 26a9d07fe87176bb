import { loadLanguageDetector } from '../analysis/text/language'

let warmed = false

/**
 * Work every opening needs that depends on no export, done while the app waits for the person to
 * choose one: the language detector's n-gram table, which the first analysis otherwise loads on
 * the way to the first screen (~50-70 ms here), and the saved mappings' module (with its schema),
 * which the app's first read imports. Once per process, after the current task; what fails is
 * tried again by the step that needs it.
 */
export function warmUp(): void {
  if (warmed) return
  warmed = true
  setTimeout(() => {
    void loadLanguageDetector().catch(() => undefined)
    void import('../providers/saved-mappings').catch(() => undefined)
  }, 0)
}
