import { namesIn } from '../../src/core/analysis/text/names'
import { placesIn } from '../../src/core/analysis/text/places'
import { fold } from '../../src/core/analysis/text/tokens'

// The redaction as it was before issue 16, frozen here as the benchmark's baseline: it returns its
// spans instead of the text, so both are scored the same way.

/**
 * Redaction for the excerpts an evidence bundle carries: the stranger's names, places, e-mail
 * addresses, phone numbers, account ids and device serials are removed from the text, not
 * covered. The result is new plain text in which only a marker stands where they were, so there
 * is no hidden layer to recover (complaint.md §4.2).
 */
type RedactionKind = 'name' | 'place' | 'address' | 'email' | 'phone' | 'id'

interface RedactOptions {
  /**
   * Further names to remove wherever they appear as words: the accounts' names, device names,
   * names the detector found in the flagged recordings. Wake words ('Alexa', 'Echo') are ignored.
   */
  names?: readonly string[]
  /** The transcript's language ('en', 'de'): in English every capitalised word inside a sentence is a name candidate. */
  language?: string | null
}

export interface Span {
  start: number
  end: number
  kind: RedactionKind
}

const EMAIL = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu
// Account ids, device serials, order numbers, IBANs: a run of 8+ letters and digits that mixes both.
const ID = /(?<![\p{L}\p{N}])[A-Za-z0-9](?:[A-Za-z0-9._:-]*[A-Za-z0-9])?(?![\p{L}\p{N}])/gu
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d ()/.-]{5,}\d(?![\p{L}\p{N}])/gu
const STREET_DE = /(?<![\p{L}])[\p{L}-]*(?:straße|strasse|str\.|weg|allee|platz|gasse|damm|ring|ufer)\s+\d+\s?[a-z]?(?![\p{L}\p{N}])/giu
const STREET_EN = /(?<![\p{L}\p{N}])\d+[a-z]?\s+(?:[\p{Lu}][\p{L}'-]*\s+){1,3}(?:Street|St\.?|Road|Rd\.?|Avenue|Ave\.?|Lane|Ln\.?|Way|Drive|Dr\.?|Close|Court|Place|Square)(?![\p{L}])/gu
const POSTCODE_TOWN = /(?<![\p{L}\p{N}])\d{4,5}\s+\p{Lu}[\p{L}-]+/gu
const WORD = /\p{L}[\p{L}\p{M}\p{N}'’-]*/gu
const DATE_OR_TIME = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?)/

// Words that stand capitalised inside English sentences without naming anyone.
const NOT_NAMES = new Set(
  (
    'i im ive id ill alexa echo dot show google siri cortana amazon spotify netflix youtube ok okay tv bbc ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december ' +
    'christmas easter english german french spanish celsius fahrenheit'
  ).split(' ')
)
const WAKE_WORDS = new Set(['alexa', 'echo', 'dot', 'show', 'google', 'siri', 'computer', 'amazon', 'the', 'der', 'die', 'das', 's'])

const digitCount = (s: string) => s.replace(/\D/g, '').length

function addMatches(spans: Span[], text: string, re: RegExp, kind: RedactionKind, keep: (m: string) => boolean = () => true): void {
  for (const m of text.matchAll(re)) if (keep(m[0])) spans.push({ start: m.index, end: m.index + m[0].length, kind })
}

const isId = (s: string) => s.length >= 8 && /\d/.test(s) && /[A-Za-z]/.test(s)
const isPhone = (s: string) => {
  const digits = digitCount(s)
  return digits >= 7 && digits <= 15 && !DATE_OR_TIME.test(s.replace(/^\(/, ''))
}

/** The words to remove as names: the detector's first names in the text, what the caller names, and surnames after a first name. */
function nameSpans(text: string, options: RedactOptions): Span[] {
  const wanted = new Set<string>()
  for (const n of namesIn(text)) wanted.add(fold(n))
  for (const n of options.names ?? []) {
    for (const w of n.matchAll(WORD)) {
      const f = fold(w[0].replace(/['’]s?$/u, ''))
      if (f.length >= 2 && !WAKE_WORDS.has(f)) wanted.add(f)
    }
  }
  const places = new Set(placesIn(text).flatMap((p) => [...p.name.matchAll(WORD)].map((w) => fold(w[0]))))
  const english = options.language?.toLowerCase().startsWith('en') ?? false
  const spans: Span[] = []
  const words = [...text.matchAll(WORD)].map((m) => {
    const word = m[0].replace(/['’]s?$/u, '')
    return { start: m.index, end: m.index + word.length, word, folded: fold(word) }
  })
  words.forEach((w, i) => {
    if (!w.word) return
    if (places.has(w.folded)) {
      spans.push({ start: w.start, end: w.end, kind: 'place' })
      return
    }
    const capitalized = /^\p{Lu}/u.test(w.word)
    const afterName = i > 0 && spans.at(-1)?.kind === 'name' && spans.at(-1)!.end === words[i - 1]!.end && /^\s+$/.test(text.slice(words[i - 1]!.end, w.start))
    const startsSentence = i === 0 || /[.!?:]\s*$/.test(text.slice(words[i - 1]!.end, w.start))
    const common = NOT_NAMES.has(w.folded.replace(/['’]/g, ''))
    const candidate = english && capitalized && !startsSentence && !common
    if (wanted.has(w.folded) || (afterName && capitalized && !common) || candidate) spans.push({ start: w.start, end: w.end, kind: 'name' })
  })
  return spans
}

/** The spans the old redaction removed (before merging). */
export function baselineSpans(text: string, options: RedactOptions = {}): Span[] {
  const spans: Span[] = []
  addMatches(spans, text, EMAIL, 'email')
  addMatches(spans, text, STREET_DE, 'address')
  addMatches(spans, text, STREET_EN, 'address')
  addMatches(spans, text, POSTCODE_TOWN, 'address')
  addMatches(spans, text, ID, 'id', isId)
  addMatches(spans, text, PHONE, 'phone', isPhone)
  spans.push(...nameSpans(text, options))
  return spans
}
