import { nameKey } from './fold'
import { TITLES } from './words'

/** A word of a transcript, as the name rules read it. */
export interface Word {
  start: number
  end: number
  text: string
  key: string
  capitalized: boolean
  /** First word of the text or of a sentence. */
  sentenceStart: boolean
  possessive: boolean
  /** Only blanks (or a hyphen) between this word and the one before. */
  joined: boolean
  /** A comma (or semicolon) between this word and the one before. */
  afterComma: boolean
}

const WORD = /\p{L}[\p{L}\p{M}]*(?:['’`-]\p{L}[\p{L}\p{M}]*)*(?:['’]s?)?\.?/gu

/** The words of a text, with what the name rules need to know about each. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = []
  let prevEnd = 0
  for (const m of text.matchAll(WORD)) {
    let raw = m[0]
    const dotted = raw.endsWith('.')
    if (dotted) raw = raw.slice(0, -1)
    // "Jonas's", "Jonas'", "Anna's"; a closing quote after any other word ("'Echo Küche'") is no possessive.
    const possessive = (/['’]s$/u.test(raw) || /s['’]$/u.test(raw)) && raw.length > 2
    const core = possessive ? raw.replace(/['’]s?$/u, '') : raw.replace(/['’]$/u, '')
    if (!core) continue
    const between = text.slice(prevEnd, m.index)
    words.push({
      start: m.index!,
      end: m.index! + core.length,
      text: core,
      key: nameKey(core),
      capitalized: /^\p{Lu}/u.test(core),
      sentenceStart: words.length === 0 || /[.!?:;]\s*$/.test(between) || (words.length > 0 && /\.$/.test(text.slice(words.at(-1)!.start, prevEnd)) && !TITLES.has(words.at(-1)!.key)),
      possessive,
      joined: words.length > 0 && /^(?:\s+|-)$/.test(between),
      afterComma: words.length > 0 && /[,;]/.test(between)
    })
    prevEnd = m.index! + (dotted ? raw.length + 1 : raw.length)
  }
  return words
}

