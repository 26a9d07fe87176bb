import { widened } from '../../typed-arrays'

/** A cell holds a `""` pair: its text is its bytes with every pair made one quote. */
export const ESCAPED = 1
/** A cell that opened with a quote that closed nothing: kept as written, its quoted part unescaped. */
export const PREFIXED = 2
/** A cell holds a byte above 0x7f: its text is decoded as UTF-8 (else each byte is one character). */
export const WIDE = 4

const QUOTE = 34

/**
 * Node's own Buffer methods behind `toString(encoding, start, end)`, called directly: a cell is a
 * few dozen bytes, and toString's argument checks cost as much as the copy.
 */
type Sliceable = Buffer & { latin1Slice(start: number, end: number): string; utf8Slice(start: number, end: number): string }

let scratch = Buffer.allocUnsafe(256) as Sliceable

/**
 * One record as the scanner cut it: where each cell's bytes lie in the piece being scanned. Valid
 * only while the sink's `row` runs (the scanner reuses it for the next record); a reader copies
 * out what it keeps: `text(i)` makes a string of its own, sharing no memory with the input.
 */
export class CsvRecord {
  buf = Buffer.alloc(0) as Sliceable
  /** The 1-based line the record starts on. */
  line = 1
  /** Where the record lies in `buf`, as written (quotes and all), without its line end: set for `row`. */
  from = 0
  to = 0
  count = 0
  private starts = new Int32Array(32)
  private ends = new Int32Array(32)
  private flags = new Uint8Array(32)
  /** For a PREFIXED cell, where its quoted part ends. */
  private prefixEnds = new Int32Array(32)

  push(start: number, end: number, flags: number, prefixEnd: number): void {
    const k = this.count
    if (k === this.starts.length) this.grow()
    this.starts[k] = start
    this.ends[k] = end
    this.flags[k] = flags
    this.prefixEnds[k] = prefixEnd
    this.count = k + 1
  }

  private grow(): void {
    const size = this.starts.length * 2
    this.starts = widened(this.starts, size)
    this.ends = widened(this.ends, size)
    this.flags = widened(this.flags, size)
    this.prefixEnds = widened(this.prefixEnds, size)
  }

  /** The record's bytes moved `by` to the front (carried into the next piece). */
  shift(by: number): void {
    if (by === 0) return
    for (let k = 0; k < this.count; k++) {
      this.starts[k]! -= by
      this.ends[k]! -= by
      if (this.prefixEnds[k]! >= 0) this.prefixEnds[k]! -= by
    }
  }

  start(i: number): number {
    return this.starts[i]!
  }

  end(i: number): number {
    return this.ends[i]!
  }

  /** The cell's text is exactly its bytes, one character each (ASCII, no quotes to undo): what byte-interner keys on. */
  isPlain(i: number): boolean {
    return this.flags[i] === 0
  }

  /** Bytes in the cell as written (its length in characters when plain). */
  byteLength(i: number): number {
    return this.ends[i]! - this.starts[i]!
  }

  /** The cell as a string of its own; '' past the last cell. */
  text(i: number): string {
    if (i >= this.count) return ''
    const buf = this.buf
    const start = this.starts[i]!
    const end = this.ends[i]!
    const flags = this.flags[i]!
    if (flags === 0) return buf.latin1Slice(start, end)
    if ((flags & (ESCAPED | PREFIXED)) === 0) return buf.utf8Slice(start, end)
    // Quotes to undo: the text is built in a scratch buffer first.
    if (scratch.length < end - start + 1) scratch = Buffer.allocUnsafe(Math.max(end - start + 1, scratch.length * 2)) as Sliceable
    let w = 0
    let from = start
    let quotedEnd = end
    if (flags & PREFIXED) {
      scratch[w++] = QUOTE
      quotedEnd = this.prefixEnds[i]!
    }
    for (; from < quotedEnd; from++) {
      const c = buf[from]!
      scratch[w++] = c
      if (c === QUOTE && from + 1 < quotedEnd && buf[from + 1] === QUOTE) from++
    }
    w += buf.copy(scratch, w, from, end)
    return flags & WIDE ? scratch.utf8Slice(0, w) : scratch.latin1Slice(0, w)
  }
}
