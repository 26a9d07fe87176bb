import type { EntryInfo } from '../../../shared/model/archive'
import type { EntryReadError } from '../errors'
import { LOCAL_FIXED } from './local'
import { widened } from '../../typed-arrays'

// Read once into this module: an imported binding read per row is a getter's call wherever modules
// are compiled to CommonJS (tsx, the benches).
const HEADER_FIXED = LOCAL_FIXED

// Small: listCentral reserves what the directory promises, and an export may hold many small nested ZIPs.
const FIRST = 16
// A reservation is a promise read from the file, so it is capped: past this the columns grow as rows come.
const MOST_RESERVED = 1 << 20
const SIZE_KNOWN = 1
const CHECK_LATER = 2
/** judgeEntries has nothing to say of the entry but, maybe, that its data runs past the end of the file. */
const QUIET = 4
/** The name is plain for the export view (see plainShape): its hash, last '/' and '.' are kept here. */
const PLAIN = 8
/** A plain name that holds '__' (the export view then looks for a '__MACOSX' folder). */
const UNDERSCORES = 16
/** The entry's info (record.ts, infoOf): encrypted (flag bit 0 or AES), and a name that tried to leave the archive. */
const ENCRYPTED = 32
const UNSAFE = 64
/** The directory's name ended in a folder's mark ('/' or a backslash) though the entry holds bytes; its path is listed without it (folder-mark.ts). */
const FOLDER_MARK = 128
const NONE = new Float64Array(0)

/**
 * Where each entry of one ZIP is, one row per entry, in typed arrays. Why not fields of the entry
 * objects: an offset past 2 GiB is not a small integer to V8, and the first such offset stored in
 * an object field gave the entry's shape a new layout and deprecated the old one, so every entry
 * listed before it (65,000 of a 3 GB export) was migrated one by one on its next read: 130 ms at
 * 100,000 entries. A typed array takes any offset, costs 8 bytes a row and no box per number.
 */
export class ZipRows {
  length = 0
  /**
   * Whether the rows' header offsets never go down (writers put the directory in file order), and
   * how many rows are placed (dataFrom not null): kept as rows are added and changed, so asking
   * whether all rows are in file order (record.ts, rowsInFileOrder) costs no pass over them.
   */
  ascending = true
  placed = 0
  private offsets = new Float64Array(FIRST)
  /** Where the entry's data starts once its local header has been read; -1 until then. */
  private dataStarts = new Float64Array(FIRST)
  private methods = new Uint16Array(FIRST)
  private states = new Uint8Array(FIRST)
  /**
   * A hash of each name (see nameHash), for the duplicate-name check: no name string is read for
   * it. Kept after listing: for a plain name it is the export view's hash of its normalised form.
   */
  private hashes = new Int32Array(FIRST)
  /** Of a plain name (PLAIN): where its last '/' and its last '.' after that are, plus one (0: none). */
  private slashes = new Uint16Array(FIRST)
  private dots = new Uint16Array(FIRST)
  /**
   * The compressed size and the info's size (0 when not known), read in order by the checks at
   * listing and kept for the entry's info, which is made only when asked for (record.ts, infoOf).
   */
  private csizes = new Float64Array(FIRST)
  private usizes = new Float64Array(FIRST)
  /** The rest of what the info says, as the directory gave it: CRC-32, DOS date << 16 | time, flags, kind (a place in KINDS). */
  private crcs = new Uint32Array(FIRST)
  private dosTimes = new Uint32Array(FIRST)
  private flagBits = new Uint16Array(FIRST)
  private kinds = new Uint8Array(FIRST)
  // Kept for the checks at listing only (see forgetListing): where the data of an entry whose header
  // may be checked later ends at the least (-1: it may not).
  private deferEnds = new Float64Array(FIRST)

  /**
   * Room for `count` rows at once, so a listing whose size the directory tells grows no column
   * row by row (and its compiled loop never meets the growing path, which threw it away).
   */
  reserve(count: number): void {
    const capacity = Math.min(count, MOST_RESERVED)
    if (capacity > this.offsets.length) this.resize(capacity)
  }

  /** How many rows fit before the columns grow. */
  get capacity(): number {
    return this.offsets.length
  }

  /**
   * What few rows have, by row: why reads of the entry are refused (encrypted, overlapping,
   * damaged…), and its info once made (record.ts, ZipEntry.info). Fields of every entry, they
   * weighed 16 bytes an entry for what a scan of 100,000 entries holds for a handful.
   */
  private refusals: Map<number, EntryReadError> | null = null
  private infos: Map<number, EntryInfo> | null = null

  refused(row: number): EntryReadError | null {
    return this.refusals === null ? null : (this.refusals.get(row) ?? null)
  }

  setRefused(row: number, error: EntryReadError | null): void {
    if (error !== null) (this.refusals ??= new Map()).set(row, error)
    else this.refusals?.delete(row)
  }

  info(row: number): EntryInfo | null {
    return this.infos === null ? null : (this.infos.get(row) ?? null)
  }

  setMadeInfo(row: number, info: EntryInfo): void {
    ;(this.infos ??= new Map()).set(row, info)
  }

  /** The least data ends serve the checks at listing only; afterwards they are let go. */
  forgetListing(): void {
    this.deferEnds = NONE
  }

  /** A new row; returns its number. */
  add(localOffset: number, dataStart: number | null, method: number, sizeKnown: boolean, nameHash: number): number {
    const row = this.length
    if (row === this.offsets.length) this.grow()
    if (row > 0 && localOffset < this.offsets[row - 1]!) this.ascending = false
    this.offsets[row] = localOffset
    this.dataStarts[row] = dataStart ?? -1
    if (dataStart !== null) this.placed++
    this.methods[row] = method
    this.states[row] = sizeKnown ? SIZE_KNOWN : 0
    this.hashes[row] = nameHash
    this.length = row + 1
    return row
  }

