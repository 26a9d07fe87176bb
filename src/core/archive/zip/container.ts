import type { Readable } from 'node:stream'
import type { OpenContext } from '../context'
import type { IndexedEntry } from '../entry'
import { EntryReadError } from '../errors'
import type { ProblemLog } from '../problems'
import { checkRange, guardedRead } from '../read'
import { SliceSource, type ByteSource } from '../source'
import type { ArchiveLimits, ByteRange } from '../types'
import { isZipName } from '../kind'
import { listCentral } from './central'
import { centralDirectoryDamage } from './damage'
import { judgeEntries } from './judge'
import { toZipEntry, type RowOwner, type ZipEntry, type ZipRecord } from './record'
import { ZipRows } from './rows'
import { scanLocalHeaders } from './recover'
import { checkHeaderLater, verifyLocalHeaders } from './verify'

export interface ZipScope {
  /** Put before every path: '' for the outer archive, 'outer/inner.zip!/' inside a nested one. */
  prefix: string
  part: string | null
}

/** Reads entries of one ZIP straight from its source: stored ones by offset, deflated ones inflated under the limits. */
export class ZipContainer implements RowOwner {
  readonly rows = new ZipRows()
  // One check per entry even when two reads of it start at once.
  private readonly checking = new Map<ZipEntry, Promise<void>>()

  constructor(
    private readonly source: ByteSource,
    readonly limits: ArchiveLimits,
    private readonly problems: ProblemLog,
    private readonly prefix: string,
    readonly part: string | null
  ) {}

  /** Checks the local header that listing left for the first read (verify.ts, deferrable); throws when it refuses the entry. */
  private async checked(e: ZipEntry): Promise<void> {
    // A read that comes while another's check is under way waits for it: checkHeaderLater clears
    // checkLater at once, before the header (and so dataStart) is known.
    let check = this.checking.get(e)
    if (!check && e.checkLater) {
      check = checkHeaderLater(this.source, e, this.problems, this.prefix).finally(() => this.checking.delete(e))
      this.checking.set(e, check)
    }
    if (check) await check
    if (e.refused) throw e.refused
  }

  async read(entry: IndexedEntry, wanted: ByteRange | undefined): Promise<Readable> {
    const e = entry as ZipEntry
    await this.checked(e)
    const { path, size, compressedSize, crc32 } = e.info
    let range = checkRange(path, e.sizeKnown ? size : null, wanted)
    if (range && range.start === 0 && e.sizeKnown && range.end >= size - 1) range = undefined
    if (e.dataStart === null) throw new EntryReadError('damaged', path, `The data of ${path} could not be located in the archive.`)
    const start = e.dataStart
    if (e.method === 0 && range && e.sizeKnown) {
      const raw = this.source.stream(start + range.start, start + range.end + 1)
      return guardedRead({ path, raw, deflated: false, declaredSize: range.end - range.start + 1, crc32: null, range: undefined, limits: this.limits })
    }
    const deflated = e.method === 8
    // Small reads for inflated data, so the ratio is judged on what was really consumed.
    const raw = this.source.stream(start, start + compressedSize, deflated ? 16 * 1024 : 64 * 1024)
    return guardedRead({ path, raw, deflated, declaredSize: e.sizeKnown ? size : null, crc32: e.sizeKnown ? crc32 : null, range, limits: this.limits })
  }

  async storedSource(entry: IndexedEntry): Promise<ByteSource | null> {
    const e = entry as ZipEntry
    await this.checked(e).catch(() => undefined)
    // A stored entry's bytes are its data as they lie, so one whose size was lost (its descriptor not
    // found) is opened in place over the extent recovery gave it, not copied to a temp file first.
    if (e.method !== 0 || e.info.encrypted || e.refused || e.dataStart === null) return null
    return new SliceSource(this.source, e.dataStart, e.info.compressedSize)
  }
}

export interface ZipListing {
  entries: ZipEntry[]
  /** Where in `entries` the names that end in '.zip' are (for expandNested); null when not kept. */
  zips: number[] | null
  /** Neither a central directory nor a single local header was found: this is not a ZIP. */
  unrecognised: boolean
}

/**
 * Lists one ZIP from its central directory, checks every entry against its local header, and
 * falls back to scanning local headers where the directory is missing, broken off or lying.
 */
export async function listZip(source: ByteSource, ctx: OpenContext, scope: ZipScope): Promise<ZipListing> {
  const container = ctx.contain(new ZipContainer(source, ctx.limits, ctx.problems, scope.prefix, scope.part))
  const entries: ZipEntry[] = []
  // Noted while each name is at hand, so expandNested need not pass over 100,000 entries to find the few.
  const zips: number[] = []
  const add = (record: ZipRecord): boolean => {
    const entry = toZipEntry(record, container, scope.prefix, ctx.problems)
    if (!entry) return true
    if (!ctx.admit()) return false
    if (isZipName(entry.path)) zips.push(entries.length)
    entries.push(entry)
    if (ctx.entries % 1000 === 0) ctx.meter.report('listing', ctx.entries, record.localOffset)
    return true
  }

  const central = await listCentral(source, ctx, add, (records) => container.rows.reserve(Math.min(records, ctx.limits.maxEntries - ctx.entries + 1)))
  const missing = await verifyLocalHeaders(source, entries, ctx, scope.prefix)
  if (central.status === 'ok' && missing.size === 0) {
    judgeEntries(entries, source.size, ctx)
    container.rows.forgetListing()
    return { entries, zips, unrecognised: false }
  }

  // Headers the directory found (even those refused for lying sizes) are not listed a second time.
  const known = new Set(entries.filter((e) => !missing.has(e)).map((e) => e.localOffset))
  const lost = new Map([...missing].map((e) => [e.path, e]))
  const dropped = new Set<ZipEntry>()
  let recovered = 0
  await scanLocalHeaders(source, ctx, (record) => {
    if (known.has(record.localOffset)) return true
    const before = entries.length
    if (!add(record)) return false
    if (entries.length === before) return true
    recovered++
    // A directory record that pointed nowhere gives way to the real header of the same name.
    const stale = lost.get(entries[entries.length - 1]!.path)
    if (stale) {
      lost.delete(stale.path)
      dropped.add(stale)
      ctx.entries--
    }
    return true
  })
  const kept = dropped.size ? entries.filter((e) => !dropped.has(e)) : entries

  const nested = scope.prefix ? scope.prefix.slice(0, -2) : null
  const damage = centralDirectoryDamage(central, nested, missing.size, recovered)
  ctx.problems.add('central-directory', nested, damage)
  judgeEntries(kept, source.size, ctx)
  container.rows.forgetListing()
  // Recovered entries are listed after the rest and dropped ones leave gaps: the places are not kept.
  return { entries: kept, zips: null, unrecognised: kept.length === 0 }
}
