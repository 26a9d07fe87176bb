/** Ogg's page checksum: CRC-32, polynomial 0x04c11db7, not reflected, no final xor. */
const TABLE = (() => {
  const t = new Uint32Array(256)
  for (let i = 0; i < 256; i++) {
    let r = i << 24
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1
    t[i] = r >>> 0
  }
  return t
})()

export function oggCrc(bytes: Uint8Array, skipFrom = -1): number {
  let crc = 0
  for (let i = 0; i < bytes.length; i++) {
    // The page's own CRC field counts as zeros.
    const byte = skipFrom >= 0 && i >= skipFrom && i < skipFrom + 4 ? 0 : bytes[i]!
    crc = ((crc << 8) ^ TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0
  }
  return crc
}
