import { nameKey } from './fold'
import { EVERYDAY, getLexicon, type Lexicon } from './lexicon'
import { patternSpans } from './patterns'
import type { Span } from './span'
import { wordsOf } from './word'
import { KEEP, TITLES } from './words'

/**
 * Device names in the manifest. A device name is a label the account holder typed or Amazon gave
 * ("Echo Dot", "Echo Küche", "Jana's Echo Dot"): it identifies the device the evidence is about, so
 * it stays, but the person's name in it goes: "[name]'s Echo Dot", "Echo Dot von [name]". Unlike
 * speech, a label is not read for context: only a person's name is removed (a possessive, a word
 * after "von"/"of", a name the gazetteer or the account lists), never a model word, a room or a
 * word the lists do not know ("Kinderzimmer", "Flur", an attacker's "=cmd").
 */

/** Words of device models and apps: never a person, even with a possessive before them. */
const MODEL_WORDS = new Set(
  (
    'echo dot show spot pop studio flex plus input auto buds frames sub link amp connect look wall clock hub kids edition gen generation ' +
    'fire tv stick cube max lite mini pro hd tablet kindle paperwhite oasis scribe alexa app iphone ipad android phone smartphone handy galaxy pixel ' +
    'sonos one move roam era beam arc bose jbl harman nest home smart speaker lautsprecher soundbar display ring blink eero'
  ).split(' ')
)
const OWNED_BY = new Set(['von', 'vom', 'of', 'de', 'di', 'from', 'da'])
const DETERMINERS = new Set(['the', 'a', 'an', 'my', 'our', 'your', 'mein', 'meine', 'unser', 'unsere', 'dein', 'deine', 'das', 'der', 'die'])

// The keys of a frozen list of names, worked out once: a manifest names every device with one list of every account's names.
const givenKeys = new WeakMap<readonly string[], ReadonlySet<string>>()
function keysOfNames(names: readonly string[]): ReadonlySet<string> {
  const known = givenKeys.get(names)
  if (known) return known
  const keys = new Set(names.flatMap((n) => wordsOf(n).map((w) => w.key)).filter((k) => k.length >= 2 && !KEEP.has(k) && !MODEL_WORDS.has(k)))
  if (Object.isFrozen(names)) givenKeys.set(names, keys)
  return keys
}

/** The stretches of a device name to remove: personal data with a shape (phone, e-mail), and a person's name. */
export function deviceNameSpans(name: string, names: readonly string[] = [], lexicon: Lexicon = getLexicon()): Span[] {
  const given = keysOfNames(names)
  const listed = (k: string) => given.has(k) || lexicon.names.has(k) || (lexicon.firstWords.has(k) && !EVERYDAY.has(k))
  const words = wordsOf(name)
  const spans: Span[] = patternSpans(name, lexicon).filter((s) => s.kind === 'phone' || s.kind === 'email' || s.kind === 'iban' || s.kind === 'card')
  const isName = new Array<boolean>(words.length).fill(false)
  words.forEach((w, i) => {
    if (MODEL_WORDS.has(w.key) || KEEP.has(w.key) || TITLES.has(w.key) || OWNED_BY.has(w.key)) return
    const prev = words[i - 1]
    const next = words[i + 1]
    // "Jana's Echo Dot", "Thomas' Fire TV"; not "the kids' Echo".
    const possessive = w.possessive && !(prev && DETERMINERS.has(prev.key)) && !lexicon.stop.has(w.key)
    // German: "Janas Echo Dot" (the name and its s, before a model word).
    const genitive = !w.possessive && w.key.endsWith('s') && next !== undefined && MODEL_WORDS.has(next.key) && listed(nameKey(w.key.slice(0, -1)))
    const ownedBy = prev !== undefined && OWNED_BY.has(prev.key) && !lexicon.stop.has(w.key)
    const titled = prev !== undefined && TITLES.has(prev.key)
    // "Echo Dot von Jana Kowalski": a capitalised word right after a name is its surname.
    const surname = i > 0 && isName[i - 1] && w.joined && w.capitalized && !lexicon.stop.has(w.key)
    if (possessive || genitive || ownedBy || titled || surname || listed(w.key)) {
      isName[i] = true
      spans.push({ start: w.start, end: w.end, kind: 'name' })
    }
  })
  return spans
}
