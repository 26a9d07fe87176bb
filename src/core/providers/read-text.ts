import type { ReadProblem } from '../../shared/model/recording'
import type { ExportView, ViewEntry } from './export-view'

/** A small text entry (an index page, a profile) as a string; stops at `limit` bytes. */
export async function readText(view: ExportView, entry: ViewEntry, limit = 4 * 1024 * 1024): Promise<string> {
  const stream = await view.open(entry)
  const chunks: Buffer[] = []
  let size = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      chunks.push(chunk)
      size += chunk.length
      if (size >= limit) break
    }
  } finally {
    stream.destroy()
  }
  return Buffer.concat(chunks).toString('utf8').replace(/^\ufeff/, '')
}

/** A capital and a full stop, as every problem the app shows is a sentence. */
export function asSentence(text: string): string {
  const t = text.trim()
  const capital = t.charAt(0).toUpperCase() + t.slice(1)
  return /[.!?…)]$/.test(capital) ? capital : `${capital}.`
}

export const problem = (provider: string | null, kind: string, path: string | null, message: string, line: number | null = null): ReadProblem => ({
  kind,
  path,
  message: asSentence(message),
  provider,
  line
})

export const errorText = (err: unknown): string => (err instanceof Error ? err.message : String(err))
