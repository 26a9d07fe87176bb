import { EXTRA_ZIP64, parseExtra, readU64 } from './extra'

export const LOCAL_SIG = 0x04034b50
export const LOCAL_FIXED = 30
export const FLAG_ENCRYPTED = 0x1
export const FLAG_DATA_DESCRIPTOR = 0x8

export interface LocalHeader {
  offset: number
  flags: number
  method: number
  dosTime: number
  dosDate: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  nameRaw: Buffer
  extra: Map<number, Buffer>
  dataStart: number
  /** The sizes are left for a data descriptor after the data (general purpose bit 3). */
  deferredSizes: boolean
}

/**
 * Parses the local header at `at` in `buf` (whose first byte is at file offset `base`).
 * 'short' when the buffer ends inside the header, null when there is no header there.
 */
export function parseLocalHeader(buf: Buffer, at: number, base: number): LocalHeader | 'short' | null {
  if (at + LOCAL_FIXED > buf.length) return 'short'
  if (buf.readUInt32LE(at) !== LOCAL_SIG) return null
  const flags = buf.readUInt16LE(at + 6)
  const nameLength = buf.readUInt16LE(at + 26)
  const extraLength = buf.readUInt16LE(at + 28)
  const end = at + LOCAL_FIXED + nameLength + extraLength
  if (end > buf.length) return 'short'
  const extra = parseExtra(buf.subarray(at + LOCAL_FIXED + nameLength, end))
  let compressedSize = buf.readUInt32LE(at + 18)
  let uncompressedSize = buf.readUInt32LE(at + 22)
  const zip64 = extra.get(EXTRA_ZIP64)
  // In a local header the Zip64 field holds both sizes, uncompressed first.
  if (zip64 && zip64.length >= 16 && (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff)) {
    uncompressedSize = readU64(zip64, 0)
    compressedSize = readU64(zip64, 8)
  }
  return {
    offset: base + at,
    flags,
    method: buf.readUInt16LE(at + 8),
    dosTime: buf.readUInt16LE(at + 10),
    dosDate: buf.readUInt16LE(at + 12),
    crc32: buf.readUInt32LE(at + 14),
    compressedSize,
    uncompressedSize,
    // A view into `buf`: whoever keeps the header past the next read of `buf` must copy it.
    nameRaw: buf.subarray(at + LOCAL_FIXED, at + LOCAL_FIXED + nameLength),
    extra,
    dataStart: base + end,
    deferredSizes: (flags & FLAG_DATA_DESCRIPTOR) !== 0 && compressedSize === 0
  }
}
