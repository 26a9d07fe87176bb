import type { OpenContext } from '../context'
import { EntryReadError } from '../errors'
import { RATIO_GRACE_BYTES } from '../limits'
import { canInflate, methodLabel } from './methods'
import { alignedRows, dataFrom, inFileOrder, type ZipEntry } from './record'
import { reportDuplicateNames } from './same-name'

/** Refuses reads of one entry and says why in the problem list. Keeps the first reason. */
function refuse(ctx: OpenContext, e: ZipEntry, kind: string, reason: EntryReadError['reason'], problem: string, error = problem): void {
  ctx.problems.add(kind, e.info.path, problem)
  e.refused ??= new EntryReadError(reason, e.info.path, error)
}

const truncated = (ctx: OpenContext, e: ZipEntry) => {
  const { path, compressedSize: csize } = e.info
  refuse(ctx, e, 'truncated', 'damaged', `${path} declares ${csize} compressed bytes, which run past the end of the file (the archive is cut off or its directory is lying); it is not read.`)
}

/** What the listing alone shows about each entry: encryption, methods we cannot inflate, absurd or bomb-like sizes. */
export function judgeEntries(entries: ZipEntry[], size: number, ctx: OpenContext): void {
  const { maxEntryBytes, maxRatio, maxTotalBytes } = ctx.limits
  // Entry i is row i: a quiet entry (listed.ts, quietOf) is judged from its rows alone.
  const rows = alignedRows(entries)
  let total = 0
  for (let i = 0; i < entries.length; i++) {
    if (rows && rows.quiet(i)) {
      total += rows.size(i)
      const from = rows.dataFrom(i)
      if (from !== null && from + rows.compressedSize(i) > size) truncated(ctx, entries[i]!)
      continue
    }
    const e = entries[i]!
    const { path, size: usize, compressedSize: csize } = e.info
    total += usize
    if (e.info.unsafePath) {
      ctx.problems.add('unsafe-path', path, `The name ${path} tries to leave the archive (absolute, a drive letter or ".."); it is shown as text and never used as a path.`)
    }
    if (e.info.encrypted) {
      refuse(ctx, e, 'encrypted', 'encrypted', `${path} is encrypted; it is listed but not read.`, `${path} is encrypted, and Exportscope does not read encrypted entries.`)
      continue
    }
    if (!canInflate(e.method)) {
      refuse(ctx, e, 'unsupported-method', 'unsupported-method', `${path} uses ${methodLabel(e.method)}, which Exportscope cannot read.`)
      continue
    }
    if (!e.sizeKnown) {
      ctx.problems.add('unknown-size', path, `The size and CRC-32 of ${path} were in a data descriptor that could not be found; it is read without those checks.`)
    }
    if (usize > maxEntryBytes) {
      refuse(ctx, e, 'limit', 'limit', `${path} declares ${usize} bytes, more than the limit of ${maxEntryBytes} for one entry; it is not read.`)
    } else if (e.method === 8 && usize > RATIO_GRACE_BYTES && usize > maxRatio * Math.max(csize, 1)) {
      refuse(ctx, e, 'zip-bomb', 'limit', `${path} declares ${usize} bytes from ${csize} compressed (more than ${maxRatio}:1, a zip bomb); it is not read.`)
    } else if (e.method === 0 && e.sizeKnown && csize !== usize) {
      refuse(ctx, e, 'size-mismatch', 'size-mismatch', `${path} is stored uncompressed but declares ${csize} stored and ${usize} real bytes; it is not read.`)
    }
    // A header checked later bounds where the data starts: right after an empty name at the least.
    const from = dataFrom(e)
    if (from !== null && from + csize > size) truncated(ctx, e)
  }
  if (total > maxTotalBytes) {
    ctx.problems.add('limit', null, `The entries declare ${total} bytes in total, more than the limit of ${maxTotalBytes}; each entry is still checked as it is read.`)
  }
  findOverlaps(entries, ctx)
  reportDuplicateNames(entries, ctx)
}

/**
 * Entries whose bytes overlap: the trick of non-recursive zip bombs, where many directory
 * records point into one shared run of compressed data. Both sides of every overlap are refused.
 * An entry whose header is checked later counts from the earliest its data can start, so an
 * overlap shorter than its header's name and extra field is left to that check.
 */
function findOverlaps(entries: ZipEntry[], ctx: OpenContext): void {
  const placed = inFileOrder(entries, true)
  // Entry i is row i: offsets and ends are read from the rows, and an entry is touched only when it overlaps.
  const rows = placed === entries ? alignedRows(entries) : null
  let holderAt = -1
  let holderEnd = -1
  for (let i = 0; i < placed.length; i++) {
    const offset = rows ? rows.localOffset(i) : placed[i]!.localOffset
    const end = rows ? rows.dataFrom(i)! + rows.compressedSize(i) : dataFrom(placed[i]!)! + placed[i]!.info.compressedSize
    if (holderAt >= 0 && offset < holderEnd) {
      const e = placed[i]!
      const holder = placed[holderAt]!
      const other = holder.info.path
      for (const [a, b] of [[e, other], [holder, e.info.path]] as const) {
        if (a.refused?.reason === 'refused') continue
        a.refused = new EntryReadError('refused', a.info.path, `${a.info.path} shares its bytes with ${b} (overlapping entries, the trick of zip bombs); it is not read.`)
        ctx.problems.add('overlap', a.info.path, `${a.info.path} overlaps ${b} in the file (overlapping entries, the trick of zip bombs); neither is read.`)
      }
    }
    if (end > holderEnd) {
      holderAt = i
      holderEnd = end
    }
  }
}
