import { createHash } from 'node:crypto'

/**
 * One SHA-256 for an export made of several files: the SHA-256 of the parts' lower-case hex
 * digests, one per line in part order. Anyone can recompute it with `sha256sum` and a shell,
 * and it changes when any part's bytes or the order of parts change.
 */
export function combinedSha256(partHashes: readonly string[]): string {
  const h = createHash('sha256')
  for (const hex of partHashes) h.update(`${hex.toLowerCase()}\n`)
  return h.digest('hex')
}

/**
 * The one hash the app and the CLI show for an export: a single file's own SHA-256 (so it matches
 * `sha256sum export.zip`), or the combined one over several parts.
 */
export const exportSha256 = (partHashes: readonly string[]): string => (partHashes.length === 1 ? partHashes[0]! : combinedSha256(partHashes))
