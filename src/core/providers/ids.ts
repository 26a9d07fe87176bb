const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0')

/** Joined into one flat string: a template would keep its pieces, and every recording keeps its id. */
const idText = (prefix: string, a: number, b: number): string => [prefix, hex8(a), hex8(b)].join('')

/**
 * Two FNV-1a lanes over `text` and then a NUL, from and into `lanes` (a scratch pair, so the hot
 * path of 100,000 ids makes no pair object per part).
 */
function mix(lanes: Int32Array, text: string): void {
  let a = lanes[0]!
  let b = lanes[1]!
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7)
  }
  lanes[0] = a
  lanes[1] = b
}

const partText = (part: string | number | null): string => (part === null ? '' : String(part))
const start = (lanes: Int32Array, a: number, b: number): Int32Array => {
  lanes[0] = a
  lanes[1] = b
  return lanes
}
const scratch = new Int32Array(2)

/**
 * A short id that stays the same for the same export, so marks saved against a recording find it
 * on the next scan. Two FNV-1a lanes give 64 bits: collisions are checked by readExport anyway.
 */
export function stableId(prefix: string, ...parts: ReadonlyArray<string | number | null>): string {
  // Each part, then a NUL after it: the same lanes as hashing `${part ?? ''}\u0000`, without making that string.
  const lanes = start(scratch, 0x811c9dc5, 0xcbf29ce4)
  for (const part of parts) mix(lanes, partText(part))
  return idText(prefix, lanes[0]!, lanes[1]!)
}

/**
 * stableId(prefix, ...fixed, last) for many values of `last`: the fixed parts (provider, part,
 * file) are hashed once, so 100,000 rows of one file each hash only their line number.
 */
export function stableIds(prefix: string, ...fixed: ReadonlyArray<string | number | null>): (last: string | number | null) => string {
  const base = start(new Int32Array(2), 0x811c9dc5, 0xcbf29ce4)
  for (const part of fixed) mix(base, partText(part))
  return (last) => {
    const lanes = start(scratch, base[0]!, base[1]!)
    mix(lanes, partText(last))
    return idText(prefix, lanes[0]!, lanes[1]!)
  }
}
