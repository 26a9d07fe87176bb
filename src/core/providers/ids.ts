/**
 * A short id that stays the same for the same export, so marks saved against a recording find it
 * on the next scan. Two FNV-1a lanes give 64 bits: collisions are checked by readExport anyway.
 */
export function stableId(prefix: string, ...parts: ReadonlyArray<string | number | null>): string {
  let a = 0x811c9dc5
  let b = 0xcbf29ce4
  for (const part of parts) {
    // Each part, then a NUL after it: the same lanes as hashing `${part ?? ''}\u0000`, without making that string.
    const s = part === null ? '' : typeof part === 'string' ? part : String(part)
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0
      a = Math.imul(a ^ c, 0x01000193)
      b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7)
    }
  }
  return `${prefix}${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
}
