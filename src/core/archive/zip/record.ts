import type { EntryInfo, EntryKind } from '../../../shared/model/archive'
import type { Container, IndexedEntry } from '../entry'
import type { EntryReadError } from '../errors'
import { holdsData, reportFolderWithData, withoutFolderMark } from '../folder-mark'
import { entryKind, kindAt } from '../kind'
import type { ProblemLog } from '../problems'
import { dosLocalTime } from '../time'
import type { ArchiveLimits, PlainShape } from '../types'
import { deferredEndOf, quietOf, type ListedFacts } from './listed'
import { FLAG_ENCRYPTED } from './local'
import { methodName } from './methods'
import { decodeZipName, nameHashOf, plainName, safeName, type PlainFacts } from './names'
import type { ZipRows } from './rows'

/** What either the central directory or a recovered local header says about one entry. */
export interface ZipRecord {
  /** The name's bytes are nameBuf[nameStart, nameEnd), often a view into a buffer that is reused: never kept. */
  nameBuf: Buffer
  nameStart: number
  nameEnd: number
  extra: Map<number, Buffer>
  flags: number
  method: number
  dosTime: number
  dosDate: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localOffset: number
  /** Known for recovered records; found by reading the local header for central ones. */
  dataStart: number | null
  /** Recovered without its data descriptor: the sizes and CRC are not known. */
  sizeUnknown: boolean
}

/** What a ZipEntry reads its place from: the container that reads it, and its rows. */
export interface RowOwner extends Container {
  readonly rows: ZipRows
  readonly limits: ArchiveLimits
  /** The part file every entry of this ZIP is in (a multipart export), else null: kept once, not per entry. */
  readonly part: string | null
}

/** EntryKind by its place in the rows' kind column (ZipRows.setInfo); a test holds it to the contract's list. */
export const KINDS: readonly EntryKind[] = ['audio', 'document', 'data', 'archive', 'image', 'other']
const kindCode = (kind: EntryKind): number => KINDS.indexOf(kind)

/**
 * One entry of a ZIP: its path, and a row of its container's ZipRows for where it is and what its
 * info says (see rows.ts for why these are not fields of their own). The info object is made when
 * first asked for and kept: a scan of 100,000 entries reads their path, part, kind and size only
 * (the export view, the audio a recording names, the report's counts), and an info object and its
 * eleven fields per entry were made at listing for nobody, and copied by the young GC.
 */
export class ZipEntry implements IndexedEntry {
  // Three fields and no more: 100,000 entries are made at listing and kept, and each field is 8
  // bytes an entry. Why reads are refused and the info once made are rare, kept by the rows.
  constructor(
    readonly path: string,
    readonly container: RowOwner,
    readonly row: number
  ) {}

  get refused(): EntryReadError | null {
    return this.container.rows.refused(this.row)
  }

  set refused(error: EntryReadError | null) {
    this.container.rows.setRefused(this.row, error)
  }

  get part(): string | null {
    return this.container.part
  }

  get info(): EntryInfo {
    const rows = this.container.rows
    let info = rows.info(this.row)
    if (info === null) rows.setMadeInfo(this.row, (info = infoOf(this)))
    return info
  }

  get kind(): EntryKind {
    return KINDS[this.container.rows.kind(this.row)]!
  }

  /** The info's size: 0 when the record did not tell it. */
  get size(): number {
    return this.container.rows.size(this.row)
  }

  get compressedSize(): number {
    return this.container.rows.compressedSize(this.row)
  }

  /** The info's crc32: null when the record did not tell the sizes (nor so the CRC). */
  get crc32(): number | null {
    const rows = this.container.rows
    return rows.sizeKnown(this.row) ? rows.crc32(this.row) : null
  }

  get localOffset(): number {
    return this.container.rows.localOffset(this.row)
  }

  get dataStart(): number | null {
    return this.container.rows.dataStart(this.row)
  }

  set dataStart(at: number | null) {
    this.container.rows.setDataStart(this.row, at)
  }

  get method(): number {
    return this.container.rows.method(this.row)
  }

  get sizeKnown(): boolean {
    return this.container.rows.sizeKnown(this.row)
  }

  /**
   * The local header is checked when the entry is first read, not at listing: stored audio, which
   * a scan never reads and whose 100,000 headers cost a read each (see verify.ts, deferrable).
   */
  get checkLater(): boolean {
    return this.container.rows.checkLater(this.row)
  }

  set checkLater(later: boolean) {
    this.container.rows.setCheckLater(this.row, later)
  }

  /** ArchiveEntry.plainShape: what the listing noted of a plain name, read from the rows. */
  plainShape(out: PlainShape): boolean {
    return this.container.rows.plainShape(this.row, out)
  }
}

// Filled by plainName for the entry being listed: one walk over the name's bytes gives its hash and where its kind is read.
const facts: PlainFacts = { hash: 0, slash: -1, dot: -1, bangSlash: false, underscores: false }
// What the checks after listing read of the entry (listed.ts), filled from the record at hand.
const listed: ListedFacts = { audio: false, method: 0, sizeKnown: false, encrypted: false, unsafePath: false, compressedSize: 0, size: 0, dataStart: null, localOffset: 0, nameLength: 0 }

