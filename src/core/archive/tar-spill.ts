import { Transform, type TransformCallback } from 'node:stream'
import type { FileHandle } from 'node:fs/promises'
import { messageOf } from './errors'
import type { TempArea } from './temp'

/**
 * Passes the inflated tar stream on unchanged while it writes its first `bound` bytes to a private
 * temp file (0600 in the export's 0700 temp folder, removed at close): the listing pass inflates
 * the stream once anyway, and with the copy every later entry read costs its own size instead of
 * a new inflate from byte 0. A write that fails (a full disk) ends the copy where it got to; the
 * listing goes on.
 */
export class Spill extends Transform {
  /** Bytes [0, written) of the inflated stream are in the file. */
  written = 0
  /** Why the copy stopped before the stream's end: the bound, or a failed write. */
  stopped: { bound: true } | { bound: false; reason: string } | null = null
  path: string | null = null
  private handle: FileHandle | null = null

  constructor(
    private readonly temp: TempArea,
    private readonly bound: number
  ) {
    super()
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    if (this.stopped) return done(null, chunk)
    this.write_(chunk).then(
      () => done(null, chunk),
      (err: unknown) => done(err as Error)
    )
  }

  override _flush(done: TransformCallback): void {
    this.finish().then(() => done(), done)
  }

  override _destroy(err: Error | null, done: (err: Error | null) => void): void {
    this.finish().then(
      () => done(err),
      () => done(err)
    )
  }

  private async write_(chunk: Buffer): Promise<void> {
    const room = this.bound - this.written
    const part = room >= chunk.length ? chunk : chunk.subarray(0, Math.max(0, room))
    try {
      if (part.length > 0) {
        if (!this.handle) {
          const file = await this.temp.create('inflated.tar')
          this.handle = file.handle
          this.path = file.path
        }
        let at = 0
        while (at < part.length && !this.destroyed) {
          const { bytesWritten } = await this.handle.write(part, at, part.length - at, this.written + at)
          at += bytesWritten
        }
        this.written += part.length
        this.temp.bytes += part.length
      }
      if (part.length < chunk.length) this.stopped = { bound: true }
    } catch (err) {
      this.stopped = { bound: false, reason: messageOf(err) }
      await this.finish()
    }
    // Destroyed while a write or the file's creation was under way: _destroy found no handle to close yet.
    if (this.destroyed || this.stopped) await this.finish()
  }

  private async finish(): Promise<void> {
    const handle = this.handle
    this.handle = null
    await handle?.close().catch(() => undefined)
  }
}
