/**
 * A CSV record scanner over bytes (UTF-8), fed pieces of any size, that looks at each byte once.
 * It keeps only the record being read, and no more than `maxRecordChars` of it: a longer record is
 * skipped to its end (quotes respected) and reported by the line it began on, so one oversized
 * field costs its own record and never the rest of the file, nor its size in memory.
 *
 * Dialect (spreadsheet CSV, as exports write it): a field that starts with `"` is quoted, `""`
 * inside it is a quote; a closing quote followed by anything but the separator or a line end
 * shows the field was never quoted, and it is kept as written, quotes and all (as csv-parse's
 * relax_quotes does); a quote inside an unquoted field is text. LF, CRLF and lone CR end records
 * outside quotes. Empty lines are skipped.
 *
 * Why bytes: separators, quotes and line ends are ASCII, so cells can be cut from the bytes
 * before any text is made, and a reader turns into strings only the cells it keeps (a reader of
 * 100,000 rows that repeat the same device names makes no string for them at all, see
 * byte-interner.ts). Cutting at ASCII bytes decodes every cell exactly as decoding the whole file
 * would: no UTF-8 sequence, valid or not, runs across one of them.
 */

import { CsvRecord, ESCAPED, PREFIXED, WIDE } from './record'

export interface CsvSink {
  row(record: CsvRecord): void
  error(line: number, message: string): void
  /**
   * The records of the piece just fed are all handed on: the bytes they lie in are still as they
   * were (the unfinished record is moved after this). A reader that keeps rows' bytes copies them here.
   */
  pieceEnd(): void
}

/** A UTF-8 character takes at most 4 bytes (2 UTF-16 units): a record within the bound fits in this many bytes per character. */
const MAX_BYTES_PER_CHAR = 4

const QUOTE = 34
const LF = 10
const CR = 13

// Where the scanner is within a record.
const FIELD_START = 0
const UNQUOTED = 1
const QUOTED = 2
/** Inside a quoted field, the last byte was a quote: the next byte says whether it was an escape or the closing one. */
const QUOTE_SEEN = 3

export class CsvScanner {
  private readonly rec = new CsvRecord()
  private readonly sep: number
  /** 1 for each byte that is plain text outside quotes: ASCII, and not the separator, CR or LF. */
  private readonly plain = new Uint8Array(256)
  private mode = FIELD_START
  /** Where the current field's content starts in the buffer (after an opening quote). */
  private fieldStart = 0
  /** `""` pairs in the current field so far. */
  private escapes = 0
  /** Bytes of the current field that make no UTF-16 unit of their own (continuation bytes), less one per 4-byte sequence. */
  private adjust = 0
  private wide = 0
  /** For a field that turned out not to be quoted: where its quoted part (with `""` pairs) ended. */
  private prefixEnd = -1
  /** UTF-16 units of the record's finished fields (and, while skipping, of the part of the field already passed). */
  private recordUnits = 0
  private skipping = false
  private line = 1
  /**
   * The unfinished record's bytes from earlier pieces (the first `carried` bytes), offsets in `rec`
   * relative to it. It grows by doubling and each piece is copied in once, so a record that spans
   * a thousand small pieces costs its size, not a thousand copies of what came before.
   */
  private carry: Buffer | null = null
  private carried = 0
  /** The previous piece ended with CR outside quotes: an LF starting this one belongs to it. */
  private pendingCr = false
  /** The same inside quotes, where the line count must not take CRLF as two. */
  private pendingQuotedCr = false

  constructor(
    separator: string,
    private readonly maxRecordChars: number
  ) {
    this.sep = separator.charCodeAt(0)
    for (let c = 0; c < 0x80; c++) if (c !== this.sep && c !== LF && c !== CR) this.plain[c] = 1
  }

