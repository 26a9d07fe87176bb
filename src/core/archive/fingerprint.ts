import { createHash } from 'node:crypto'
import type { ArchiveEntry } from './types'

/**
 * A quick identity for an export, known long before its full SHA-256: the part sizes and a hash
 * of the listing (path, sizes, CRC of every entry). Same export, same fingerprint, on any machine.
 */
export function fingerprintOf(parts: ReadonlyArray<{ bytes: number }>, entries: ReadonlyArray<ArchiveEntry>): string {
  const hash = createHash('sha256')
  hash.update(`parts:${parts.map((p) => p.bytes).join(',')}\n`)
  for (const { info } of entries) hash.update(`${info.path}\0${info.size}\0${info.compressedSize}\0${info.crc32 ?? ''}\n`)
  const total = parts.reduce((sum, p) => sum + p.bytes, 0)
  return `fp1-${total}-${hash.digest('hex').slice(0, 32)}`
}
