import type { EntryInfo } from '../../../shared/model/archive'
import type { Container, IndexedEntry } from '../entry'
import { entryKind } from '../kind'
import { dosLocalTime } from '../time'
import { FLAG_ENCRYPTED } from './local'
import { methodName } from './methods'
import { decodeZipName, safeName } from './names'

/** What either the central directory or a recovered local header says about one entry. */
export interface ZipRecord {
  nameRaw: Uint8Array
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

export interface ZipEntry extends IndexedEntry {
  readonly info: EntryInfo
  readonly localOffset: number
  dataStart: number | null
  readonly method: number
  readonly sizeKnown: boolean
}

export function toZipEntry(record: ZipRecord, container: Container, prefix: string, part: string | null): ZipEntry | null {
  const name = safeName(decodeZipName(record.flags, record.nameRaw, record.extra))
  if (name.path.endsWith('/') && record.uncompressedSize === 0) return null
  const info: EntryInfo = {
    path: prefix + name.path,
    part,
    size: record.sizeUnknown ? 0 : record.uncompressedSize,
    compressedSize: record.compressedSize,
    crc32: record.sizeUnknown ? null : record.crc32 >>> 0,
    localTime: dosLocalTime(record.dosDate, record.dosTime),
    method: methodName(record.method),
    flags: record.flags,
    encrypted: (record.flags & FLAG_ENCRYPTED) !== 0 || record.method === 99,
    unsafePath: name.unsafe,
    kind: entryKind(name.path)
  }
  return {
    info,
    container,
    refused: null,
    localOffset: record.localOffset,
    dataStart: record.dataStart,
    method: record.method,
    sizeKnown: !record.sizeUnknown
  }
}
