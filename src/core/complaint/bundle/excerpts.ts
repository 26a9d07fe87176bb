import { MARKERS, REDACTED_KINDS, redactionSpans, type RedactionKind } from '../redact'

export interface Transcript {
  time: string | null
  /** 1-based number of the recording's audio entry in manifest.json's entries (and manifest.csv's audio rows). */
  entry: number | null
  text: string
  language: string | null
}

export const DEFAULT_EXCERPTS = 5
/** At most this many characters of one transcript are quoted: enough to show whose life it is, never pages of it. */
export const EXCERPT_CHARS = 300
/** How one that goes on ends. */
export const CLIPPED_MARK = '[…clipped]'
// The redactor reads a window of the transcript, not all of it (a pathological transcript of megabytes costs
// nothing more), and what is quoted stays MARGIN characters clear of the window's end, so an IBAN or an address
// cut by the window is never quoted half-recognised.
const WINDOW = EXCERPT_CHARS * 8
const MARGIN = 200

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
    const r = clippedExcerpt(t.text, names, t.language)
    for (const k of kinds) removed[k] += r.removed[k] ?? 0
    body.push(`${i + 1}. ${t.time ?? 'time unknown'} (UTC)${t.entry !== null ? `, manifest entry ${t.entry}` : ''}${r.clipped ? `, clipped: ${t.text.length.toLocaleString('en')} characters in the export` : ''}`)
    body.push(`   ${r.text}`, '')
  })
  const counted = kinds.filter((k) => removed[k] > 0).map((k) => `${KIND_WORDS[k] ?? k}: ${removed[k]}`)
  const lines = [
    `Redacted excerpts: ${chosen.length} of ${transcripts.length} flagged transcripts.`,
    `Redaction: ${EXCERPTS_CLAIM}. Each removal is replaced by its marker: ${kinds.map((k) => MARKERS[k]).join(' ')}.`,
    `Removed from these excerpts: ${counted.length > 0 ? counted.join(", ") : 'nothing recognised'}.`,
    'This is new text: nothing of what was removed is underneath. The full transcripts are not part of this bundle.',
    `Each excerpt quotes at most ${EXCERPT_CHARS} characters of its transcript; a longer one ends in ${CLIPPED_MARK}.`,
    '',
    ...body
  ]
  return { text: `${lines.join('\n')}\n`, removed }
}

/**
 * One transcript, redacted and clipped: the redactor runs on a bounded window; the quote is cut at a
 * word's end (a marker is never cut), at most EXCERPT_CHARS long, and marked when anything is left out.
 */
export function clippedExcerpt(text: string, names: readonly string[], language: string | null): { text: string; clipped: boolean; removed: Record<RedactionKind, number> } {
  const removed = Object.fromEntries(kinds.map((k) => [k, 0])) as Record<RedactionKind, number>
  let windowEnd = text.length
  if (text.length > WINDOW) {
    const blank = text.lastIndexOf(' ', WINDOW)
    windowEnd = blank > WINDOW / 2 ? blank : WINDOW
  }
  const window = text.slice(0, windowEnd)
  // Quote no raw character past here unless the window is the whole text.
  const rawLimit = windowEnd === text.length ? text.length : windowEnd - MARGIN
  let out = ''
  let at = 0
  let clipped = false
  const flat = (s: string) => s.replace(/\s+/g, ' ')
  // Plain text up to `end`, as far as the limits allow; false once clipped.
  const plain = (end: number): boolean => {
    const piece = flat(window.slice(at, Math.min(end, rawLimit)))
    const room = EXCERPT_CHARS - out.length
    if (piece.length <= room && end <= rawLimit) {
      out += piece
      at = end
      return true
    }
    const cut = piece.slice(0, Math.max(0, room))
    // Back to the last blank, so no word (nor a number's digits) is quoted in part.
    const blank = cut.lastIndexOf(' ')
    out += blank > 0 ? cut.slice(0, blank) : ''
    clipped = true
    return false
  }
  for (const span of redactionSpans(window, { names, language })) {
    if (!plain(span.start)) break
    const marker = MARKERS[span.kind]
    if (span.end > rawLimit || out.length + marker.length > EXCERPT_CHARS) {
      clipped = true
      break
    }
    out += marker
    removed[span.kind]++
    at = span.end
  }
  if (!clipped) plain(text.length)
  if (!clipped && at < text.length) clipped = true
  return { text: clipped ? `${out.trimEnd()} ${CLIPPED_MARK}` : out.trim(), clipped, removed }
}
