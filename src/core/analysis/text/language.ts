import { loadCompactEld } from './eld-table'
import { wordCount } from './tokens'

/** Fewer words than this and detectors guess: "call Jonas" reads as Lithuanian. */
const MIN_WORDS = 4

type Detect = (text: string) => { language: string; isReliable(): boolean }
let loading: Promise<Detect> | null = null

/**
 * eld ships its n-gram tables inside the package (no network). 'extrasmall' gave the same answer on
 * every one of 2,574 generated voice commands of four words or more, English and German; its table
 * is read compactly (eld-table.ts: ~3 MB instead of ~80 MB of peak memory, which pushed a scan of
 * 100,000 recordings past 250 MB), with eld's own detector, so the answers are unchanged.
 */
export function loadLanguageDetector(): Promise<Detect> {
  loading ??= loadCompactEld()
  loading.catch(() => (loading = null))
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
