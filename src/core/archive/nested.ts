import { pipeline } from 'node:stream/promises'
import type { OpenContext } from './context'
import type { IndexedEntry } from './entry'
import { isAbortError, messageOf } from './errors'
import { isZipName } from './kind'
import { FileSource, readAt, type ByteSource } from './source'
import { tempBudget } from './temp-budget'
import { listZip } from './zip/container'
import { pathOf } from './types'


/** Inflates a compressed inner archive into the private temp area, bounded by the limits (size, ratio, CRC). */
async function inflateToTemp(entry: IndexedEntry, ctx: OpenContext): Promise<ByteSource | null> {
  const { path, size } = entry.info
  const budget = tempBudget(ctx.limits, ctx.meter.totalBytes)
  if (ctx.temp.bytes + size > budget) {
    ctx.problems.add('limit', path, `${path} would need ${size} bytes of temporary space, past the limit of ${budget}; it is listed as a file but not opened.`)
    return null
  }
  ctx.temp.bytes += size
  const file = await ctx.temp.create('nested.zip')
  try {
    await pipeline(await entry.container.read(entry, undefined), file.handle.createWriteStream(), { signal: ctx.signal })
  } finally {
    await file.handle.close().catch(() => undefined)
  }
  return ctx.own(await FileSource.open(file.path))
}

async function openInner(entry: IndexedEntry, ctx: OpenContext, depth: number): Promise<IndexedEntry[]> {
  const { path } = entry.info
  const source = (await entry.container.storedSource(entry)) ?? (await inflateToTemp(entry, ctx))
  if (!source) return []
  const magic = await readAt(source, 0, 4)
  if (magic.length < 4 || magic.readUInt16LE(0) !== 0x4b50 || ![0x0403, 0x0605].includes(magic.readUInt16LE(2))) {
    ctx.problems.add('nested', path, `${path} is named like a ZIP archive but is not one; it is listed as a file.`)
    return []
  }
  const listing = await listZip(source, ctx, { prefix: `${path}!/`, part: entry.info.part })
  // Its own nested archives, one level deeper.
  return expandNested(listing.entries, ctx, depth, listing.zips)
}

/**
 * Opens every ZIP found among `entries` in place (stored) or from a bounded temp file (deflated),
 * down to limits.maxDepth, and returns the entries with each inner archive's entries after it.
 * `depth` is the nesting of `entries` themselves: 0 for the outer archive.
 */
export async function expandNested(entries: IndexedEntry[], ctx: OpenContext, depth: number, named: readonly number[] | null = null): Promise<IndexedEntry[]> {
  // One pass finds them, or the places the listing noted (`named`: where the names ending in
  // '.zip' are, in order); a listing without any (the usual case) is handed back as it is.
  const zips: number[] = []
  if (named) {
    for (const i of named) if (!entries[i]!.refused) zips.push(i)
  } else {
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!
      if (!entry.refused && isZipName(pathOf(entry))) zips.push(i)
    }
  }
  if (zips.length === 0) return entries
  // The outer entries between the archives go over as slices joined once at the end: an export
  // with one small ZIP near its start (Amazon's Devices.Registration.zip) pushed its 100,000 other
  // entries one by one.
  const pieces: IndexedEntry[][] = []
  let from = 0
  for (const i of zips) {
    pieces.push(entries.slice(from, i + 1))
    from = i + 1
    const entry = entries[i]!
    if (depth + 1 > ctx.limits.maxDepth) {
      ctx.problems.add('nested-too-deep', entry.info.path, `${entry.info.path} is nested ${depth + 1} archives deep, past the limit of ${ctx.limits.maxDepth}; it is listed as a file but not opened.`)
      continue
    }
    if (ctx.full) continue
    ctx.checkAbort()
    ctx.meter.report('nested', ctx.entries, 0, true)
    try {
      pieces.push(await openInner(entry, ctx, depth + 1))
    } catch (err) {
      if (isAbortError(err) || ctx.signal?.aborted) throw err
      ctx.problems.add('nested', entry.info.path, `${entry.info.path} could not be opened as an archive: ${messageOf(err)}`)
    }
  }
  pieces.push(entries.slice(from))
  return ([] as IndexedEntry[]).concat(...pieces)
}