export function toZipEntry(record: ZipRecord, container: RowOwner, prefix: string, problems: ProblemLog): ZipEntry | null {
  const { nameBuf, nameStart, nameEnd } = record
  let plain = plainName(nameBuf, nameStart, nameEnd, record.extra, facts)
  const name = plain !== null ? { path: plain, unsafe: false } : safeName(decodeZipName(record.flags, nameBuf.subarray(nameStart, nameEnd), record.extra))
  const marked = name.path.endsWith('/')
  if (marked) {
    if (!holdsData(record.uncompressedSize, record.compressedSize)) return null
    name.path = withoutFolderMark(name.path)
    // The facts plainName found are of the name with its mark: the path is taken the long way.
    plain = null
    reportFolderWithData(problems, prefix + name.path, nameBuf[nameEnd - 1] === 0x5c ? '\\' : '/', record.uncompressedSize, record.compressedSize)
  }
  const kind = plain !== null ? kindAt(plain, facts.slash, facts.dot, facts.underscores) : entryKind(name.path)
  const encrypted = (record.flags & FLAG_ENCRYPTED) !== 0 || record.method === 99
  const size = record.sizeUnknown ? 0 : record.uncompressedSize
  // Within one ZIP every path has the same prefix, so the name alone tells paths apart.
  const hash = plain !== null ? facts.hash : nameHashOf(name.path)
  const rows = container.rows
  const row = rows.add(record.localOffset, record.dataStart, record.method, !record.sizeUnknown, hash)
  // What the export view would work out again on a walk of its own (export-view.ts, viewEntry).
  if (plain !== null && prefix === '' && !facts.bangSlash) rows.setPlain(row, facts.slash, facts.dot, facts.underscores)
  rows.setInfo(row, record.crc32 >>> 0, record.dosDate, record.dosTime, record.flags, kindCode(kind), encrypted, name.unsafe)
  if (marked) rows.setFolderMark(row)
  listed.audio = kind === 'audio'
  listed.method = record.method
  listed.sizeKnown = !record.sizeUnknown
  listed.encrypted = encrypted
  listed.unsafePath = name.unsafe
  listed.compressedSize = record.compressedSize
  listed.size = size
  listed.dataStart = record.dataStart
  listed.localOffset = record.localOffset
  listed.nameLength = name.path.length
  rows.setListed(row, record.compressedSize, size, deferredEndOf(listed), quietOf(listed, container.limits))
  return new ZipEntry(prefix + name.path, container, row)
}

/** The info of a listed entry, from its rows: what toZipEntry made of the record at listing. */
function infoOf(e: ZipEntry): EntryInfo {
  const rows = e.container.rows
  const row = e.row
  const info: EntryInfo = {
    path: e.path,
    part: e.part,
    size: rows.size(row),
    compressedSize: rows.compressedSize(row),
    crc32: null,
    localTime: dosLocalTime(rows.dosDate(row), rows.dosTime(row)),
    method: methodName(rows.method(row)),
    flags: rows.flags(row),
    encrypted: rows.encrypted(row),
    unsafePath: rows.unsafePath(row),
    kind: KINDS[rows.kind(row)]!
  }
  // Set after the object is made, so its shape starts the field as a pointer (null): small CRCs
  // are then stored inline and only those of 2^31 or more as numbers of their own.
  if (rows.sizeKnown(row)) info.crc32 = rows.crc32(row)
  return info
}

/**
 * The rows of `entries` when entry i is row i of them (the entries of one listing, none dropped):
 * then the passes at listing read the rows' columns in order instead of every entry. Else null.
 */
export function alignedRows(entries: readonly ZipEntry[]): ZipRows | null {
  if (entries.length === 0) return null
  const rows = entries[0]!.container.rows
  // Entries are made in row order and a filter keeps that order, so as many entries as rows, all of
  // one container, are rows 0, 1, 2, … (the first and last are checked all the same).
  return rows.length === entries.length && entries[0]!.row === 0 && entries[entries.length - 1]!.row === rows.length - 1 ? rows : null
}

/** Where an entry's data starts, known or (for a header checked later) at the earliest: right after a header with an empty name. */
export const dataFrom = (e: ZipEntry): number | null => e.container.rows.dataFrom(e.row)

/**
 * The entries whose data start is known or bounded (`placed`: dataFrom not null) or not (its
 * header is still to read), sorted by header offset, without reordering `entries`. Writers put the
 * directory in file order, so usually this is `entries` itself: no copy and no sort.
 */
export function inFileOrder(entries: ZipEntry[], placed: boolean): ZipEntry[] {
  const rows = alignedRows(entries)
  if (rows && rowsInFileOrder(rows, placed)) return entries
  let sorted = true
  let all = true
  let last = -1
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!
    if ((e.dataStart !== null || e.checkLater) !== placed) all = false
    else if (e.localOffset < last) sorted = false
    else last = e.localOffset
  }
  if (all && sorted) return entries
  const kept = entries.filter((e) => (e.dataStart !== null || e.checkLater) === placed)
  return sorted ? kept : kept.sort((a, b) => a.localOffset - b.localOffset)
}

/** Whether every row is `placed` (as inFileOrder means it) and the rows are sorted by header offset: kept by the rows as they change. */
const rowsInFileOrder = (rows: ZipRows, placed: boolean): boolean => rows.ascending && rows.placed === (placed ? rows.length : 0)
