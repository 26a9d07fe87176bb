import { MARKERS, redact, REDACTED_KINDS, type RedactionKind } from '../redact'

export interface Transcript {
  time: string | null
  /** 1-based number of the recording's audio entry in manifest.json's entries (and manifest.csv's audio rows). */
  entry: number | null
  text: string
  language: string | null
}

export const DEFAULT_EXCERPTS = 5

// Words for the redactor's kinds; a kind it learns later is named by its id until it gets one here.
const KIND_WORDS: Record<string, string> = { name: 'names of people', place: 'towns the text asks about', address: 'streets with house numbers and postcodes with towns', email: 'e-mail addresses', phone: 'phone numbers', iban: 'IBANs', card: 'card numbers', dob: 'dates of birth', id: 'ids (account ids, serials)' }
const kinds = [...REDACTED_KINDS]
const list = (words: string[]) => (words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`)

/**
 * The one sentence (README and excerpts.txt) on what redaction does: the kinds the redactor
 * looks for, taken from its own list, and no promise that it finds every one.
 */
export const EXCERPTS_CLAIM = `what the redactor recognises as ${list(kinds.map((k) => KIND_WORDS[k] ?? k))} is removed; it can miss some, so read them before passing them on`

/**
 * excerpts.txt: the first few flagged transcripts, each redacted to new plain text. Enough to show
 * the recordings are someone else's life, never the whole of it (complaint.md §4.2).
 */
export function excerptsText(transcripts: readonly Transcript[], names: readonly string[], count = DEFAULT_EXCERPTS): { text: string; removed: Record<RedactionKind, number> } {
  const removed = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<RedactionKind, number>
  const chosen = transcripts.slice(0, Math.max(0, count))
  const body: string[] = []
  chosen.forEach((t, i) => {
    const r = redact(t.text, { names, language: t.language })
    for (const k of kinds) removed[k] += r.removed[k] ?? 0
    body.push(`${i + 1}. ${t.time ?? 'time unknown'} (UTC)${t.entry !== null ? `, manifest entry ${t.entry}` : ''}`)
    body.push(`   ${r.text.replace(/\s*\n\s*/g, ' ')}`, '')
  })
  const counted = kinds.filter((k) => removed[k] > 0).map((k) => `${KIND_WORDS[k] ?? k}: ${removed[k]}`)
  const lines = [
    `Redacted excerpts: ${chosen.length} of ${transcripts.length} flagged transcripts.`,
    `Redaction: ${EXCERPTS_CLAIM}. Each removal is replaced by its marker: ${kinds.map((k) => MARKERS[k]).join(' ')}.`,
    `Removed from these excerpts: ${counted.length > 0 ? counted.join(", ") : 'nothing recognised'}.`,
    'This is new text: nothing of what was removed is underneath. The full transcripts are not part of this bundle.',
    '',
    ...body
  ]
  return { text: `${lines.join('\n')}\n`, removed }
}
