import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { CsvScanner, type ScanResult } from './scanner'

export type CsvEvent =
  | { type: 'header'; header: string[]; delimiter: string }
  | { type: 'row'; line: number; cells: string[] }
  /** A record the parser could not read; the rows after it are still read where the format allows. */
  | { type: 'error'; line: number | null; message: string }

const CANDIDATES = [',', ';', '\t', '|']
const SNIFF_LIMIT = 64 * 1024

/** The separator that splits the header line most often, quotes respected; ',' when none does. */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map(CANDIDATES.map((c) => [c, 0]))
  let quoted = false
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1)
  }
  let best = ','
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c
  return best
}

/**
 * The longest record kept, in characters. Real rows are a few hundred; a transcript of a long
 * dictation a few thousand. Beyond this a record is skipped (a problem line names it), so a
 * 520 MB field costs its own record and a few KB of memory, never the rest of the file.
 */
export const MAX_RECORD_CHARS = 1024 * 1024

export interface ReadCsvOptions {
  maxRecordChars?: number
}

/**
 * Reads a CSV as a stream: UTF-8 with or without BOM, LF or CRLF, quoted fields with separators
 * and newlines, ',' ';' tab or '|' as separator (sniffed from the header line). Yields the header,
 * then each row with the 1-based line it starts on; bad or oversized records become 'error'
 * events and the rows after them are still read. Each byte is looked at once (scanner.ts).
 */
export async function* readCsv(input: Readable, signal?: AbortSignal, options: ReadCsvOptions = {}): AsyncGenerator<CsvEvent> {
  for await (const events of readCsvChunks(input, signal, options)) yield* events
}

/**
 * readCsv's events as they come out of each piece of input, a few hundred rows at a time: a
 * reader of 100,000 rows then waits once per piece instead of once per row.
 */
export async function* readCsvChunks(input: Readable, signal?: AbortSignal, options: ReadCsvOptions = {}): AsyncGenerator<CsvEvent[]> {
  const decoder = new StringDecoder('utf8')
  let scanner: CsvScanner | null = null
  let head = ''
  let delimiter = ','
  let first = true
  const ready: CsvEvent[] = []
  const take = (r: ScanResult) => {
    if (r.type === 'error') ready.push(r)
    else if (first) {
      first = false
      ready.push({ type: 'header', header: r.cells.map((c) => c.trim()), delimiter })
    } else ready.push(r)
  }
  const feed = (text: string) => {
    if (!scanner) {
      // The separator is sniffed from the header line, so the first line is gathered before any scanning.
      head += text
      const eol = head.search(/[\r\n]/)
      if (eol < 0 && head.length < SNIFF_LIMIT) return
      head = head.replace(/^\ufeff/, '')
      delimiter = sniffDelimiter(eol < 0 ? head : head.slice(0, head.search(/[\r\n]/)))
      scanner = new CsvScanner(delimiter, options.maxRecordChars ?? MAX_RECORD_CHARS)
      text = head
      head = ''
    }
    scanner.feed(text, take)
  }
  try {
    for await (const chunk of input as AsyncIterable<Buffer | string>) {
      signal?.throwIfAborted()
      feed(typeof chunk === 'string' ? chunk : decoder.write(chunk))
      if (ready.length) yield ready.splice(0)
    }
    feed(decoder.end())
    if (!scanner && head.length > 0) {
      // A file of one line and no line end: the sniff waited for a line end that never came.
      head = head.replace(/^\ufeff/, '')
      delimiter = sniffDelimiter(head)
      scanner = new CsvScanner(delimiter, options.maxRecordChars ?? MAX_RECORD_CHARS)
      scanner.feed(head, take)
    }
    scanner?.end(take)
  } catch (err) {
    if (signal?.aborted) throw err
    // A damaged entry failing mid-read (a bad CRC, a truncated archive): the rows so far count, the error is named.
    ready.push({ type: 'error', line: null, message: err instanceof Error ? err.message : String(err) })
  } finally {
    input.destroy()
  }
  if (ready.length) yield ready
}
