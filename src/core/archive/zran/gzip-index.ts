/// <reference path="./pako.d.ts" />
import { inflate, inflateEnd, inflateInit2 } from 'pako/lib/zlib/inflate.js'
import ZStream from 'pako/lib/zlib/zstream.js'
import type { ByteSource } from '../source'
import type { WindowStore } from './windows'

// zlib's constants, as pako numbers them.
const Z_OK = 0
const Z_STREAM_END = 1
const Z_BUF_ERROR = -5
const Z_BLOCK = 5
/** windowBits for a gzip wrapper. */
const GZIP = 31

/** Deflate's window: the most a back-reference reaches, so what a resumed inflate must be given. */
export const WINDOW = 32 * 1024
const CHUNK = 256 * 1024

/**
 * A place to start inflating mid-stream (zran's access point): the deflate block boundary after
 * `out` inflated bytes lies `bits` bits before byte `in` of the file; the 32 KiB of output before
 * it are in the window store at `window`.
 */
export interface AccessPoint {
  out: number
  in: number
  bits: number
  window: number
}

/** Inflated bytes the index passes have produced, for tests that count work. */
export const indexWork = { inflated: 0 }

/**
 * zran (Mark Adler's zlib example) in JavaScript: one pass over a gzip stream with pako's inflate,
 * stopping at every deflate block boundary (Z_BLOCK), keeps an access point every `span` inflated
 * bytes past `from`. Node's zlib cannot stop at a block or report a bit position; pako, a port of
 * zlib's inflate, can, at about a seventh of native speed here, so the pass runs only as far as a
 * read needs it, and is kept for the next. One gzip member; the pass ends at the first.
 */
export class GzipIndex {
  readonly points: AccessPoint[] = []
  /** Inflated bytes the pass has gone past. */
  reached = 0
  /** The pass is over: the member's end, damage, or no room for more windows. */
  done = false
  private readonly strm = new ZStream()
  private readonly window = new Uint8Array(WINDOW)
  private readonly input = Buffer.alloc(CHUNK)
  private inPos = 0
  private totIn = 0
  private totOut = 0
  private last = 0
  private running: Promise<void> | null = null

  constructor(
    private readonly source: ByteSource,
    /** No points before this many inflated bytes (the temp copy covers them). */
    private readonly from: number,
    private readonly span: number,
    private readonly store: WindowStore
  ) {
    inflateInit2(this.strm, GZIP)
    this.strm.output = this.window
    this.strm.next_out = 0
    this.strm.avail_out = WINDOW
  }

  /** The last point at or before `out`, or null. */
  before(out: number): AccessPoint | null {
    const p = this.points
    let lo = 0
    let hi = p.length - 1
    let best: AccessPoint | null = null
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (p[mid]!.out <= out) {
        best = p[mid]!
        lo = mid + 1
      } else hi = mid - 1
    }
    return best
  }

  /** Runs the pass until it is past `out` inflated bytes, or over. One pass at a time. */
  async advanceTo(out: number): Promise<void> {
    while (!this.done && this.reached < out) {
      this.running ??= this.step().finally(() => (this.running = null))
      await this.running
    }
  }

  end(): void {
    this.done = true
    inflateEnd(this.strm)
  }

  /** One chunk of input through the inflater, block by block. */
  private async step(): Promise<void> {
    const strm = this.strm
    if (strm.avail_in === 0) {
      const n = await this.source.read(this.input, 0, CHUNK, this.inPos)
      if (n === 0 || this.done) {
        this.done = true
        return
      }
      this.inPos += n
      strm.input = this.input
      strm.next_in = 0
      strm.avail_in = n
    }
    do {
      if (strm.avail_out === 0) {
        strm.next_out = 0
        strm.avail_out = WINDOW
      }
      // zran's bookkeeping: add what is available, subtract what is left.
      this.totIn += strm.avail_in
      this.totOut += strm.avail_out
      const ret = inflate(strm, Z_BLOCK)
      this.totIn -= strm.avail_in
      this.totOut -= strm.avail_out
      if (ret === Z_STREAM_END || (ret !== Z_OK && ret !== Z_BUF_ERROR)) {
        this.done = true
        break
      }
      // At the end of a block header (bit 7), not after the last block (bit 6).
      const type = strm.data_type
      if (type & 128 && !(type & 64) && this.totOut >= Math.max(this.from, WINDOW) && this.totOut - this.last >= this.span) {
        if (!(await this.addPoint(type & 7))) {
          this.done = true
          break
        }
      }
    } while (strm.avail_in !== 0)
    indexWork.inflated += this.totOut - this.reached
    this.reached = this.totOut
  }

  private async addPoint(bits: number): Promise<boolean> {
    // The window buffer is circular: its oldest bytes start where the next output goes.
    const at = this.strm.next_out
    const copy = Buffer.allocUnsafe(WINDOW)
    copy.set(this.window.subarray(at), 0)
    copy.set(this.window.subarray(0, at), WINDOW - at)
    const window = await this.store.put(copy)
    if (window < 0) return false
    this.points.push({ out: this.totOut, in: this.totIn, bits, window })
    this.last = this.totOut
    return true
  }
}
