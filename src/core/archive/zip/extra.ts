/** The extra fields of a ZIP header, tolerant of a truncated last field (some writers get it wrong). */
const NONE: Map<number, Buffer> = new Map()

export function parseExtra(raw: Uint8Array): Map<number, Buffer> {
  // Most entries have no extra field; one shared empty map spares a Map per entry.
  if (raw.byteLength < 4) return NONE
  const fields = new Map<number, Buffer>()
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength)
  let i = 0
  while (i + 4 <= buf.length) {
    const id = buf.readUInt16LE(i)
    const size = buf.readUInt16LE(i + 2)
    const end = i + 4 + size
    if (end > buf.length) break
    if (!fields.has(id)) fields.set(id, buf.subarray(i + 4, end))
    i = end
  }
  return fields
}

export const EXTRA_ZIP64 = 0x0001
export const EXTRA_UNICODE_PATH = 0x7075

/** Reads one little-endian 64-bit size; exact up to 2^53, which is beyond any file a laptop holds. */
export function readU64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at) + buf.readUInt32LE(at + 4) * 0x1_0000_0000
}
