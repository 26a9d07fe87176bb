import yauzl from 'yauzl'
import type { OpenContext } from '../context'
import type { ByteSource } from '../source'
import { EXTRA_UNICODE_PATH, EXTRA_ZIP64, parseExtra, readU64 } from './extra'
import type { ZipRecord } from './record'
import { SourceReader } from './reader'

export type CentralResult =
  | { status: 'ok' }
  /** No usable end-of-central-directory record: the file is truncated, or not a ZIP. */
  | { status: 'missing'; error: Error }
  /** The directory broke off after `listed` records. */
  | { status: 'damaged'; error: Error; listed: number }

const CENTRAL_SIG = 0x02014b50
const CENTRAL_FIXED = 46
const FLAG_STRONG_ENCRYPTION = 0x40
// Larger than the largest record (46 bytes and three 16-bit lengths), so a record always fits.
const WINDOW = 1024 * 1024
const EMPTY = Buffer.alloc(0)
const NO_EXTRA: Map<number, Buffer> = parseExtra(EMPTY)

// Field reads of a record the window is known to hold: plain byte arithmetic, which the compiler
// folds into the loop (Buffer's readUInt16LE/readUInt32LE stayed calls of their own, with their
// own bounds checks, for 14 fields of each of 100,000 records).
const u16 = (buf: Buffer, at: number): number => buf[at]! | (buf[at + 1]! << 8)
const u32 = (buf: Buffer, at: number): number => (buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16)) + buf[at + 3]! * 0x1000000

interface Directory {
  /** Where the first record is. */
  start: number
  /** How many records the end record promises. */
  count: number
}

/**
 * Finds the central directory with yauzl: the end record searched back through a comment, the
 * Zip64 locator and end record, the multi-disk and comment-length checks. Its error, when there is
 * no usable end record, is what the 'missing' result carries.
 */
function locate(source: ByteSource): Promise<Directory> {
  return new Promise<Directory>((resolve, reject) =>
    yauzl.fromRandomAccessReader(
      new SourceReader(source),
      source.size,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: false },
      (err, zipfile) => {
        if (err || !zipfile) return reject(err ?? new Error('no zip file'))
        // yauzl keeps where its walk would start in readEntryCursor (typed as a boolean by
        // @types/yauzl, a number in yauzl 3.x). Pinned to 3.4.0; every ZIP test fails if that changes.
        const start = (zipfile as unknown as { readEntryCursor: unknown }).readEntryCursor
        const count = zipfile.entryCount
        // Nothing more is asked of it; a late error from closing has nothing to tell.
        zipfile.on('error', () => undefined)
        zipfile.close()
        if (typeof start !== 'number' || typeof count !== 'number') return reject(new Error('yauzl no longer tells where the central directory starts'))
        resolve({ start, count })
      }
    )
  )
}

/** The central directory read through one reused 1 MiB buffer: about ten reads for 100,000 records. */
class DirectoryWindow {
  private readonly store: Buffer
  buf: Buffer = EMPTY
  at = 0
  constructor(private readonly source: ByteSource) {
    // Never smaller than the largest record, unless the whole file is: then a longer record runs past its end anyway.
    this.store = Buffer.allocUnsafe(Math.min(WINDOW, source.size))
  }

  /** Synchronous, so a record already in the buffer costs no promise. */
  holds(offset: number, length: number): boolean {
    return offset >= this.at && offset + length <= this.at + this.buf.length
  }

  /** Fills the buffer from `offset`; false when the file ends before `length` bytes. */
  async load(offset: number, length: number): Promise<boolean> {
    const size = Math.max(0, Math.min(this.store.length, this.source.size - offset))
    this.buf = EMPTY
    const got = await this.source.read(this.store, 0, size, offset)
    this.buf = this.store.subarray(0, got)
    this.at = offset
    return length <= got
  }
}

/**
 * Reads the Zip64 field of a central record the way yauzl does: only the values whose 32-bit field
 * is 0xffffffff are there, in the order uncompressed size, compressed size, header offset.
 */
function applyZip64(buf: Buffer, at: number, length: number, r: ZipRecord): void {
  let i = at
  const take = (what: string) => {
    if (i + 8 > at + length) throw new Error(`zip64 extended information extra field does not include ${what}`)
    const value = readU64(buf, i)
    i += 8
    return value
  }
  if (r.uncompressedSize === 0xffffffff) r.uncompressedSize = take('uncompressed size')
  if (r.compressedSize === 0xffffffff) r.compressedSize = take('compressed size')
  if (r.localOffset === 0xffffffff) r.localOffset = take('relative header offset')
}

/**
 * The extra field of one central record, checked as strictly as yauzl checks it (a field that runs
 * past the end breaks the directory) and read in place: the Zip64 sizes go into the record, and a
 * map of fields is only built for a name that has a Unicode Path field.
 */
