import type { OpenContext } from '../context'
import { parseExtra } from './extra'
import { LOCAL_FIXED } from './local'
import { decodeZipName, safeName } from './names'
import type { ZipEntry } from './record'

/**
 * Two entries of one name: `unzip` extracts the first, most libraries keep the last, so a reader
 * can be shown one file while the evidence hashes the other. Both stay listed (and readable); the
 * problem names both local headers' offsets. One Map pass over the listing.
 */
export function reportDuplicateNames(entries: readonly ZipEntry[], ctx: OpenContext): void {
  const first = new Map<string, ZipEntry>()
  for (const e of entries) {
    const seen = first.get(e.info.path)
    if (seen === undefined) {
      first.set(e.info.path, e)
      continue
    }
    const offsets = [seen.localOffset, e.localOffset]
    ctx.problems.add(
      'duplicate-name',
      e.info.path,
      `${e.info.path} is in the archive more than once (local headers at bytes ${offsets[0]} and ${offsets[1]}); tools differ on which copy they read, so Exportscope lists every copy.`,
      offsets
    )
  }
}

/**
 * The local header at `at` in `buf` names the entry otherwise than the central directory does:
 * a tool that streams local headers then sees another file than one that reads the directory.
 * Plain ASCII names are compared byte by byte without decoding; others are decoded as the directory's are.
 * Returns the local name when it differs, else null. `prefix` is the nested archive's path prefix.
 */
export function localNameDiffers(buf: Buffer, at: number, entry: ZipEntry, prefix: string): string | null {
  const flags = buf.readUInt16LE(at + 6)
  const nameLength = buf.readUInt16LE(at + 26)
  const extraLength = buf.readUInt16LE(at + 28)
  const start = at + LOCAL_FIXED
  const path = entry.info.path
  if (path.length - prefix.length === nameLength) {
    let same = true
    for (let i = 0; i < nameLength; i++) {
      if (buf[start + i] !== path.charCodeAt(prefix.length + i)) {
        same = false
        break
      }
    }
    if (same) return null
  }
  const raw = buf.subarray(start, start + nameLength)
  const local = safeName(decodeZipName(flags, raw, parseExtra(buf.subarray(start + nameLength, start + nameLength + extraLength)))).path
  // (Info-ZIP writes its Unicode Path field into both headers, so a name taken from it compares too.)
  return prefix + local === path ? null : local
}
