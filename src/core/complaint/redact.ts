import { deviceNameSpans } from './redaction/device'
import type { Lexicon } from './redaction/lexicon'
import { nameSpans } from './redaction/names'
import { patternSpans } from './redaction/patterns'
import type { RedactionKind, Span } from './redaction/span'

/**
 * Redaction for the excerpts an evidence bundle carries: personal data is removed from the text,
 * not covered. The result is new plain text in which only a marker stands where it was, so there
 * is no hidden layer to recover (complaint.md §4.2). What is removed is exactly REDACTED_KINDS;
 * the excerpts file says so with redactedKindsSentence(), and never claims more. How well it holds
 * is measured by `npm run bench:redaction` (leaks and over-redaction per kind and language).
 */
export type { RedactionKind, Span } from './redaction/span'

export const MARKERS: Record<RedactionKind, string> = {
  name: '[name]',
  place: '[place]',
  address: '[address]',
  email: '[e-mail]',
  phone: '[phone]',
  iban: '[IBAN]',
  card: '[card number]',
  dob: '[date of birth]',
  id: '[id]'
}

/** Every kind the redaction removes, in the order the excerpts file names them. */
export const REDACTED_KINDS: readonly RedactionKind[] = ['name', 'place', 'address', 'email', 'phone', 'iban', 'card', 'dob', 'id']

const KIND_WORDS: Record<'en' | 'de', Record<RedactionKind, string>> = {
  en: {
    name: 'names of people',
    place: 'towns the text asks about',
    address: 'streets with house numbers and postcodes with towns',
    email: 'e-mail addresses',
    phone: 'phone numbers',
    iban: 'IBANs',
    card: 'card numbers',
    dob: 'dates of birth',
    id: 'account numbers, ids and serials'
  },
  de: {
    name: 'Namen von Personen',
    place: 'Orte, nach denen gefragt wird',
    address: 'Straßen mit Hausnummer und Postleitzahlen mit Ort',
    email: 'E-Mail-Adressen',
    phone: 'Telefonnummern',
    iban: 'IBANs',
    card: 'Kartennummern',
    dob: 'Geburtsdaten',
    id: 'Kontonummern, Kennungen und Seriennummern'
  }
}

/** One sentence naming what is removed, for the excerpts file: "Removed: names of people, …". */
export function redactedKindsSentence(language: 'en' | 'de' = 'en'): string {
  const kinds = REDACTED_KINDS.map((k) => `${KIND_WORDS[language][k]} ${MARKERS[k]}`)
  return language === 'de'
    ? `Entfernt (nicht abgedeckt) und durch eine Markierung ersetzt: ${kinds.join(', ')}. Das leisten Regeln und Wortlisten; ein Name, der wie ein gewöhnliches Wort aussieht und ohne Anrede oder Anruf dasteht, kann ihnen entgehen.`
    : `Removed (not covered) and replaced by a marker: ${kinds.join(', ')}. Rules and word lists do this; a name that looks like an ordinary word and stands without a title or a call before it can escape them.`
}

export const noneRemoved = (): Record<RedactionKind, number> => Object.fromEntries(REDACTED_KINDS.map((k) => [k, 0])) as Record<RedactionKind, number>

export interface RedactOptions {
  /**
   * Further names to remove wherever they appear as words: the accounts' names, device names,
   * names the detector found in the flagged recordings. Wake words ('Alexa', 'Echo') are ignored.
   */
  names?: readonly string[]
  /**
   * The transcript's language ('en', 'de') when known: only a hint. The rules of every language run
   * on every text either way (Amazon rows carry no language, and short commands defeat detectors).
   */
  language?: string | null
  /**
   * The gazetteer and word lists. The app leaves this out and gets the full lists; the redaction
   * benchmark passes buildLexicon({ withoutNames: held-out names }) so its corpus tests the rules.
   */
  lexicon?: Lexicon
}

export interface Redacted {
  text: string
  removed: Record<RedactionKind, number>
}

/** The stretches of `text` to remove, merged: no two overlap, sorted by start. */
export function redactionSpans(text: string, options: RedactOptions = {}): Span[] {
  return merge([...patternSpans(text, options.lexicon), ...nameSpans(text, options)])
}

function merge(spans: Span[]): Span[] {
  // Earlier starts win; of two at the same start, the longer. An overlapping span widens the one taken.
  spans.sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Span[] = []
  for (const s of spans) {
    const last = merged.at(-1)
    if (last && s.start < last.end) {
      if (s.end > last.end) last.end = s.end
      continue
    }
    merged.push({ ...s })
  }
  return merged
}

function apply(text: string, spans: readonly Span[]): Redacted {
  const removed = noneRemoved()
  let out = ''
  let at = 0
  for (const s of spans) {
    out += text.slice(at, s.start) + MARKERS[s.kind]
    removed[s.kind]++
    at = s.end
  }
  return { text: out + text.slice(at), removed }
}

/** Removes personal data from one text; see MARKERS for what stands in its place. */
export function redact(text: string, options: RedactOptions = {}): Redacted {
  return apply(text, redactionSpans(text, options))
}

/**
 * A device name for the manifest: the person's name in it goes, the model and the room stay
 * ("Jana's Echo Dot" → "[name]'s Echo Dot"); see redaction/device.ts.
 */
export function redactDeviceName(name: string, names: readonly string[] = []): string {
  return apply(name, merge(deviceNameSpans(name, names))).text
}
