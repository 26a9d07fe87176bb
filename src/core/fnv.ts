/**
 * FNV-1a's 32-bit offset basis and prime. The ZIP listing's name hash (archive/zip/names.ts) and the
 * export view's (providers/norm-index.ts) must be the same function for the view to take the
 * listing's hash of a plain name instead of walking it again: both start from these.
 */
export const FNV_OFFSET = 0x811c9dc5
export const FNV_PRIME = 0x01000193