  /** Scans `chunk`, handing `sink` each record (or error) it completes. */
  feed(chunk: Buffer, sink: CsvSink): void {
    let buf: Buffer
    let i: number
    const carried = this.carried > 0
    if (carried) {
      i = this.carried
      const carry = this.room(i + chunk.length)
      chunk.copy(carry, i)
      buf = carry.subarray(0, i + chunk.length)
      this.carried = 0
    } else {
      buf = chunk
      i = 0
    }
    const n = buf.length
    if (this.pendingCr && i < n) {
      this.pendingCr = false
      if (buf[i] === LF) i++
    }
    if (this.pendingQuotedCr && i < n) {
      this.pendingQuotedCr = false
      if (buf[i] !== LF) this.line++
    }
    const rec = this.rec
    rec.buf = buf as CsvRecord['buf']
    const sep = this.sep
    const plain = this.plain
    let mode = this.mode
    let fieldStart = this.fieldStart
    let escapes = this.escapes
    let adjust = this.adjust
    let wide = this.wide
    // Where this record begins in `buf`: 0 when it was carried over.
    let recordStart = carried ? 0 : i

    while (i < n) {
      let c = buf[i]!
      if (mode === FIELD_START) {
        if (c === QUOTE) {
          mode = QUOTED
          fieldStart = i + 1
          i++
          continue
        }
        mode = UNQUOTED
        fieldStart = i
      }
      if (mode === UNQUOTED) {
        for (; i < n; i++) {
          c = buf[i]!
          // One table look per byte for the common case, text that ends nothing.
          if (plain[c] === 1) continue
          if (c === sep || c === LF || c === CR) break
          if (c >= 0x80) {
            wide = WIDE
            if ((c & 0xc0) === 0x80) adjust++
            else if (c >= 0xf0) adjust--
          }
        }
        if (i === n) break
        this.endField(fieldStart, i, escapes, adjust, wide)
      } else {
        // QUOTED or QUOTE_SEEN
        if (mode === QUOTED) {
          for (; i < n; i++) {
            c = buf[i]!
            if (c === QUOTE) break
            if (c === LF) this.line++
            else if (c === CR) {
              if (i + 1 === n) this.pendingQuotedCr = true
              else if (buf[i + 1] !== LF) this.line++
            } else if (c >= 0x80) {
              wide = WIDE
              if ((c & 0xc0) === 0x80) adjust++
              else if (c >= 0xf0) adjust--
            }
          }
          if (i === n) break
          mode = QUOTE_SEEN
          i++
          continue
        }
        // QUOTE_SEEN: the byte before this one was a quote.
        if (c === QUOTE) {
          escapes++
          mode = QUOTED
          i++
          continue
        }
        if (c !== sep && c !== LF && c !== CR) {
          // A quote that closes nothing (`"drei "kaputt""`): the field was never quoted; keep it as written.
          this.prefixEnd = i
          mode = UNQUOTED
          continue
        }
        // The closing quote was the byte before: the field ends without it.
        this.endField(fieldStart, i - 1, escapes, adjust, wide)
      }
      // A separator or a line end outside quotes.
      escapes = 0
      adjust = 0
      wide = 0
      mode = FIELD_START
      i++
      if (c !== sep) {
        // (The line end is the byte before `i`.)
        rec.from = recordStart
        rec.to = i - 1
        this.endRecord(sink)
        this.line++
        if (c === CR) {
          if (i < n) {
            if (buf[i] === LF) i++
          } else this.pendingCr = true
        }
        recordStart = i
      }
    }

    this.mode = mode
    this.escapes = escapes
    this.adjust = adjust
    this.wide = wide
    this.settle(buf, n, recordStart, carried, fieldStart, sink)
  }

  /**
   * The piece is scanned: keep the unfinished record for the next one. (A method of its own: its
   * rarer branches, met first long after feed's loop was optimised, then cost V8's optimised feed
   * nothing; inside feed, the first of them threw that code away for the rest of the file.)
   */
  private settle(buf: Buffer, n: number, recordStart: number, carried: boolean, fieldStart: number, sink: CsvSink): void {
    // (Told here, not in feed: each file's sink is another function, and a call target that
    // changed made V8 throw away feed's optimised code at the second file.)
    sink.pieceEnd()
    const rec = this.rec
    const { mode, escapes, adjust } = this
    // The record runs on into the next piece.
    const inField = mode !== FIELD_START
    const passed = inField ? n - fieldStart - escapes - adjust : 0
    // A quote just seen may be the closing one, which is no character of the field.
    const sure = this.recordUnits + passed - (mode === QUOTE_SEEN ? 1 : 0)
    // (Bytes are bounded too: a record of a million separators has no characters, but its cells would be kept.)
    if (!this.skipping && (sure > this.maxRecordChars || n - recordStart > MAX_BYTES_PER_CHAR * this.maxRecordChars + 65536)) {
      this.skipping = true
      rec.count = 0
    }
    if (this.skipping) {
      // Nothing of it is kept: count what passed, and go on from the next piece's first byte.
      // (A closing quote counted here is taken back when the field ends at -1 in the next piece.)
      if (inField) this.recordUnits += passed
      this.fieldStart = 0
      this.escapes = 0
      this.adjust = 0
      this.prefixEnd = -1
      return
    }
    if (recordStart < n || inField || rec.count > 0) {
      if (carried) {
        // `buf` is the carry: the record moves to its front (only bytes of this piece move).
        if (recordStart > 0) buf.copyWithin(0, recordStart, n)
      } else buf.copy(this.room(n - recordStart), 0, recordStart, n)
      this.carried = n - recordStart
      rec.shift(recordStart)
      this.fieldStart = fieldStart - recordStart
      if (this.prefixEnd >= 0) this.prefixEnd -= recordStart
    } else {
      this.fieldStart = 0
      // A carry grown for a long record is let go once that record is done.
      if (this.carry !== null && this.carry.length > 1 << 20) this.carry = null
    }
  }

