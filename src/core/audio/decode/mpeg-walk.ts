import { ascii, concat } from '../probe/bytes'
import { mpegFrameAt } from '../probe/mpeg-frame'

/**
 * Follows MPEG frame headers through the bytes as they stream past, only to tell whether the last
 * frame is whole: mpg123 quietly decodes what there is, and a cut-off file must be reported.
 */
export class MpegFrameWalker {
  private skip: number
  private carry: Uint8Array = new Uint8Array(0)
  private stopped = false

  constructor(firstFrameAt: number) {
    this.skip = firstFrameAt
  }

  push(chunk: Uint8Array): void {
    if (this.stopped) return
    if (this.skip >= chunk.length + this.carry.length) {
      this.skip -= chunk.length
      return
    }
    let b = this.carry.length ? concat(this.carry, chunk) : chunk
    let at = this.skip
    while (at + 4 <= b.length) {
      const f = mpegFrameAt(b, at)
      if (!f) {
        // Trailing tags (ID3v1, APE, Lyrics3) or junk: nothing after them can be judged.
        if (['TAG', 'APE', 'LYR'].includes(ascii(b, at, 3))) this.stopped = true
        else at++
        if (this.stopped) return
        continue
      }
      at += f.length
    }
    this.skip = Math.max(0, at - b.length)
    b = at < b.length ? b.slice(at) : new Uint8Array(0)
    this.carry = b
  }

  /** True when the bytes ended inside a frame. */
  get truncated(): boolean {
    return !this.stopped && this.skip > 0
  }
}
