import { withoutTrailing } from '../../trim'
/** A word of a transcript: as written, and folded for matching against our lists. */
export interface Token {
  text: string
  folded: string
  /** Written with a capital first letter and not at the start of the sentence. */
  capitalizedInside: boolean
  capitalized: boolean
}

const folded = new Map<string, string>()
const MAX_FOLDED = 200_000

/** Lower case without accents, ß as ss: 'Lübeck', 'LUBECK' and 'lübeck' meet; speech-to-text spells all three. */
export const fold = (s: string): string => {
  // Voice commands reuse a small vocabulary: each word is folded once.
  let f = folded.get(s)
  if (f === undefined) {
    f = /^[\x00-\x7f]*$/.test(s) ? s.toLowerCase() : s.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase()
    if (folded.size >= MAX_FOLDED) folded.clear()
    folded.set(s, f)
  }
  return f
}

const WORD = /\p{L}[\p{L}\p{M}\p{N}'’.-]*/gu
const POSSESSIVE = /['’]s?$/u
const ABBREVIATION = /^\p{Lu}\p{Ll}?\.$/u
const UPPER = /^\p{Lu}/u

export function tokenize(text: string): Token[] {
  const tokens: Token[] = []
  const source = /^[\x00-\x7f]*$/.test(text) ? text : text.normalize('NFC')
  for (const m of source.matchAll(WORD)) {
    // Possessives and trailing dots ("Jonas's", "Jonas'", "St.") are the word itself for our lists.
    let word = m[0]
    if (word.includes("'") || word.includes('’')) word = word.replace(POSSESSIVE, '')
    if (word.endsWith('.') && !ABBREVIATION.test(word)) word = withoutTrailing(word, '.')
    if (!word) continue
    const capitalized = UPPER.test(word)
    tokens.push({ text: word, folded: fold(word), capitalized, capitalizedInside: capitalized && tokens.length > 0 })
  }
  return tokens
}

/** How many words a text has, without building tokens. */
export const wordCount = (text: string): number => {
  let n = 0
  for (const _ of text.matchAll(WORD)) n++
  return n
}
