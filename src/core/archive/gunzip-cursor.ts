import { Transform, type Readable, type TransformCallback } from 'node:stream'
import { createGunzip, createInflateRaw, type Gunzip, type InflateRaw } from 'node:zlib'
import type { ByteSource } from './source'

/** Where a cursor starts mid-stream: an access point of the gzip index, with its window. */
export interface CursorStart {
  out: number
  in: number
  bits: number
  window: Buffer
}

/**
 * zlib's inflatePrime, which Node does not expose, done to the input instead: a deflate block that
 * begins `bits` bits before byte `in` is fed as the bit stream re-packed from there, so Node's own
 * inflate starts on a byte boundary. The input starts at byte in - 1.
 */
class BitShift extends Transform {
  private carry: number | null = null
  constructor(private readonly bits: number) {
    super()
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    const keep = this.bits
    const drop = 8 - keep
    const out = Buffer.allocUnsafe(chunk.length)
    let prev = this.carry
    let o = 0
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!
      if (prev !== null) out[o++] = (prev >> drop) | ((b << keep) & 0xff)
      prev = b
    }
    this.carry = prev
    done(null, out.subarray(0, o))
  }

  override _flush(done: TransformCallback): void {
    done(null, this.carry === null ? undefined : Buffer.from([this.carry >> (8 - this.bits)]))
  }
}

/** Inflated bytes produced by every cursor, for tests that count work instead of timing it. */
export const gunzipWork = { inflated: 0 }

/**
 * A gunzip of a whole .tar.gz that only ever moves forward, kept between reads: a read that starts
 * at or after where the last one ended continues from there instead of inflating from byte 0
 * again. Reads in archive order (what a bundle, a hash or a peaks pass over many entries does)
 * cost the stream once in all; a read before the cursor needs a fresh one from the start.
 */
export class GunzipCursor {
  /** Inflated bytes passed so far: the next read can start here or later. */
  at = 0
  private readonly input: Readable
  private readonly gunzip: Gunzip | InflateRaw
  private readonly shift: BitShift | null = null
  private readonly chunks: AsyncIterator<Buffer>
  /** What the last read took of its final chunk; the rest waits here. */
  private pending: Buffer | null = null

  /** From the stream's start, or from an access point (a raw inflate given the point's window). */
  constructor(source: ByteSource, start: CursorStart | null = null) {
    if (!start) {
      this.input = source.stream(0, source.size)
      this.gunzip = createGunzip({ chunkSize: 64 * 1024 })
    } else {
      this.at = start.out
      this.input = source.stream(start.bits ? start.in - 1 : start.in, source.size)
      this.gunzip = createInflateRaw({ chunkSize: 64 * 1024, dictionary: start.window })
      if (start.bits) this.shift = new BitShift(start.bits)
    }
    const inflater = this.gunzip
    this.input.on('error', (err) => inflater.destroy(err))
    if (this.shift) {
      this.shift.on('error', (err) => inflater.destroy(err))
      this.input.pipe(this.shift).pipe(inflater)
    } else this.input.pipe(inflater)
    this.chunks = (this.gunzip as AsyncIterable<Buffer>)[Symbol.asyncIterator]()
  }

  /** The inflated bytes [start, end), start >= at; leaves the cursor at the end of what it gave. */
  async *slice(start: number, end: number): AsyncGenerator<Buffer> {
    if (start < this.at) throw new Error(`the gunzip cursor is at ${this.at}, past ${start}`)
    while (this.at < end) {
      let chunk = this.pending
      this.pending = null
      if (!chunk) {
        const next = await this.chunks.next()
        if (next.done) return
        chunk = next.value
        gunzipWork.inflated += chunk.length
      }
      const chunkStart = this.at
      if (chunkStart + chunk.length <= start) {
        this.at += chunk.length
        continue
      }
      const from = Math.max(0, start - chunkStart)
      const to = Math.min(chunk.length, end - chunkStart)
      // State first, then yield: a reader that stops early leaves the cursor consistent.
      this.at = chunkStart + to
      if (to < chunk.length) this.pending = chunk.subarray(to)
      if (to > from) yield chunk.subarray(from, to)
    }
  }

  destroy(): void {
    this.input.destroy()
    this.shift?.destroy()
    this.gunzip.destroy()
  }
}
