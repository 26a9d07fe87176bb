import { RATIO_GRACE_BYTES } from '../limits'
import type { ArchiveLimits } from '../types'
import { LOCAL_FIXED } from './local'
import { canInflate } from './methods'

// Read once into this module (see rows.ts): these are read for every entry listed.
const HEADER_FIXED = LOCAL_FIXED
const GRACE = RATIO_GRACE_BYTES

/**
 * What the checks after listing need of one entry, as plain values, so the listing works them out
 * from the record it holds (toZipEntry) and those checks read them from the rows (rows.setListed).
 */
export interface ListedFacts {
  audio: boolean
  method: number
  sizeKnown: boolean
  encrypted: boolean
  unsafePath: boolean
  compressedSize: number
  size: number
  dataStart: number | null
  localOffset: number
  /** Characters of the name without a nested archive's prefix. */
  nameLength: number
}

/**
 * Where the data of a stored audio entry with sane sizes ends at the least: after a header with
 * the directory's name and no extra field (a name has at least as many bytes as characters); -1
 * for any other entry. Its header may wait for the first read (verify.ts, deferrable) when that
 * end is before the next header starts. One that would not (a lying offset or size) is checked at
 * listing, so the listing can still recover the real header and no neighbour is refused as
 * overlapping on a guess.
 */
export const deferredEndOf = (f: ListedFacts): number =>
  f.audio && f.method === 0 && f.sizeKnown && !f.encrypted && f.compressedSize === f.size && f.dataStart === null
    ? f.localOffset + HEADER_FIXED + f.nameLength + f.compressedSize
    : -1

/**
 * Whether judgeEntries (judge.ts) finds nothing to say of the entry but, maybe, that its data runs
 * past the end of the file: the same tests as its loop, in the same order.
 */
export function quietOf(f: ListedFacts, limits: ArchiveLimits): boolean {
  if (f.unsafePath || f.encrypted || !canInflate(f.method) || !f.sizeKnown) return false
  if (f.size > limits.maxEntryBytes) return false
  if (f.method === 8 && f.size > GRACE && f.size > limits.maxRatio * Math.max(f.compressedSize, 1)) return false
  return !(f.method === 0 && f.compressedSize !== f.size)
}
