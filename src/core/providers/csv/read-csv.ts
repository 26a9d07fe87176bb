import type { Readable } from 'node:stream'
import type { CsvRecord } from './record'
import { CsvScanner, type CsvSink } from './scanner'

export type CsvEvent =
  | { type: 'header'; header: string[]; delimiter: string }
  | { type: 'row'; line: number; cells: string[] }
  /** A record the parser could not read; the rows after it are still read where the format allows. */
  | { type: 'error'; line: number | null; message: string }

const CANDIDATES = [',', ';', '\t', '|']
const SNIFF_LIMIT = 64 * 1024
const LF = 10
const CR = 13

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

/** What a reader of records hears: the header (the first record, cells trimmed), then each row or problem. */
export interface CsvRecordSink {
  header(header: string[], delimiter: string): void
  /** `record` is valid only during the call: keep its cells' text, not the record. */
  row(record: CsvRecord): void
  error(line: number | null, message: string): void
  /** The rows of one piece of input are handed on, and the bytes they lie in not yet reused (scanner.ts). */
  pieceEnd?(): void
}

const firstLineEnd = (head: Buffer): number => {
  for (let i = 0; i < head.length; i++) if (head[i] === LF || head[i] === CR) return i
  return -1
}

const hasBom = (head: Buffer): boolean => head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf

/**
 * Reads a CSV as a stream of bytes: UTF-8 with or without BOM, LF or CRLF, quoted fields with
 * separators and newlines, ',' ';' tab or '|' as separator (sniffed from the header line). Hands
 * `sink` the header, then each row with the 1-based line it starts on; bad or oversized records
 * are errors and the rows after them are still read. Each byte is looked at once (scanner.ts).
 * Pauses (yields) after each piece of input, so a reader can hand on what the piece gave at once.
 */
export async function* scanCsv(input: Readable, sink: CsvRecordSink, signal?: AbortSignal, options: ReadCsvOptions = {}): AsyncGenerator<void> {
  const max = options.maxRecordChars ?? MAX_RECORD_CHARS
  let scanner: CsvScanner | null = null
  // The pieces before the header line's end, joined once it is found (joining at each piece made
  // a header spread over thousands of small pieces cost the square of its length).
  const head: Buffer[] = []
  let headBytes = 0
  let first = true
  const records: CsvSink = {
    row(record) {
      if (!first) return sink.row(record)
      first = false
      const header: string[] = []
      for (let i = 0; i < record.count; i++) header.push(record.text(i).trim())
      sink.header(header, delimiter)
    },
    error: (line, message) => sink.error(line, message),
    pieceEnd: () => sink.pieceEnd?.()
  }
  let delimiter = ','
  const start = (bytes: Buffer, eol: number) => {
    // The separator is sniffed from the header line, so the first line is gathered before any scanning.
    const body = hasBom(bytes) ? bytes.subarray(3) : bytes
    delimiter = sniffDelimiter(body.toString('utf8', 0, eol < 0 ? body.length : eol - (body === bytes ? 0 : 3)))
    scanner = new CsvScanner(delimiter, max)
    scanner.feed(body, records)
  }
  try {
    for await (const piece of input as AsyncIterable<Buffer | string>) {
      signal?.throwIfAborted()
      const chunk = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece
      if (scanner) (scanner as CsvScanner).feed(chunk, records)
      else {
        const at = firstLineEnd(chunk)
        head.push(chunk)
        headBytes += chunk.length
        if (at < 0 && headBytes < SNIFF_LIMIT) continue
        const bytes = Buffer.concat(head)
        start(bytes, at < 0 ? -1 : headBytes - chunk.length + at)
        head.length = 0
      }
      yield
    }
    // A file of one line and no line end: the sniff waited for a line end that never came.
    if (!scanner && headBytes > 0) start(Buffer.concat(head), -1)
    ;(scanner as CsvScanner | null)?.end(records)
  } catch (err) {
    if (signal?.aborted) throw err
    // A damaged entry failing mid-read (a bad CRC, a truncated archive): the rows so far count, the error is named.
    sink.error(null, err instanceof Error ? err.message : String(err))
  } finally {
    input.destroy()
  }
}

/**
 * readCsv's events as they come out of each piece of input, a few hundred rows at a time: a
 * reader of 100,000 rows then waits once per piece instead of once per row.
 */
export async function* readCsvChunks(input: Readable, signal?: AbortSignal, options: ReadCsvOptions = {}): AsyncGenerator<CsvEvent[]> {
  let ready: CsvEvent[] = []
  const sink: CsvRecordSink = {
    header: (header, delimiter) => void ready.push({ type: 'header', header, delimiter }),
    row(record) {
      const cells: string[] = new Array(record.count)
      for (let i = 0; i < record.count; i++) cells[i] = record.text(i)
      ready.push({ type: 'row', line: record.line, cells })
    },
    error: (line, message) => void ready.push({ type: 'error', line, message })
  }
  for await (const _ of scanCsv(input, sink, signal, options)) {
    if (ready.length === 0) continue
    yield ready
    ready = []
  }
  if (ready.length) yield ready
}

/** The events of a CSV one by one (see readCsvChunks). */
export async function* readCsv(input: Readable, signal?: AbortSignal, options: ReadCsvOptions = {}): AsyncGenerator<CsvEvent> {
  for await (const events of readCsvChunks(input, signal, options)) yield* events
}
