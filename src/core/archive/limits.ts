import type { ArchiveLimits } from './types'

const GiB = 1024 ** 3

/**
 * Generous enough for real exports (Takeout parts hold multi-GB videos; JSON logs compress
 * 20–50:1), tight enough that a zip bomb stops within megabytes.
 */
export const defaultLimits: ArchiveLimits = Object.freeze({
  maxRatio: 200,
  maxEntryBytes: 32 * GiB,
  maxTotalBytes: 1024 * GiB,
  maxEntries: 500_000,
  maxDepth: 4,
  // A whole 2–4 GB Takeout part inflated fits; a 50 GB one keeps its first 8 GiB on disk, not all of it.
  maxSpillBytes: 8 * GiB
})

/**
 * Below this many inflated bytes the ratio is not judged: small, very repetitive files (a CSV of
 * zeros) legitimately exceed any sane ratio, and a few MiB cannot exhaust anything.
 */
export const RATIO_GRACE_BYTES = 8 * 1024 * 1024

export function resolveLimits(partial: Partial<ArchiveLimits> | undefined): ArchiveLimits {
  const limits = { ...defaultLimits }
  for (const key of Object.keys(defaultLimits) as (keyof ArchiveLimits)[]) {
    const value = partial?.[key]
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) limits[key] = value
  }
  return limits
}