  /** The carry, with room for `size` bytes (its first `carried` bytes kept). */
  private room(size: number): Buffer {
    const carry = this.carry
    if (carry !== null && carry.length >= size) return carry
    const grown = Buffer.allocUnsafe(Math.max(size, carry === null ? 4096 : carry.length * 2))
    if (carry !== null && this.carried > 0) carry.copy(grown, 0, 0, this.carried)
    this.carry = grown
    return grown
  }

  /** The input ended: the last record, or the error of a quote that never closed. */
  end(sink: CsvSink): void {
    const buf = this.carry !== null ? this.carry.subarray(0, this.carried) : Buffer.alloc(0)
    this.carry = null
    this.carried = 0
    this.rec.buf = buf as CsvRecord['buf']
    const n = buf.length
    if (this.mode === QUOTED) {
      sink.error(this.rec.line, 'Quote not closed: the field runs to the end of the file.')
      this.reset()
      return
    }
    if (this.mode === QUOTE_SEEN) {
      this.endField(this.fieldStart, n - 1, this.escapes, this.adjust, this.wide)
      // A field closed by the file's last byte has always counted its closing quote: a lone `""` at
      // the end is a row of one empty cell (not an empty line), and an oversized record's count holds it.
      this.recordUnits++
    }
    else if (this.mode === UNQUOTED) this.endField(this.fieldStart, n, this.escapes, this.adjust, this.wide)
    else if (this.rec.count > 0) this.endField(n, n, 0, 0, 0)
    else if (!this.skipping) {
      // Nothing after the last line end.
      this.reset()
      return
    }
    this.mode = FIELD_START
    this.rec.from = 0
    this.rec.to = n
    this.endRecord(sink)
    sink.pieceEnd()
  }

  private endField(start: number, end: number, escapes: number, adjust: number, wide: number): void {
    this.recordUnits += end - start - escapes - adjust
    if (!this.skipping) {
      const flags = wide | (escapes > 0 ? ESCAPED : 0) | (this.prefixEnd >= 0 ? PREFIXED : 0)
      this.rec.push(start, end, flags, this.prefixEnd)
    }
    this.prefixEnd = -1
  }

  /** The record's last field was ended (or the input ended) at a line end. */
  private endRecord(sink: CsvSink): void {
    const rec = this.rec
    if (this.skipping) {
      sink.error(rec.line, `The record is longer than ${this.maxRecordChars.toLocaleString('en-US')} characters (${this.recordUnits.toLocaleString('en-US')}); it is skipped and the rows after it are read.`)
    } else if (this.recordUnits > this.maxRecordChars) {
      this.skipping = true
      sink.error(rec.line, `The record is longer than ${this.maxRecordChars.toLocaleString('en-US')} characters (${this.recordUnits.toLocaleString('en-US')}); it is skipped and the rows after it are read.`)
    } else if (!(rec.count === 1 && this.recordUnits === 0)) {
      // (One field with nothing in it is an empty line, quoted or not.)
      sink.row(rec)
    }
    this.reset()
  }

  private reset(): void {
    this.rec.count = 0
    this.rec.line = this.line + 1
    this.recordUnits = 0
    this.skipping = false
    this.mode = FIELD_START
    this.escapes = 0
    this.adjust = 0
    this.wide = 0
    this.prefixEnd = -1
  }
}
