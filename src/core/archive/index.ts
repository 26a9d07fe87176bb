/**
 * The archive engine: opens an export (ZIP, nested ZIP, Takeout parts, tar, tar.gz, folder) as an
 * index of entries and reads any entry on demand, never holding the archive's bytes.
 */
export { openArchive } from './open'
export { hashArchive, type HashOptions, type HashProgress } from './hash'
export { combinedSha256, exportSha256 } from './combined-sha256'
export { defaultLimits } from './limits'
export { entryKind } from './kind'
export { ArchiveOpenError, EntryReadError, type EntryErrorReason, type OpenErrorReason } from './errors'
export { pathOf, partOf, kindOf, sizeOf, crc32Of } from './types'
export type { ArchiveEntry, ArchiveLimits, ByteRange, OpenOptions, OpenProgress, OpenedArchive } from './types'
