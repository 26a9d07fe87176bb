import { readSync } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { Readable } from 'node:stream'

/** Random access to a run of bytes: a file, or a stored entry inside another source. */
export interface ByteSource {
  readonly size: number
  /** Like pread: fewer bytes than asked only at the end of the source. */
  read(buf: Buffer, offset: number, length: number, position: number): Promise<number>
  /**
   * The same read, answered at once, where the source can (a file already open). For many tiny
   * reads in a row (100,000 local headers), where a promise and a thread-pool trip per read cost
   * more than the read; callers yield to the event loop between batches.
   */
  readSync?(buf: Buffer, offset: number, length: number, position: number): number
  /** The bytes [start, end) as a stream. */
  stream(start: number, end: number, highWaterMark?: number): Readable
  close(): Promise<void>
}

const empty = () => Readable.from([], { objectMode: false })

/**
 * Positioned reads as a stream. Not FileHandle.createReadStream: destroying one of those closes
 * the shared handle, and every entry read here shares one.
 */
function rangeStream(source: ByteSource, start: number, end: number, chunk: number): Readable {
  if (end <= start) return empty()
  let at = start
  return new Readable({
    highWaterMark: chunk,
    read() {
      const size = Math.min(chunk, end - at)
      const buf = Buffer.allocUnsafe(size)
      source.read(buf, 0, size, at).then(
        (got) => {
          at += got
          if (got > 0) this.push(got === size ? buf : buf.subarray(0, got))
          if (got === 0 || at >= end) this.push(null)
        },
        (err: Error) => this.destroy(err)
      )
    }
  })
}

/** A file opened read-only: the archive is never written and its mtime never changes. */
export class FileSource implements ByteSource {
  private closed = false
  private constructor(
    private readonly handle: FileHandle,
    readonly size: number
  ) {}

  static async open(path: string): Promise<FileSource> {
    const handle = await open(path, 'r')
    try {
      const stat = await handle.stat()
      return new FileSource(handle, stat.size)
    } catch (err) {
      await handle.close()
      throw err
    }
  }

  async read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    const want = Math.max(0, Math.min(length, this.size - position))
    let done = 0
    while (done < want) {
      const { bytesRead } = await this.handle.read(buf, offset + done, want - done, position + done)
      if (bytesRead === 0) break
      done += bytesRead
    }
    return done
  }

  readSync(buf: Buffer, offset: number, length: number, position: number): number {
    const want = Math.max(0, Math.min(length, this.size - position))
    let done = 0
    while (done < want) {
      const got = readSync(this.handle.fd, buf, offset + done, want - done, position + done)
      if (got === 0) break
      done += got
    }
    return done
  }

  stream(start: number, end: number, highWaterMark = 64 * 1024): Readable {
    return rangeStream(this, start, Math.min(end, this.size), highWaterMark)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.handle.close()
  }
}

/** A window onto another source, e.g. a ZIP stored inside a ZIP: read in place, never copied. */
export class SliceSource implements ByteSource {
  constructor(
    private readonly parent: ByteSource,
    private readonly offset: number,
    readonly size: number
  ) {}

  read(buf: Buffer, offset: number, length: number, position: number): Promise<number> {
    const want = Math.max(0, Math.min(length, this.size - position))
    return want === 0 ? Promise.resolve(0) : this.parent.read(buf, offset, want, this.offset + position)
  }

  get readSync(): ByteSource['readSync'] {
    const parentSync = this.parent.readSync?.bind(this.parent)
    if (!parentSync) return undefined
    return (buf, offset, length, position) => {
      const want = Math.max(0, Math.min(length, this.size - position))
      return want === 0 ? 0 : parentSync(buf, offset, want, this.offset + position)
    }
  }

  stream(start: number, end: number, highWaterMark?: number): Readable {
    const stop = Math.min(end, this.size)
    if (stop <= start) return empty()
    return this.parent.stream(this.offset + start, this.offset + stop, highWaterMark)
  }

  async close(): Promise<void> {
    // The parent owns the file handle.
  }
}

/** Reads exactly `length` bytes at `position`, or fewer at the end of the source. */
export async function readAt(source: ByteSource, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(Math.max(0, Math.min(length, source.size - position)))
  const got = await source.read(buf, 0, buf.length, position)
  return got === buf.length ? buf : buf.subarray(0, got)
}
