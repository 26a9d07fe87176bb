import { wordCount } from './tokens'

/** Fewer words than this and detectors guess: "call Jonas" reads as Lithuanian. */
const MIN_WORDS = 4

type Detect = (text: string) => { language: string; isReliable(): boolean }
let loading: Promise<Detect> | null = null

/**
 * eld ships its n-gram tables inside the package (no network) and is ESM-only, hence the dynamic
 * import; the 'small' table detects short voice commands as well as 'medium' at a third of the load time.
 */
export function loadLanguageDetector(): Promise<Detect> {
  loading ??= import('eld/small').then(({ eld }) => (text: string) => eld.detect(text))
  return loading
}

/** 'de-DE', 'de_DE', 'DE' → 'de'. */
export const primaryLanguage = (tag: string | null): string | null => {
  const m = tag?.trim().match(/^([a-z]{2,3})(?:[-_]|$)/i)
  return m ? m[1]!.toLowerCase() : null
}

/**
 * The language of what was said. A short command borrows the assistant's answer, which comes in
 * the speaker's language; too few words, or a guess the detector itself calls unreliable, give null.
 */
export function languageOf(detect: Detect, transcript: string | null, response: string | null, saidWords?: number): string | null {
  const said = transcript?.trim() ?? ''
  if (!said) return null
  const words = saidWords ?? wordCount(said)
  const answer = words >= MIN_WORDS ? '' : (response?.trim() ?? '')
  if (words + (answer ? wordCount(answer) : 0) < MIN_WORDS) return null
  const text = answer ? `${said}. ${answer}` : said
  const guess = detect(text)
  return guess.language && guess.isReliable() ? guess.language : null
}
