import { createGunzip, type Gunzip } from 'node:zlib'
import type { Readable } from 'node:stream'
import type { ByteSource } from './source'

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
  private readonly gunzip: Gunzip
  private readonly chunks: AsyncIterator<Buffer>
  /** What the last read took of its final chunk; the rest waits here. */
  private pending: Buffer | null = null

  constructor(source: ByteSource) {
    this.input = source.stream(0, source.size)
    this.gunzip = createGunzip({ chunkSize: 64 * 1024 })
    this.input.on('error', (err) => this.gunzip.destroy(err))
    this.input.pipe(this.gunzip)
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
    this.gunzip.destroy()
  }
}
