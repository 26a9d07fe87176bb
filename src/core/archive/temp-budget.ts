import type { ArchiveLimits } from './types'

const GiB = 1024 ** 3

/**
 * The most temp space the inflated nested archives of one export may take. maxTotalBytes alone
 * (1 TiB) lets a crafted export of a few hundred MB, whose nested ZIPs deflate near the ratio
 * limit, fill the disk (found while hardening: a 5.8 MB export wrote 157 MB without a word). Real
 * nested archives hold audio or small CSVs, so 16 times the export plus 1 GiB is ample.
 */
export function tempBudget(limits: Pick<ArchiveLimits, 'maxTotalBytes'>, exportBytes: number): number {
  if (!(exportBytes > 0)) return limits.maxTotalBytes
  return Math.min(limits.maxTotalBytes, GiB + 16 * exportBytes)
}
