import type { OpenContext } from '../context'
import { EntryReadError } from '../errors'
import type { ProblemLog } from '../problems'
import { readAt, type ByteSource } from '../source'
import { nextTurn } from '../../next-turn'
import { EXTRA_ZIP64, readU64 } from './extra'
import { deferredEndOf } from './listed'
import { FLAG_DATA_DESCRIPTOR, LOCAL_FIXED, LOCAL_SIG } from './local'
import { alignedRows, inFileOrder, type ZipEntry } from './record'
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
 * Whose local header waits for the entry's first read: stored audio with sane sizes. A scan reads
 * none of it, and between clips of tens of KB each header costs a read of its own (100,000 reads
 * for a heavy Alexa user). Metadata, nested archives and anything deflated (where overlapping
 * entries make zip bombs) are checked at listing; the checks are the same either way, only later.
 */
export const deferrable = (e: ZipEntry, next: number, prefix: string): boolean => {
  const end = deferredEnd(e, prefix)
  return end >= 0 && end <= next
}

/** deferredEndOf (listed.ts) of an entry. */
const deferredEnd = (e: ZipEntry, prefix: string): number =>
  deferredEndOf({
    audio: e.info.kind === 'audio',
    method: e.method,
    sizeKnown: e.sizeKnown,
    encrypted: e.info.encrypted,
    unsafePath: e.info.unsafePath,
    compressedSize: e.info.compressedSize,
    size: e.info.size,
    dataStart: e.dataStart,
    localOffset: e.localOffset,
    nameLength: e.info.path.length - prefix.length
  })

/**
 * Checks `e` against the local header at `at` in `buf` (file offset `offset`): the header is there,
 * its sizes, name and method agree with the directory. Sets dataStart when they do, refuses the
 * entry (with a problem line) when they do not. 'missing' is left to the caller, which may recover.
 */
function checkHeader(buf: Buffer, at: number, offset: number, e: ZipEntry, h: Header, problems: ProblemLog, prefix: string): 'ok' | 'refused' {
  if (!h.deferredSizes && (h.compressedSize !== e.info.compressedSize || h.uncompressedSize !== e.info.size)) {
    const msg = `The central directory and the local header of ${e.info.path} disagree on its size (${e.info.compressedSize}/${e.info.size} bytes against ${h.compressedSize}/${h.uncompressedSize}); it is not read.`
    refuse(e, msg)
    problems.add('size-mismatch', e.info.path, msg)
    return 'refused'
  }
  // Known only for headers that agree, so a lying size cannot drag an innocent neighbour into an overlap.
  e.dataStart = offset + h.length
  const other = samePlainName(buf, at + LOCAL_FIXED, buf.readUInt16LE(at + 26), e.info.path, prefix.length) ? null : localNameDiffers(buf, at, e, prefix)
  if (other !== null) {
    problems.add('name-mismatch', e.info.path, `The central directory names the entry at byte ${offset} ${e.info.path}, but its local header names it ${other}; a tool that reads local headers sees another file. Exportscope goes by the central directory.`, [offset])
  }
  if (h.method !== e.method) {
    const msg = `The central directory and the local header of ${e.info.path} disagree on its compression method (${e.method} against ${h.method}); it is not read.`
    refuse(e, msg)
    problems.add('method-mismatch', e.info.path, msg)
    return 'refused'
  }
  return 'ok'
}

const missingHeader = (e: ZipEntry, problems: ProblemLog) => {
  const offset = e.localOffset
  refuse(e, `The central directory says ${e.info.path} starts at byte ${offset}, but no local header is there; it is not read.`)
  problems.add('missing-header', e.info.path, `The central directory says ${e.info.path} starts at byte ${offset}, but no local file header is there.`)
}

/**
 * Reads the local header of each entry the central directory lists (in file order), to learn
 * where its data starts and to catch a directory that lies: a header that is not there, sizes or
 * method that disagree, data that runs past the end of the file. Returns the entries whose header
 * is not there. Deferrable entries are only marked `checkLater`: checkHeaderLater reads theirs.
 */
export async function verifyLocalHeaders(source: ByteSource, entries: ZipEntry[], ctx: OpenContext, prefix = ''): Promise<Set<ZipEntry>> {
  const missing = new Set<ZipEntry>()
  const order = inFileOrder(entries, false)
  if (order.length === 0) return missing
  // Entry k is row k: whether its header waits is read from the rows (deferredEndOf, taken at
  // listing), and the 100,000 audio entries whose headers wait are never touched here.
  const rows = order === entries ? alignedRows(entries) : null
  const window = new HeaderWindow(source)
  const h: Header = { method: 0, compressedSize: 0, uncompressedSize: 0, length: 0, deferredSizes: false }
  let checked = 0
  for (let k = 0; k < order.length; k++) {
    if (rows) {
      const end = rows.deferEnd(k)
      if (end >= 0 && end <= (k + 1 < rows.length ? rows.localOffset(k + 1) : source.size)) {
        rows.setCheckLater(k, true)
        continue
      }
    }
    const e = order[k]!
    if (!rows && deferrable(e, order[k + 1]?.localOffset ?? source.size, prefix)) {
      e.checkLater = true
      continue
    }
    const offset = e.localOffset
    if (checked++ % YIELD_EVERY === 0) {
      ctx.checkAbort()
      ctx.meter.report('listing', ctx.entries, offset)
      // Reads answered at once never give the event loop a turn: give it one per batch (calls, cancel).
      if (checked > 1 && source.readSync) await nextTurn()
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
      missingHeader(e, ctx.problems)
      continue
    }
    checkHeader(window.buf, offset - window.at, offset, e, h, ctx.problems, prefix)
  }
  return missing
}

/**
 * The deferred check of one entry's local header, on its first read: the same checks as at
 * listing, the same problem lines (they join the archive's problems), and the entry refused when
 * they fail. A header that is not there is not looked for elsewhere, as the listing's recovery
 * would: the entry is refused and the problem says where its header should have been.
 */
export async function checkHeaderLater(source: ByteSource, e: ZipEntry, problems: ProblemLog, prefix: string): Promise<void> {
  if (!e.checkLater) return
  e.checkLater = false
  const h: Header = { method: 0, compressedSize: 0, uncompressedSize: 0, length: 0, deferredSizes: false }
  let buf = await readAt(source, e.localOffset, SMALL)
  let found = readHeader(buf, 0, h)
  if (found === 'short' && e.localOffset + buf.length < source.size) {
    buf = await readAt(source, e.localOffset, LARGEST_HEADER)
    found = readHeader(buf, 0, h)
  }
  if (found !== 'ok') return missingHeader(e, problems)
  if (checkHeader(buf, 0, e.localOffset, e, h, problems, prefix) === 'ok' && e.dataStart! + e.info.compressedSize > source.size) {
    const path = e.info.path
    problems.add('truncated', path, `${path} declares ${e.info.compressedSize} compressed bytes, which run past the end of the file (the archive is cut off or its directory is lying); it is not read.`)
    e.refused = new EntryReadError('damaged', path, `${path} declares ${e.info.compressedSize} compressed bytes, which run past the end of the file (the archive is cut off or its directory is lying); it is not read.`)
  }
}
