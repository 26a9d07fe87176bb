import { loadLanguageDetector } from '../analysis/text/language'

let warming: Promise<void> | null = null

/**
 * Work every opening needs that depends on no export, done while the app waits for the person to
 * choose one: the language detector's n-gram table, which the first analysis otherwise loads on
 * the way to the first screen (~50-70 ms here), and the saved mappings' module (with its schema),
 * which the app's first read imports. Once per process, after the current task; what fails is
 * tried again by the step that needs it.
 *
 * (Reading a small synthetic export here, to have the read's code compiled before the first real
 * open, was measured and left out: a 2,000-row warm-up cost ~350 ms of CPU and the first
 * 100,000-recording open after it took no less CPU, 6 pairs in turns.)
 */
export function warmUp(): void {
  if (warming) return
  warming = new Promise((resolve) => setTimeout(resolve, 0)).then(async () => {
    await Promise.all([loadLanguageDetector().catch(() => undefined), import('../providers/saved-mappings').catch(() => undefined)])
  })
}

/** Settles once the warm-up is over (or at once when it never started): the bench clicks "Open" after it, as a person choosing a file would. */
export function warmedUp(): Promise<void> {
  return warming ?? Promise.resolve()
}