function readExtra(buf: Buffer, start: number, end: number, r: ZipRecord): void {
  let zip64 = -1
  let unicode = false
  for (let i = start; i < end - 3; ) {
    const id = buf.readUInt16LE(i)
    const dataEnd = i + 4 + buf.readUInt16LE(i + 2)
    if (dataEnd > end) throw new Error('extra field length exceeds extra field buffer size')
    if (id === EXTRA_ZIP64 && zip64 < 0) zip64 = i
    else if (id === EXTRA_UNICODE_PATH) unicode = true
    i = dataEnd
  }
  if (zip64 >= 0) applyZip64(buf, zip64 + 4, buf.readUInt16LE(zip64 + 2), r)
  r.extra = unicode ? parseExtra(buf.subarray(start, end)) : NO_EXTRA
}

/** Where the walk is: kept outside walkWindow, so a record that throws leaves the count of those before it. */
interface Walk {
  pos: number
  listed: number
}

/**
 * Lists the records that lie wholly in the window, from `walk.pos` on, with yauzl's checks
 * (signature, strong encryption, lengths, Zip64 fields). Returns 0 when all `count` are listed, -1
 * when `take` asked to stop, else how many bytes at `walk.pos` the window must hold to go on (the
 * fixed part, or, its signature and flags checked, the whole record). Synchronous and apart from
 * the loads, so the loop is compiled once and stays compiled: inside the async walk, every
 * first-time path (a load, an extra field) threw the compiled loop away.
 */
function walkWindow(window: DirectoryWindow, walk: Walk, count: number, ctx: OpenContext, r: ZipRecord, take: (r: ZipRecord) => boolean): number {
  const buf = window.buf
  const base = window.at
  while (walk.listed < count) {
    if ((walk.listed & 0xff) === 0) ctx.checkAbort()
    const at = walk.pos - base
    if (at < 0 || at + CENTRAL_FIXED > buf.length) return CENTRAL_FIXED
    const signature = u32(buf, at)
    if (signature !== CENTRAL_SIG) throw new Error(`invalid central directory file header signature: 0x${signature.toString(16)}`)
    const flags = u16(buf, at + 8)
    if (flags & FLAG_STRONG_ENCRYPTION) throw new Error('strong encryption is not supported')
    const nameLength = u16(buf, at + 28)
    const extraLength = u16(buf, at + 30)
    const length = CENTRAL_FIXED + nameLength + extraLength + u16(buf, at + 32)
    if (at + length > buf.length) return length
    r.flags = flags
    r.method = u16(buf, at + 10)
    r.dosTime = u16(buf, at + 12)
    r.dosDate = u16(buf, at + 14)
    r.crc32 = u32(buf, at + 16)
    r.compressedSize = u32(buf, at + 20)
    r.uncompressedSize = u32(buf, at + 24)
    r.localOffset = u32(buf, at + 42)
    const nameStart = at + CENTRAL_FIXED
    r.nameBuf = buf
    r.nameStart = nameStart
    r.nameEnd = nameStart + nameLength
    if (extraLength === 0) r.extra = NO_EXTRA
    else readExtra(buf, nameStart + nameLength, nameStart + nameLength + extraLength, r)
    walk.pos += length
    walk.listed++
    if (!take(r)) return -1
  }
  return 0
}

/**
 * Walks the central directory one record at a time; `take` returns false to stop early, `expect`
 * hears first how many records there will be at most. yauzl
 * finds the directory; its records are read here, in place from a 1 MiB buffer (walkWindow):
 * one Entry object, five Buffers and two callbacks per record made the walk the slowest part of
 * opening a large archive.
 *
 * The record handed to `take` is reused for the next one, and its name is a view into the buffer:
 * copy whatever must outlive the call.
 */
export async function listCentral(source: ByteSource, ctx: OpenContext, take: (r: ZipRecord) => boolean, expect?: (records: number) => void): Promise<CentralResult> {
  let dir: Directory
  try {
    dir = await locate(source)
  } catch (err) {
    return { status: 'missing', error: err as Error }
  }
  // What the end record promises, but never more than the file can hold: each record has 46 bytes at least.
  expect?.(Math.min(dir.count, Math.floor((source.size - dir.start) / CENTRAL_FIXED)))
  const window = new DirectoryWindow(source)
  // The CRC and the offset start as non-integers (each is set before the record is handed out): one
  // of 2^31 or more is a double to V8, and the first stored in a field that held small integers
  // changed the record's shape and threw away the compiled listing loop and toZipEntry. Not the
  // sizes: they are copied into each entry's info as they are, and a double read from here would
  // make those fields doubles too, a 16-byte box each per entry (sizes past 2 GiB are rare).
  const r: ZipRecord = {
    nameBuf: EMPTY,
    nameStart: 0,
    nameEnd: 0,
    extra: NO_EXTRA,
    flags: 0,
    method: 0,
    dosTime: 0,
    dosDate: 0,
    crc32: 0.5,
    compressedSize: 0,
    uncompressedSize: 0,
    localOffset: 0.5,
    dataStart: null,
    sizeUnknown: false
  }
  const walk: Walk = { pos: dir.start, listed: 0 }
  try {
    let need = CENTRAL_FIXED
    while (walk.listed < dir.count) {
      if (!window.holds(walk.pos, need) && !(await window.load(walk.pos, need))) throw new Error('unexpected EOF')
      need = walkWindow(window, walk, dir.count, ctx, r, take)
      if (need < 0) break
    }
    return { status: 'ok' }
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err
    return { status: 'damaged', error: err as Error, listed: walk.listed }
  }
}
