import type { OpenContext } from '../context'
import { EntryReadError } from '../errors'
import type { ByteSource } from '../source'
import { EXTRA_ZIP64, readU64 } from './extra'
import { FLAG_DATA_DESCRIPTOR, LOCAL_FIXED, LOCAL_SIG } from './local'
import { inFileOrder, type ZipEntry } from './record'
import { localNameDiffers, samePlainName } from './same-name'

const NEAR = 256 * 1024
// A local header with a typical name and extra field; a longer one is read again whole.
const SMALL = 512
// One big read pays off only where it covers many headers (tiny entries); between audio clips of
// tens of KB it would read every byte of the audio, where one small read per header costs less.
const DENSE_RUN = 32
const YIELD_EVERY = 2000
const LARGEST_HEADER = LOCAL_FIXED + 2 * 0xffff
const BUFFER = Math.max(NEAR, LARGEST_HEADER)

/**
 * Local headers read through one reused buffer: dense archives cost a read per ~256 KiB, sparse
 * ones 4 KiB per entry. `holds` is synchronous, so the usual case costs no promise at all.
 */
class HeaderWindow {
  private readonly store: Buffer
  buf: Buffer
  at = 0
  constructor(private readonly source: ByteSource) {
    this.store = Buffer.allocUnsafe(Math.min(BUFFER, source.size))
    this.buf = this.store.subarray(0, 0)
  }

  holds(offset: number, length: number): boolean {
    return offset >= this.at && offset + length <= this.at + this.buf.length
  }

  async load(offset: number, length: number, hint: number): Promise<void> {
    const size = Math.max(0, Math.min(Math.max(length, hint), this.store.length, this.source.size - offset))
    this.buf = this.store.subarray(0, 0)
    const got = this.source.readSync ? this.source.readSync(this.store, 0, size, offset) : await this.source.read(this.store, 0, size, offset)
    this.buf = this.store.subarray(0, got)
    this.at = offset
  }
}

/** What one local header says, read in place: no copies, no objects per entry. */
interface Header {
  method: number
  compressedSize: number
  uncompressedSize: number
  /** Fixed part, name and extra field. */
  length: number
  deferredSizes: boolean
}

/**
 * Reads the local header at `at` into `out`: 'ok', 'missing' (no header signature there) or
 * 'short' (the buffer ends inside it). Sizes of 0xffffffff are taken from the Zip64 field, as
 * parseLocalHeader does.
 */
function readHeader(buf: Buffer, at: number, out: Header): 'ok' | 'missing' | 'short' {
  if (at + LOCAL_FIXED > buf.length) return 'short'
  if (buf.readUInt32LE(at) !== LOCAL_SIG) return 'missing'
  const nameLength = buf.readUInt16LE(at + 26)
  const extraLength = buf.readUInt16LE(at + 28)
  out.length = LOCAL_FIXED + nameLength + extraLength
  if (at + out.length > buf.length) return 'short'
  const flags = buf.readUInt16LE(at + 6)
  out.method = buf.readUInt16LE(at + 8)
  out.compressedSize = buf.readUInt32LE(at + 18)
  out.uncompressedSize = buf.readUInt32LE(at + 22)
  if (out.compressedSize === 0xffffffff || out.uncompressedSize === 0xffffffff) {
    // In a local header the Zip64 field holds both sizes, uncompressed first. The first field of
    // an id wins, and a field that runs past the extra data ends the walk (as parseExtra reads it).
    const end = at + out.length
    for (let i = at + LOCAL_FIXED + nameLength; i + 4 <= end; ) {
      const size = buf.readUInt16LE(i + 2)
      if (i + 4 + size > end) break
      if (buf.readUInt16LE(i) === EXTRA_ZIP64) {
        if (size >= 16) {
          out.uncompressedSize = readU64(buf, i + 4)
          out.compressedSize = readU64(buf, i + 12)
        }
        break
      }
      i += 4 + size
    }
  }
  out.deferredSizes = (flags & FLAG_DATA_DESCRIPTOR) !== 0 && out.compressedSize === 0
  return 'ok'
}

const refuse = (e: ZipEntry, message: string) => (e.refused = new EntryReadError('damaged', e.info.path, message))

/**
 * Reads the local header of each entry the central directory lists (in file order), to learn
 * where its data starts and to catch a directory that lies: a header that is not there, sizes or
 * method that disagree, data that runs past the end of the file. Returns the entries whose header is not there.
 */
export async function verifyLocalHeaders(source: ByteSource, entries: ZipEntry[], ctx: OpenContext, prefix = ''): Promise<Set<ZipEntry>> {
  const missing = new Set<ZipEntry>()
  const order = inFileOrder(entries, false)
  if (order.length === 0) return missing
  const window = new HeaderWindow(source)
  const h: Header = { method: 0, compressedSize: 0, uncompressedSize: 0, length: 0, deferredSizes: false }
  for (let k = 0; k < order.length; k++) {
    const e = order[k]!
    const offset = e.localOffset
    if (k % YIELD_EVERY === 0) {
      ctx.checkAbort()
      ctx.meter.report('listing', ctx.entries, offset)
      // Reads answered at once never give the event loop a turn: give it one per batch (calls, cancel).
      if (k > 0 && source.readSync) await new Promise((r) => setImmediate(r))
    }
    const hint = (order[k + DENSE_RUN]?.localOffset ?? source.size) - offset < NEAR ? NEAR : SMALL
    if (!window.holds(offset, LOCAL_FIXED)) await window.load(offset, LOCAL_FIXED, hint)
    let found = readHeader(window.buf, offset - window.at, h)
    if (found === 'short' && window.at + window.buf.length < source.size) {
      await window.load(offset, LARGEST_HEADER, hint)
      found = readHeader(window.buf, offset - window.at, h)
    }
    if (found !== 'ok') {
      missing.add(e)
      refuse(e, `The central directory says ${e.info.path} starts at byte ${offset}, but no local header is there; it is not read.`)
      ctx.problems.add('missing-header', e.info.path, `The central directory says ${e.info.path} starts at byte ${offset}, but no local file header is there.`)
      continue
    }
    if (!h.deferredSizes && (h.compressedSize !== e.info.compressedSize || h.uncompressedSize !== e.info.size)) {
      const msg = `The central directory and the local header of ${e.info.path} disagree on its size (${e.info.compressedSize}/${e.info.size} bytes against ${h.compressedSize}/${h.uncompressedSize}); it is not read.`
      refuse(e, msg)
      ctx.problems.add('size-mismatch', e.info.path, msg)
      continue
    }
    // Known only for headers that agree, so a lying size cannot drag an innocent neighbour into an overlap.
    e.dataStart = offset + h.length
    const at = offset - window.at
    const other = samePlainName(window.buf, at + LOCAL_FIXED, window.buf.readUInt16LE(at + 26), e.info.path, prefix.length) ? null : localNameDiffers(window.buf, at, e, prefix)
    if (other !== null) {
      ctx.problems.add('name-mismatch', e.info.path, `The central directory names the entry at byte ${offset} ${e.info.path}, but its local header names it ${other}; a tool that reads local headers sees another file. Exportscope goes by the central directory.`, [offset])
    }
    if (h.method !== e.method) {
      const msg = `The central directory and the local header of ${e.info.path} disagree on its compression method (${e.method} against ${h.method}); it is not read.`
      refuse(e, msg)
      ctx.problems.add('method-mismatch', e.info.path, msg)
    }
  }
  return missing
}
