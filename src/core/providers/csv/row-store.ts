import type { RecordingSource } from '../../../shared/model/recording'
import { fresh } from '../clip'
import { widened } from '../../typed-arrays'
import { rowFields } from './columns'
import type { CsvRecord } from './record'
import { CsvScanner } from './scanner'
import { plainSource } from './recording-columns'

/**
 * Rows are kept in pieces of at most this size (a longer row gets a piece of its own): growing never
 * copies what is kept. The first pieces are small and double, so a file of one row costs a few kB:
 * 10,000 one-row voice histories once held a 1 MB piece each (552 MB, 9.9 s).
 */
const PIECE = 1 << 20
const FIRST_PIECE = 4096

/**
 * The rows of one CSV as written, off the JS heap, so that a recording's `source.fields` (an
 * object and a string per changing cell, for each of 100,000 rows, and read only when one
 * recording is shown) is made when it is read. A row costs its bytes and 16 bytes of place here,
 * where its fields cost ~190 bytes of heap that every young-generation collection copied.
 * Reading a row scans its bytes again with the same scanner, so its cells are the ones read first.
 *
 * The rows of one piece of input are copied at once, at the piece's end (`flush`, the scanner's
 * pieceEnd): one copy of a few hundred rows' bytes, where a copy per row made a view object per
 * row for the collector and cost more in checks than in copying.
 */
export class RowStore {
  private readonly pieces: Buffer[] = []
  /** Bytes used of the last piece. */
  private used = 0
  private count = 0
  // Per row (in the order added, lines rising): its line, piece, and bytes in the piece. (Until
  // its span is flushed, a row's bytes are where they lie in the scanner's buffer.)
  private lines = new Int32Array(16)
  private pieceOf = new Int32Array(16)
  private starts = new Int32Array(16)
  private ends = new Int32Array(16)
  /** The buffer the rows not yet copied lie in (null: none), and their first row and bytes. */
  private spanBuf: Buffer | null = null
  private spanFirst = 0
  private spanFrom = 0
  private spanTo = 0

  constructor(
    private readonly separator: string,
    private readonly maxRecordChars: number
  ) {}

  /**
   * Keeps the row `rec` holds now (during the sink's `row`); rows must come in the order of their
   * lines, and `flush` must run before the bytes they lie in are reused (at each piece's end).
   */
  add(rec: CsvRecord): void {
    const buf = rec.buf
    if (buf !== this.spanBuf) {
      // A row of another buffer while rows of the last one wait: they were not flushed at their
      // piece's end, and their bytes may be gone. Never kept wrong: the reader is told.
      if (this.spanBuf !== null) throw new Error('RowStore: rows of an earlier piece were not flushed at its end')
      this.spanBuf = buf
      this.spanFirst = this.count
      this.spanFrom = rec.from
    }
    const k = this.count
    if (k === this.lines.length) this.grow()
    this.lines[k] = rec.line
    this.starts[k] = rec.from
    this.ends[k] = rec.to
    this.spanTo = rec.to
    this.count = k + 1
  }

  /** Bytes this store holds: its pieces and its per-row arrays. */
  get heldBytes(): number {
    return this.pieces.reduce((n, p) => n + p.length, 0) + this.lines.byteLength + this.pieceOf.byteLength + this.starts.byteLength + this.ends.byteLength
  }

  /** Copies the rows added since the last flush out of the scanner's buffer (the scanner's pieceEnd). */
  flush(): void {
    const buf = this.spanBuf
    if (buf === null) return
    this.spanBuf = null
    const from = this.spanFrom
    const size = this.spanTo - from
    const last = this.pieces[this.pieces.length - 1]
    if (last === undefined || this.used + size > last.length) {
      const next = Math.min(PIECE, FIRST_PIECE * 2 ** this.pieces.length)
      this.pieces.push(Buffer.allocUnsafeSlow(Math.max(next, size)))
      this.used = 0
    }
    const piece = this.pieces.length - 1
    buf.copy(this.pieces[piece]!, this.used, from, this.spanTo)
    const by = this.used - from
    for (let k = this.spanFirst; k < this.count; k++) {
      this.pieceOf[k] = piece
      this.starts[k]! += by
      this.ends[k]! += by
    }
    this.used += size
  }

  private grow(): void {
    const size = this.lines.length * 2
    this.lines = widened(this.lines, size)
    this.pieceOf = widened(this.pieceOf, size)
    this.starts = widened(this.starts, size)
    this.ends = widened(this.ends, size)
  }

  /** The cells of the row that starts on `line`, as the reader first made them (long ones cut); null when no kept row starts there. */
  cells(line: number): string[] | null {
    this.flush()
    let lo = 0
    let hi = this.count - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const at = this.lines[mid]!
      if (at === line) return this.scan(mid)
      if (at < line) lo = mid + 1
      else hi = mid - 1
    }
    return null
  }

  private scan(k: number): string[] {
    const bytes = this.pieces[this.pieceOf[k]!]!.subarray(this.starts[k]!, this.ends[k]!)
    let cells: string[] = []
    const sink = {
      row(rec: CsvRecord) {
        cells = new Array<string>(rec.count)
        for (let i = 0; i < rec.count; i++) cells[i] = fresh(rec.text(i))
      },
      error() {},
      pieceEnd() {}
    }
    const scanner = new CsvScanner(this.separator, this.maxRecordChars)
    scanner.feed(bytes, sink)
    scanner.end(sink)
    return cells
  }
}

/**
 * Sources for the rows of one CSV: `line` of their own, `file` and `part` their file's, `fields`
 * made from the store when read (and by JSON.stringify, through toJSON). What leaves the engine as plain data
 * (a call's answer) goes through plainRecording (recording-columns.ts) first.
 */
export function rowSources(file: string, part: string | null, header: readonly string[], rows: RowStore): (line: number) => RecordingSource {
  class RowSource {
    // Only the line is a row's own (set in the constructor: a class field's definition is a runtime
    // call per object); the file and part are every row's, kept once on the prototype below: 100,000
    // sources of 32 bytes instead of 48, which every young-generation collection copied.
    declare readonly file: string
    declare readonly part: string | null
    declare readonly line: number
    constructor(line: number) {
      this.line = line
    }

    get fields(): Record<string, string> {
      const cells = rows.cells(this.line)
      return cells === null ? {} : rowFields(header, cells)
    }

    toJSON(): RecordingSource {
      return plainSource(this)
    }
  }
  // (Writable, as own fields were: a source given another file or part gets them as its own.)
  Object.defineProperties(RowSource.prototype, { file: { value: file, writable: true }, part: { value: part, writable: true } })
  return (line) => new RowSource(line)
}
