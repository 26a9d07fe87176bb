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
  // One Set.add per entry; the copies' first occurrences are looked up only when there are copies.
  const seen = new Set<string>()
  let copies: ZipEntry[] | null = null
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!
    const before = seen.size
    seen.add(e.info.path)
    if (seen.size === before) (copies ??= []).push(e)
  }
  if (copies === null) return
  const named = new Set(copies.map((e) => e.info.path))
  const first = new Map<string, ZipEntry>()
  for (const e of entries) if (named.has(e.info.path) && !first.has(e.info.path)) first.set(e.info.path, e)
  for (const e of copies) {
    const offsets = [first.get(e.info.path)!.localOffset, e.localOffset]
    ctx.problems.add(
      'duplicate-name',
      e.info.path,
      `${e.info.path} is in the archive more than once (local headers at bytes ${offsets[0]} and ${offsets[1]}); tools differ on which copy they read, so Exportscope lists every copy.`,
      offsets
    )
  }
}

/**
 * Whether the plain name `path` minus `prefix` is exactly the `length` bytes at `start`: the usual
 * case, checked byte by byte without making a string. False sends the caller to localNameDiffers.
 */
export function samePlainName(buf: Buffer, start: number, length: number, path: string, prefix: number): boolean {
  if (path.length - prefix !== length) return false
  for (let i = 0; i < length; i++) if (buf[start + i] !== path.charCodeAt(prefix + i)) return false
  return true
}

/**
 * The local header at `at` in `buf` names the entry otherwise than the central directory does:
 * a tool that streams local headers then sees another file than one that reads the directory.
 * Decodes the local name as the directory's names are decoded; returns it when it differs, else
 * null. `prefix` is the nested archive's path prefix. Called only where samePlainName said no.
 */
export function localNameDiffers(buf: Buffer, at: number, entry: ZipEntry, prefix: string): string | null {
  const flags = buf.readUInt16LE(at + 6)
  const nameLength = buf.readUInt16LE(at + 26)
  const extraLength = buf.readUInt16LE(at + 28)
  const start = at + LOCAL_FIXED
  const raw = buf.subarray(start, start + nameLength)
  const local = safeName(decodeZipName(flags, raw, parseExtra(buf.subarray(start + nameLength, start + nameLength + extraLength)))).path
  // (Info-ZIP writes its Unicode Path field into both headers, so a name taken from it compares too.)
  return prefix + local === entry.info.path ? null : local
}
