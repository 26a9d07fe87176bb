const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0')

/** Joined into one flat string: a template would keep its pieces, and every recording keeps its id. */
const idText = (prefix: string, a: number, b: number): string => [prefix, hex8(a), hex8(b)].join('')

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
  return idText(prefix, a, b)
}

/**
 * stableId(prefix, ...fixed, last) for many values of `last`: the fixed parts (provider, part,
 * file) are hashed once, so 100,000 rows of one file each hash only their line number.
 */
export function stableIds(prefix: string, ...fixed: ReadonlyArray<string | number | null>): (last: string | number | null) => string {
  let a0 = 0x811c9dc5
  let b0 = 0xcbf29ce4
  for (const part of fixed) {
    const s = part === null ? '' : String(part)
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0
      a0 = Math.imul(a0 ^ c, 0x01000193)
      b0 = Math.imul(b0 ^ c, 0x01000193) ^ (a0 >>> 7)
    }
  }
  return (last) => {
    const s = last === null ? '' : String(last)
    let a = a0
    let b = b0
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 0
      a = Math.imul(a ^ c, 0x01000193)
      b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7)
    }
    return idText(prefix, a, b)
  }
}
