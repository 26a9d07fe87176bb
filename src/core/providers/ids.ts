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

/**
 * stableId(prefix, ...fixed, last) for many values of `last`: the fixed parts (provider, part,
 * file) are hashed once, so 100,000 rows of one file each hash only their line number.
 */
export function stableIds(prefix: string, ...fixed: ReadonlyArray<string | number | null>): (last: string | number | null) => string {
  let a0 = 0x811c9dc5
  let b0 = 0xcbf29ce4
  const mix = (s: string, a: number, b: number): [number, number] => {
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0
      a = Math.imul(a ^ c, 0x01000193)
      b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7)
    }
    return [a, b]
  }
  for (const part of fixed) [a0, b0] = mix(part === null ? '' : String(part), a0, b0)
  return (last) => {
    const [a, b] = mix(last === null ? '' : String(last), a0, b0)
    return `${prefix}${(a >>> 0).toString(16).padStart(8, '0')}${(b >>> 0).toString(16).padStart(8, '0')}`
  }
}
