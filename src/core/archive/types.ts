import type { Readable } from 'node:stream'
import type { ArchiveFormat, EntryInfo, EntryKind, Problem } from '../../shared/model/archive'

/** An entry of an opened export. `info` is what crosses the contract; the rest stays in core. */
export interface ArchiveEntry {
  readonly info: EntryInfo
  /**
   * What the info says, where a format answers it without making the info (a ZIP's entries make it
   * on first ask: a scan reads only these of 100,000 entries, for the export view, the fingerprint,
   * the audio a recording names and the report's counts). Read them through pathOf, partOf,
   * kindOf, sizeOf, compressedSizeOf and crc32Of below, which fall back on the info.
   */
  readonly path?: string
  readonly part?: string | null
  readonly kind?: EntryKind
  readonly size?: number
  readonly compressedSize?: number
  /** The info's crc32 (null: not known). */
  readonly crc32?: number | null
  /**
   * Answers what the listing learnt of a plain path on its walk over the name (printable ASCII
   * without a backslash, ':', '..' or '!/'): the FNV-1a of its characters with A-Z lower-cased,
   * where its last '/' and the last '.' after it are (-1: none), whether it holds '__'. False, `out` untouched, for any
   * other path, and where the format keeps no such facts: the export view then walks the path itself.
   */
  plainShape?(out: PlainShape): boolean
}

/** The entry's info.path, read without making the info where the entry answers it (ArchiveEntry.path). */
export const pathOf = (e: ArchiveEntry): string => e.path ?? e.info.path
export const partOf = (e: ArchiveEntry): string | null => (e.part !== undefined ? e.part : e.info.part)
export const kindOf = (e: ArchiveEntry): EntryKind => e.kind ?? e.info.kind
export const sizeOf = (e: ArchiveEntry): number => e.size ?? e.info.size
export const compressedSizeOf = (e: ArchiveEntry): number => e.compressedSize ?? e.info.compressedSize
export const crc32Of = (e: ArchiveEntry): number | null => (e.crc32 !== undefined ? e.crc32 : e.info.crc32)

/** What ArchiveEntry.plainShape fills in. */
export interface PlainShape {
  hash: number
  slash: number
  dot: number
  /** The path holds '__' (so it may hold a '__MACOSX' folder). */
  underscores: boolean
}

export interface ByteRange {
  /** First byte, inclusive. */
  start: number
  /** Last byte, inclusive (HTTP Range semantics). */
  end: number
}

export interface OpenProgress {
  phase: 'listing' | 'nested' | 'parts' | 'done'
  entries: number
  bytes: number
  totalBytes: number
}

export interface OpenOptions {
  signal?: AbortSignal
  onProgress?: (p: OpenProgress) => void
  limits?: Partial<ArchiveLimits>
}

/** Bounds that keep hostile archives from exhausting memory, disk or time. */
export interface ArchiveLimits {
  /** Largest uncompressed/compressed ratio tolerated while inflating one entry. */
  maxRatio: number
  /** Largest uncompressed size of one entry, in bytes. */
  maxEntryBytes: number
  /** Largest total uncompressed size one export may declare (nested archives included), and the most temp space inflated nested archives may take, in bytes. */
  maxTotalBytes: number
  /** Most entries listed from one archive (nested ones included). */
  maxEntries: number
  /** Deepest nesting of archives inside archives. */
  maxDepth: number
  /** Most inflated bytes of a tar.gz kept in a temporary copy for random access; the rest is read by inflating again. */
  maxSpillBytes: number
}

/** One opened export: an index of its entries, and reads on demand. Never holds the archive's bytes. */
export interface OpenedArchive {
  readonly format: ArchiveFormat
  /** The path the person opened (a file, a folder, or one part of a multipart export). */
  readonly path: string
  /** The files that make up the export; one for a plain archive. */
  readonly parts: ReadonlyArray<{ path: string; bytes: number }>
  readonly bytes: number
  readonly entries: ReadonlyArray<ArchiveEntry>
  readonly problems: Problem[]
  /** Quick identity: sizes plus a hash of the directory listing. */
  readonly fingerprint: string
  /** The entry's bytes (or a range of them), inflated and checked against limits and CRC. */
  openEntry(entry: ArchiveEntry, range?: ByteRange): Promise<Readable>
  close(): Promise<void>
}
