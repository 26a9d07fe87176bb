import { loadLanguageDetector } from '../analysis/text/language'

let warmed = false

/**
 * Work every opening needs that depends on no export, done while the app waits for the person to
 * choose one: the language detector's n-gram table, which the first analysis otherwise loads on
 * the way to the first screen (~50-70 ms here). Once per process, after the current task; a load
 * that fails is tried again by the analysis that needs it.
 */
export function warmUp(): void {
  if (warmed) return
  warmed = true
  setTimeout(() => void loadLanguageDetector().catch(() => undefined), 0)
}
