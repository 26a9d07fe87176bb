// Scores a redaction on the corpus: an item leaks when any letter or digit of it is left standing;
// a word that should stay is over-redacted when any of its letters is removed.
import type { Item, ItemKind, Language, Transcript } from './corpus'

export interface Removal {
  start: number
  end: number
}
export type Redactor = (t: Transcript) => readonly Removal[]

export interface Score {
  /** Items per kind and language, and how many of them leaked. */
  items: Map<string, { total: number; leaked: number }>
  words: Map<Language, { total: number; removed: number }>
  leaks: { text: string; item: string; kind: ItemKind }[]
  overRedacted: { text: string; word: string }[]
}

const covered = (spans: readonly Removal[], i: number) => spans.some((s) => s.start <= i && i < s.end)
const SIGNIFICANT = /[\p{L}\p{N}]/u

export function score(corpus: readonly Transcript[], redactor: Redactor): Score {
  const result: Score = { items: new Map(), words: new Map(), leaks: [], overRedacted: [] }
  for (const t of corpus) {
    const spans = redactor(t)
    for (const item of t.items) {
      const key = `${item.kind}|${t.language}`
      const row = result.items.get(key) ?? { total: 0, leaked: 0 }
      row.total++
      let leaked = false
      for (let i = item.start; i < item.end; i++) if (SIGNIFICANT.test(t.text[i]!) && !covered(spans, i)) leaked = true
      if (leaked) {
        row.leaked++
        result.leaks.push({ text: t.text, item: t.text.slice(item.start, item.end), kind: item.kind })
      }
      result.items.set(key, row)
    }
    const inItem = (i: number) => t.items.some((it: Item) => it.start <= i && i < it.end)
    const row = result.words.get(t.language) ?? { total: 0, removed: 0 }
    for (const m of t.text.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (inItem(m.index!)) continue
      row.total++
      let removed = false
      for (let i = m.index!; i < m.index! + m[0].length; i++) if (covered(spans, i)) removed = true
      if (removed) {
        row.removed++
        result.overRedacted.push({ text: t.text, word: m[0] })
      }
    }
    result.words.set(t.language, row)
  }
  return result
}

export const leakRate = (s: Score) => {
  let total = 0
  let leaked = 0
  for (const r of s.items.values()) {
    total += r.total
    leaked += r.leaked
  }
  return { total, leaked, rate: total ? leaked / total : 0 }
}
export const overRate = (s: Score) => {
  let total = 0
  let removed = 0
  for (const r of s.words.values()) {
    total += r.total
    removed += r.removed
  }
  return { total, removed, rate: total ? removed / total : 0 }
}
