/**
 * A CSV record scanner that looks at each character once, fed text in pieces of any size. It
 * keeps only the record being read, and no more than `maxRecordChars` of it: a longer record is
 * skipped to its end (quotes respected) and reported by the line it began on, so one oversized
 * field costs its own record and never the rest of the file, nor its size in memory.
 *
 * Dialect (spreadsheet CSV, as exports write it): a field that starts with `"` is quoted, `""`
 * inside it is a quote; a closing quote followed by anything but the separator or a line end
 * shows the field was never quoted, and it is kept as written, quotes and all (as csv-parse's
 * relax_quotes does); a quote inside an unquoted field is text. LF, CRLF and lone CR end records outside
 * quotes. Empty lines are skipped.
 */

export type ScanResult = { type: 'row'; line: number; cells: string[] } | { type: 'error'; line: number; message: string }

const QUOTE = 34
const LF = 10
const CR = 13

export class CsvScanner {
  private cells: string[] = []
  /** The field being read, as pieces (a field can span chunks). */
  private field = ''
  private quoted = false
  /** Inside a quoted field, the last character was a quote (an escape or the closing one). */
  private quoteSeen = false
  private atFieldStart = true
  /** The record is past the bound: read to its end without keeping it. */
  private skipping = false
  private recordChars = 0
  private recordLine = 1
  private line = 1
  /** The previous chunk ended with CR: an LF starting this one belongs to it. */
  private pendingCr = false
  /** The same inside quotes, where the line count must not take CRLF as two. */
  private pendingQuotedCr = false
  /** The field's last character (kept) is a quote that ended the previous chunk: the next one says whether it closes the field. */
  private provisionalQuote = false
  private readonly sep: number

  constructor(
    separator: string,
    private readonly maxRecordChars: number
  ) {
    this.sep = separator.charCodeAt(0)
  }

  /** Scans `text`, calling `out` for each record (or error) it completes. */
  feed(text: string, out: (r: ScanResult) => void): void {
    const sep = this.sep
    let i = 0
    const n = text.length
    if (this.pendingCr) {
      this.pendingCr = false
      if (n > 0 && text.charCodeAt(0) === LF) i = 1
    }
    if (this.pendingQuotedCr && n > 0) {
      this.pendingQuotedCr = false
      if (text.charCodeAt(0) !== LF) this.line++
    }
    const provisional = this.provisionalQuote
    this.provisionalQuote = false
    // Where the current field's unread run started in this chunk.
    let runStart = i
    for (; i < n; i++) {
      const c = text.charCodeAt(i)
      if (this.quoted) {
        if (this.quoteSeen) {
          this.quoteSeen = false
          if (c === QUOTE) {
            // "" is one quote: keep the first, drop this one.
            this.take(text, runStart, i)
            runStart = i + 1
            continue
          }
          if (c === sep || c === LF || c === CR) {
            // The closing quote was the character before: the field ends without it.
            if (i === 0 && provisional) this.dropLast()
            else this.take(text, runStart, i - 1)
            this.quoted = false
            runStart = i
            // Fall through to the unquoted handling of this separator or line end.
          } else {
            // A quote that closes nothing (`"drei "kaputt""`): the field was never quoted; keep it as written.
            this.take(text, runStart, i)
            if (!this.skipping) this.field = `"${this.field}`
            this.quoted = false
            runStart = i
            continue
          }
        } else {
          if (c === QUOTE) this.quoteSeen = true
          else if (c === LF) this.line++
          else if (c === CR) {
            if (i + 1 === n) this.pendingQuotedCr = true
            else if (text.charCodeAt(i + 1) !== LF) this.line++
          }
          continue
        }
      }
      if (c === sep) {
        this.take(text, runStart, i)
        this.endField()
        runStart = i + 1
      } else if (c === LF || c === CR) {
        this.take(text, runStart, i)
        this.endRecord(out)
        this.line++
        if (c === CR) {
          if (i + 1 < n) {
            if (text.charCodeAt(i + 1) === LF) i++
          } else this.pendingCr = true
        }
        runStart = i + 1
      } else if (c === QUOTE && this.atFieldStart && runStart === i && this.field === '') {
        this.quoted = true
        this.atFieldStart = false
        runStart = i + 1
      } else this.atFieldStart = false
    }
    // A quote at the very end of a chunk is only known to close the field with the next one.
    if (this.quoted && this.quoteSeen && runStart < n) {
      this.take(text, runStart, n)
      this.provisionalQuote = true
    } else this.take(text, runStart, n)
  }

  private dropLast(): void {
    if (!this.skipping && this.field.length > 0) this.field = this.field.slice(0, -1)
  }

  /** The input ended: the last record, or the error of a quote that never closed. */
  end(out: (r: ScanResult) => void): void {
    if (this.quoted && !this.quoteSeen) {
      out({ type: 'error', line: this.recordLine, message: 'Quote not closed: the field runs to the end of the file.' })
      this.reset()
      return
    }
    if (this.quoted && this.quoteSeen) {
      // The field's last character was its closing quote, kept provisionally at the chunk's end.
      this.field = this.field.slice(0, -1)
      this.quoted = false
      this.quoteSeen = false
    }
    this.endRecord(out)
  }

  private take(text: string, from: number, to: number): void {
    if (to <= from) return
    this.recordChars += to - from
    if (this.skipping) return
    if (this.recordChars > this.maxRecordChars) {
      this.skipping = true
      this.cells = []
      this.field = ''
      return
    }
    this.field += text.slice(from, to)
  }

  private endField(): void {
    if (this.quoted && this.quoteSeen) {
      this.field = this.field.slice(0, -1)
      this.quoted = false
      this.quoteSeen = false
    }
    if (!this.skipping) this.cells.push(this.field)
    this.field = ''
    this.atFieldStart = true
  }

  private endRecord(out: (r: ScanResult) => void): void {
    const empty = this.cells.length === 0 && this.field === '' && !this.skipping && this.recordChars === 0
    if (!empty) {
      if (this.skipping) {
        out({ type: 'error', line: this.recordLine, message: `The record is longer than ${this.maxRecordChars.toLocaleString('en-US')} characters (${this.recordChars.toLocaleString('en-US')}); it is skipped and the rows after it are read.` })
      } else {
        this.endField()
        out({ type: 'row', line: this.recordLine, cells: this.cells })
      }
    }
    this.reset()
  }

  private reset(): void {
    this.cells = []
    this.field = ''
    this.quoted = false
    this.quoteSeen = false
    this.atFieldStart = true
    this.skipping = false
    this.recordChars = 0
    this.recordLine = this.line + 1
  }
}