  /** What the listing's checks read of a row just added: sizes, deferredEnd (verify.ts) and whether judgeEntries finds it quiet. */
  setListed(row: number, csize: number, usize: number, deferEnd: number, quiet: boolean): void {
    this.csizes[row] = csize
    this.usizes[row] = usize
    this.deferEnds[row] = deferEnd
    if (quiet) this.states[row] = this.states[row]! | QUIET
  }

  /** What the entry's info says besides its path, part and sizes (read back by record.ts, infoOf). */
  setInfo(row: number, crc32: number, dosDate: number, dosTime: number, flags: number, kind: number, encrypted: boolean, unsafe: boolean): void {
    this.crcs[row] = crc32
    this.dosTimes[row] = dosDate * 0x10000 + dosTime
    this.flagBits[row] = flags
    this.kinds[row] = kind
    if (encrypted || unsafe) this.states[row] = this.states[row]! | (encrypted ? ENCRYPTED : 0) | (unsafe ? UNSAFE : 0)
  }

  crc32(row: number): number {
    return this.crcs[row]!
  }

  dosDate(row: number): number {
    return this.dosTimes[row]! >>> 16
  }

  dosTime(row: number): number {
    return this.dosTimes[row]! & 0xffff
  }

  flags(row: number): number {
    return this.flagBits[row]!
  }

  kind(row: number): number {
    return this.kinds[row]!
  }

  encrypted(row: number): boolean {
    return (this.states[row]! & ENCRYPTED) !== 0
  }

  unsafePath(row: number): boolean {
    return (this.states[row]! & UNSAFE) !== 0
  }

  setFolderMark(row: number): void {
    this.states[row] = this.states[row]! | FOLDER_MARK
  }

  folderMark(row: number): boolean {
    return (this.states[row]! & FOLDER_MARK) !== 0
  }

  /**
   * Notes that the name of `row` is plain for the export view (printable ASCII without a backslash,
   * ':', '..' or '!/', no nested archive's prefix), with its last '/' and '.' (-1: none).
   */
  setPlain(row: number, slash: number, dot: number, underscores: boolean): void {
    this.slashes[row] = slash + 1
    this.dots[row] = dot + 1
    this.states[row] = this.states[row]! | PLAIN | (underscores ? UNDERSCORES : 0)
  }

  /**
   * For a plain name (setPlain): puts its hash, last '/' and '.' into `out` and says true. False for
   * any other name, whose view is worked out the long way.
   */
  plainShape(row: number, out: { hash: number; slash: number; dot: number; underscores: boolean }): boolean {
    const state = this.states[row]!
    if ((state & PLAIN) === 0) return false
    out.hash = this.hashes[row]!
    out.slash = this.slashes[row]! - 1
    out.dot = this.dots[row]! - 1
    out.underscores = (state & UNDERSCORES) !== 0
    return true
  }

  private grow(): void {
    this.resize(this.offsets.length * 2)
  }

  private resize(capacity: number): void {
    const more = <T extends Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array>(a: T): T => widened(a, capacity, this.length)
    this.offsets = more(this.offsets)
    this.dataStarts = more(this.dataStarts)
    this.methods = more(this.methods)
    this.states = more(this.states)
    this.hashes = more(this.hashes)
    this.slashes = more(this.slashes)
    this.dots = more(this.dots)
    this.csizes = more(this.csizes)
    this.usizes = more(this.usizes)
    this.crcs = more(this.crcs)
    this.dosTimes = more(this.dosTimes)
    this.flagBits = more(this.flagBits)
    this.kinds = more(this.kinds)
    this.deferEnds = more(this.deferEnds)
  }

  nameHash(row: number): number {
    return this.hashes[row]!
  }

  compressedSize(row: number): number {
    return this.csizes[row]!
  }

  size(row: number): number {
    return this.usizes[row]!
  }

  deferEnd(row: number): number {
    return this.deferEnds[row]!
  }

  quiet(row: number): boolean {
    return (this.states[row]! & QUIET) !== 0
  }

  /** Where the row's data starts, known or (for a header checked later) at the earliest: right after a header with an empty name. */
  dataFrom(row: number): number | null {
    const at = this.dataStarts[row]!
    return at >= 0 ? at : (this.states[row]! & CHECK_LATER) !== 0 ? this.offsets[row]! + HEADER_FIXED : null
  }

  localOffset(row: number): number {
    return this.offsets[row]!
  }

  dataStart(row: number): number | null {
    const at = this.dataStarts[row]!
    return at < 0 ? null : at
  }

  setDataStart(row: number, at: number | null): void {
    const was = this.dataStarts[row]! >= 0
    this.dataStarts[row] = at ?? -1
    // A row checked later is placed either way.
    if (was !== (at !== null) && (this.states[row]! & CHECK_LATER) === 0) this.placed += was ? -1 : 1
  }

  method(row: number): number {
    return this.methods[row]!
  }

  sizeKnown(row: number): boolean {
    return (this.states[row]! & SIZE_KNOWN) !== 0
  }

  checkLater(row: number): boolean {
    return (this.states[row]! & CHECK_LATER) !== 0
  }

  setCheckLater(row: number, later: boolean): void {
    const state = this.states[row]!
    if (((state & CHECK_LATER) !== 0) === later) return
    this.states[row] = later ? state | CHECK_LATER : state & ~CHECK_LATER
    // A row whose data start is known is placed either way.
    if (this.dataStarts[row]! < 0) this.placed += later ? 1 : -1
  }
}
