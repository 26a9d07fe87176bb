import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import type { ByteSource } from '../source'

/**
 * Lets yauzl find the central directory of any ByteSource. It only reads the end of the archive
 * (the end record behind its comment, and the Zip64 end record), a few reads in all: the records
 * themselves are walked by listCentral, so no window is needed here.
 */
export class SourceReader extends yauzl.RandomAccessReader {
  constructor(private readonly source: ByteSource) {
    super()
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return this.source.stream(start, end)
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (err: Error | null) => void): void {
    // yauzl's own callers take a second argument, the count of bytes read, which its typings omit.
    const done = callback as (err: Error | null, bytesRead?: number) => void
    this.source.read(buffer, offset, length, position).then(
      (n) => done(null, n),
      (err: Error) => done(err)
    )
  }
}
