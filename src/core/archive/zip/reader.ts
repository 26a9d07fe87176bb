import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import type { ByteSource } from '../source'

const WINDOW = 1024 * 1024

/**
 * Lets yauzl walk the central directory of any ByteSource. yauzl asks for each record in two small
 * reads; one 1 MiB window turns 100,000 entries into about a hundred real reads.
 */
export class SourceReader extends yauzl.RandomAccessReader {
  private window = Buffer.alloc(0)
  private windowAt = 0

  constructor(private readonly source: ByteSource) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.source.stream(start, end)
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    // yauzl's own callers take a second argument, the count of bytes read, which its typings omit.
    const done = callback as (err: Error | null, bytesRead?: number) => void
    this.readCached(buffer, offset, length, position).then(
      (n) => done(null, n),
      (err: Error) => done(err)
    )
  }

  private async readCached(buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
    if (length > WINDOW) return this.source.read(buffer, offset, length, position)
    const inWindow = position >= this.windowAt && position + length <= this.windowAt + this.window.length
    if (!inWindow) {
      const size = Math.max(0, Math.min(WINDOW, this.source.size - position))
      const next = Buffer.allocUnsafe(size)
      const got = await this.source.read(next, 0, size, position)
      this.window = next.subarray(0, got)
      this.windowAt = position
    }
    const from = position - this.windowAt
    const n = Math.max(0, Math.min(length, this.window.length - from))
    this.window.copy(buffer, offset, from, from + n)
    return n
  }
}
