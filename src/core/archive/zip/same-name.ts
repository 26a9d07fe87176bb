import type { OpenContext } from '../context'
import { shiftFor, slotOf } from '../../fnv'
import { placesByText, PROBES_AT_START, PROBES_PER_NAME } from '../../flood-budget'
import { withoutFolderMark } from '../folder-mark'
import { parseExtra } from './extra'
import { LOCAL_FIXED } from './local'
import { decodeZipName, safeName } from './names'
import { alignedRows, type ZipEntry } from './record'

// Read once into this module (see rows.ts): called for every entry listed.
const slot = slotOf

/**
 * Two entries of one name: `unzip` extracts the first, most libraries keep the last, so a reader
 * can be shown one file while the evidence hashes the other. Both stay listed (and readable); the
 * problem names both local headers' offsets. One pass over the listing through an open-addressed
 * table of typed arrays (each name's hash, taken at listing and kept in the rows, and the index of
 * its first entry): a Set of 100,000 names cost its growth, a collection and a read of every name;
 * names are compared only when their hashes are equal. A name's first slot is fnv.ts slotOf of
 * its hash, which names built to share a hash or its low bits do not share; names built to share
 * it from any start run the probes past their budget (flood-budget.ts), and the copies are then
 * found by sorting the names. All entries are of one ZIP (one set of rows).
 */
export function reportDuplicateNames(entries: readonly ZipEntry[], ctx: OpenContext): void {
  const n = entries.length
  if (n < 2) return
  const rows = entries[0]!.container.rows
  // Entry i is row i (the usual case): its hash is read without touching the entry.
  const aligned = alignedRows(entries) !== null
  let size = 2
  while (size < n * 2) size *= 2
  const mask = size - 1
  const shift = shiftFor(size)
  // Per slot, side by side (one cache line per probe): the index of the first entry of a name plus
  // one (0: an empty slot), and that name's hash.
  const table = new Int32Array(size * 2)
  let copies: Copy[] | null = null
  const allowance = PROBES_AT_START + PROBES_PER_NAME * n
  let probes = 0
  for (let i = 0; i < n; i++) {
    const h = rows.nameHash(aligned ? i : entries[i]!.row)
    for (let at = slot(h, shift); ; at = (at + 1) & mask) {
      const held = table[2 * at]!
      if (held === 0) {
        table[2 * at] = i + 1
        table[2 * at + 1] = h
        break
      }
      if (table[2 * at + 1] === h && entries[held - 1]!.path === entries[i]!.path) {
        ;(copies ??= []).push([entries[held - 1]!, entries[i]!])
        break
      }
      if (++probes > allowance) break
    }
    if (probes > allowance) {
      copies = copiesBySorting(entries)
      break
    }
  }
  if (copies === null) return
  for (const [first, e] of copies) {
    const offsets = [first.localOffset, e.localOffset]
    ctx.problems.add(
      'duplicate-name',
      e.info.path,
      `${e.info.path} is in the archive more than once (local headers at bytes ${offsets[0]} and ${offsets[1]}); tools differ on which copy they read, so Exportscope lists every copy.`,
      offsets
    )
  }
}

type Copy = [first: ZipEntry, copy: ZipEntry]

/** What the table finds, found by sorting the names instead (O(n log n) compares): each later copy, in listing order, with the first entry of its name. */
function copiesBySorting(entries: readonly ZipEntry[]): Copy[] | null {
  const paths = entries.map((e) => e.path)
  // A name's entries in listing order, the first of them first.
  const order = placesByText(paths)
  const copies: Array<[first: number, copy: number]> = []
  for (let k = 1, first = order[0]!; k < order.length; k++) {
    const i = order[k]!
    if (paths[i] === paths[first]) copies.push([first, i])
    else first = i
  }
  if (copies.length === 0) return null
  return copies.sort((a, b) => a[1] - b[1]).map(([first, copy]) => [entries[first]!, entries[copy]!])
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
  const decoded = safeName(decodeZipName(flags, raw, parseExtra(buf.subarray(start + nameLength, start + nameLength + extraLength)))).path
  // An entry listed without its folder's mark (folder-mark.ts) is compared as it was listed.
  const local = entry.container.rows.folderMark(entry.row) ? withoutFolderMark(decoded) : decoded
  // (Info-ZIP writes its Unicode Path field into both headers, so a name taken from it compares too.)
  return prefix + local === entry.info.path ? null : local
}
