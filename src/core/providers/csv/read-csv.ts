import { Readable } from 'node:stream'
import { parse, type CsvError, type InfoRecord, type Options } from 'csv-parse'

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

async function* withHead(source: AsyncIterator<Buffer>, head: Buffer[]): AsyncGenerator<Buffer> {
  yield* head
  for (;;) {
    const next = await source.next()
    if (next.done) return
    yield next.value
  }
}

const countOf = (cells: readonly string[], needle: string): number => {
  let n = 0
  for (const cell of cells) {
    for (let i = cell.indexOf(needle); i >= 0; i = cell.indexOf(needle, i + needle.length)) n++
  }
  return n
}

/**
 * Reads a CSV as a stream: UTF-8 with or without BOM, LF or CRLF, quoted fields with separators
 * and newlines, ',' ';' tab or '|' as separator (sniffed from the header line). Yields the header,
 * then each row with the 1-based line it starts on; bad records become 'error' events.
 */
export async function* readCsv(input: Readable, signal?: AbortSignal): AsyncGenerator<CsvEvent> {
  const source = input[Symbol.asyncIterator]() as AsyncIterator<Buffer>
  const head: Buffer[] = []
  let headBytes = 0
  for (;;) {
    const next = await source.next()
    if (next.done) break
    const chunk = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value)
    head.push(chunk)
    headBytes += chunk.length
    if (chunk.includes(0x0a) || headBytes >= SNIFF_LIMIT) break
  }
  const headText = Buffer.concat(head).toString('utf8').replace(/^\ufeff/, '')
  const delimiter = sniffDelimiter(headText.split(/\r?\n/, 1)[0] ?? '')

  // csv-parse counts a CRLF inside a quoted field as two lines; `excess` takes those back out.
  let excess = 0
  let lastEnd = 0
  const skipped: CsvEvent[] = []
  const options: Options<{ line: number; cells: string[] }, string[]> = {
    delimiter,
    bom: true,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: CsvError | undefined) => {
      // An unclosed quote swallows the rest of the file: name the line where that record began.
      const line = err?.code === 'CSV_QUOTE_NOT_CLOSED' ? lastEnd + 1 : typeof err?.lines === 'number' ? err.lines - excess : null
      skipped.push({ type: 'error', line, message: (err?.message ?? 'unreadable record').replace(/ at line \d+/, '') })
      return undefined
    },
    on_record: (record: string[], context: InfoRecord) => {
      excess += countOf(record, '\r\n')
      lastEnd = context.lines - excess
      return { line: lastEnd - countOf(record, '\n'), cells: record }
    }
  }
  // on_record changes the record type, which only the column-typed overloads of parse() express.
  const parser = parse(options as unknown as Options)
  const text = Readable.from(withHead(source, head))
  // pipe() does not forward errors: a damaged entry failing mid-read would be an uncaught 'error' (found by fuzz/).
  text.on('error', (err) => parser.destroy(err))
  const rows = text.pipe(parser)
  let first = true
  try {
    for await (const row of rows as AsyncIterable<{ line: number; cells: string[] }>) {
      signal?.throwIfAborted()
      while (skipped.length > 0) yield skipped.shift()!
      if (first) {
        first = false
        yield { type: 'header', header: row.cells.map((c) => c.trim()), delimiter }
      } else {
        yield { type: 'row', line: row.line, cells: row.cells }
      }
    }
  } catch (err) {
    if (signal?.aborted) throw err
    skipped.push({ type: 'error', line: lastEnd + 1, message: err instanceof Error ? err.message.replace(/ at line \d+/, '') : String(err) })
  } finally {
    input.destroy()
  }
  yield* skipped
}
