import { noneRemoved, redact, redactedKindsSentence, REDACTED_KINDS, type RedactionKind } from '../redact'

export interface Transcript {
  time: string | null
  /** 1-based number of the recording's audio entry in manifest.json's entries (and manifest.csv's audio rows). */
  entry: number | null
  text: string
  language: string | null
}

export const DEFAULT_EXCERPTS = 5

/**
 * excerpts.txt: the first few flagged transcripts, each redacted to new plain text. Enough to show
 * the recordings are someone else's life, never the whole of it (complaint.md §4.2).
 */
export function excerptsText(transcripts: readonly Transcript[], names: readonly string[], count = DEFAULT_EXCERPTS): { text: string; removed: Record<RedactionKind, number> } {
  const removed = noneRemoved()
  const chosen = transcripts.slice(0, Math.max(0, count))
  const lines = [
    `Redacted excerpts: ${chosen.length} of ${transcripts.length} flagged transcripts.`,
    redactedKindsSentence('en'),
    'This is new text: nothing of what was removed is underneath. The full transcripts are not part of this bundle.',
    ''
  ]
  chosen.forEach((t, i) => {
    const r = redact(t.text, { names, language: t.language })
    for (const k of REDACTED_KINDS as RedactionKind[]) removed[k] += r.removed[k]
    lines.push(`${i + 1}. ${t.time ?? 'time unknown'} (UTC)${t.entry !== null ? `, manifest entry ${t.entry}` : ''}`)
    lines.push(`   ${r.text.replace(/\s*\n\s*/g, ' ')}`, '')
  })
  return { text: `${lines.join('\n')}\n`, removed }
}
