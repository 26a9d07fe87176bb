import type { OpenContext } from '../context'
import { EntryReadError } from '../errors'
import type { ByteSource } from '../source'
import { LOCAL_FIXED, parseLocalHeader } from './local'
import type { ZipEntry } from './record'

const NEAR = 256 * 1024
const SMALL = 4 * 1024
const LARGEST_HEADER = LOCAL_FIXED + 2 * 0xffff

/** Local headers read through one window: dense archives cost a read per ~256 KiB, sparse ones 4 KiB per entry. */
class HeaderWindow {
  private buf = Buffer.alloc(0)
  private at = 0
  constructor(private readonly source: ByteSource) {}

  async cover(offset: number, length: number, hint: number): Promise<{ buf: Buffer; rel: number }> {
    if (offset < this.at || offset + length > this.at + this.buf.length) {
      const size = Math.max(0, Math.min(Math.max(length, hint), this.source.size - offset))
      const next = Buffer.allocUnsafe(size)
      const got = await this.source.read(next, 0, size, offset)
      this.buf = next.subarray(0, got)
      this.at = offset
    }
    return { buf: this.buf, rel: offset - this.at }
  }
}

const refuse = (e: ZipEntry, message: string) => (e.refused = new EntryReadError('damaged', e.info.path, message))

/**
 * Reads the local header of each entry the central directory lists (in file order), to learn
 * where its data starts and to catch a directory that lies: a header that is not there, sizes or
 * method that disagree, data that runs past the end of the file. Returns the entries whose header is not there.
 */
export async function verifyLocalHeaders(source: ByteSource, entries: ZipEntry[], ctx: OpenContext): Promise<Set<ZipEntry>> {
  const window = new HeaderWindow(source)
  const order = entries.filter((e) => e.dataStart === null).sort((a, b) => a.localOffset - b.localOffset)
  const missing = new Set<ZipEntry>()
  for (let k = 0; k < order.length; k++) {
    const e = order[k]!
    if (k % 1000 === 0) {
      ctx.checkAbort()
      ctx.meter.report('listing', ctx.entries, e.localOffset)
    }
    const nextOffset = order[k + 1]?.localOffset ?? source.size
    const hint = nextOffset - e.localOffset < NEAR ? NEAR : SMALL
    let got = await window.cover(e.localOffset, LOCAL_FIXED, hint)
    let h = parseLocalHeader(got.buf, got.rel, e.localOffset - got.rel)
    if (h === 'short') {
      got = await window.cover(e.localOffset, LARGEST_HEADER, hint)
      h = parseLocalHeader(got.buf, got.rel, e.localOffset - got.rel)
    }
    if (h === null || h === 'short') {
      missing.add(e)
      refuse(e, `The central directory says ${e.info.path} starts at byte ${e.localOffset}, but no local header is there; it is not read.`)
      ctx.problems.add('missing-header', e.info.path, `The central directory says ${e.info.path} starts at byte ${e.localOffset}, but no local file header is there.`)
      continue
    }
    if (!h.deferredSizes && (h.compressedSize !== e.info.compressedSize || h.uncompressedSize !== e.info.size)) {
      const msg = `The central directory and the local header of ${e.info.path} disagree on its size (${e.info.compressedSize}/${e.info.size} bytes against ${h.compressedSize}/${h.uncompressedSize}); it is not read.`
      refuse(e, msg)
      ctx.problems.add('size-mismatch', e.info.path, msg)
      continue
    }
    // Known only for headers that agree, so a lying size cannot drag an innocent neighbour into an overlap.
    e.dataStart = h.dataStart
    if (h.method !== e.method) {
      const msg = `The central directory and the local header of ${e.info.path} disagree on its compression method (${e.method} against ${h.method}); it is not read.`
      refuse(e, msg)
      ctx.problems.add('method-mismatch', e.info.path, msg)
    }
  }
  return missing
}
