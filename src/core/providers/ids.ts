const hex8 = (n: number): string => (n >>> 0).toString(16).padStart(8, '0')
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0))
const nibble = (n: number, shift: number): number => HEX[(n >>> shift) & 15]!
/** Each byte's two hex digits, as character codes: HEX_PAIRS[2v] and HEX_PAIRS[2v + 1]. */
const HEX_PAIRS = Uint8Array.from({ length: 512 }, (_, i) => HEX[i & 1 ? (i >> 1) & 15 : i >> 5]!)

/** hex8(n) as bytes at b[at..], a byte of n at a time; answers where they end. */
function putHex8(n: number, b: Uint8Array, at: number): number {
  for (let shift = 24; shift >= 0; shift -= 8) {
    const v = ((n >>> shift) & 255) * 2
    b[at++] = HEX_PAIRS[v]!
    b[at++] = HEX_PAIRS[v + 1]!
  }
  return at
}

/**
 * One flat string made at once: a template would keep its pieces (every recording keeps its id),
 * and hex8 twice then a join made five strings per id. A one-letter prefix (every id the
 * providers make) takes the short way.
 */
function idText(prefix: string, a: number, b: number): string {
  if (prefix.length !== 1) return [prefix, hex8(a), hex8(b)].join('')
  // prettier-ignore
  return String.fromCharCode(
    prefix.charCodeAt(0),
    nibble(a, 28), nibble(a, 24), nibble(a, 20), nibble(a, 16), nibble(a, 12), nibble(a, 8), nibble(a, 4), nibble(a, 0),
    nibble(b, 28), nibble(b, 24), nibble(b, 20), nibble(b, 16), nibble(b, 12), nibble(b, 8), nibble(b, 4), nibble(b, 0)
  )
}

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

const digits = new Uint8Array(16)

/** mix(lanes, String(n)) for a whole number below 2^53, without making the string: 100,000 line numbers. */
function mixWhole(lanes: Int32Array, n: number): void {
  let count = 0
  do {
    digits[count++] = 48 + (n % 10)
    n = Math.floor(n / 10)
  } while (n > 0)
  let a = lanes[0]!
  let b = lanes[1]!
  for (let i = count; i >= 0; i--) {
    // The digits backwards, then the NUL that ends every part.
    const c = i > 0 ? digits[i - 1]! : 0
    a = Math.imul(a ^ c, 0x01000193)
    b = Math.imul(b ^ c, 0x01000193) ^ (a >>> 7)
  }
  lanes[0] = a
  lanes[1] = b
}

const isWhole = (v: string | number | null): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
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
 * file) are hashed once, so 100,000 rows of one file each hash only their line number. `putLanes`
 * writes an id as bytes without making its string (the report writes ids of recordings kept as columns).
 */
export class StableIds {
  private readonly base = start(new Int32Array(2), 0x811c9dc5, 0xcbf29ce4)

  constructor(
    private readonly prefix: string,
    ...fixed: ReadonlyArray<string | number | null>
  ) {
    for (const part of fixed) mix(this.base, partText(part))
  }

  /** The two 32-bit lanes of `last`'s id, in a scratch pair (good until the next call): what textOf and putLanes take. */
  lanesOf(last: string | number | null): Int32Array {
    const lanes = start(scratch, this.base[0]!, this.base[1]!)
    if (isWhole(last)) mixWhole(lanes, last)
    else mix(lanes, partText(last))
    return lanes
  }

  of(last: string | number | null): string {
    const lanes = this.lanesOf(last)
    return idText(this.prefix, lanes[0]!, lanes[1]!)
  }

  /** The id of lanes `a` and `b` (lanesOf kept apart): of(last) without hashing `last` again. */
  textOf(a: number, b: number): string {
    return idText(this.prefix, a, b)
  }

  /** Longest id `putLanes` writes, in bytes. */
  get maxBytes(): number {
    return Buffer.byteLength(this.prefix) + 16
  }

  /** textOf(x, y) as UTF-8 at b[at..] (room for maxBytes); answers where it ends. */
  putLanes(x: number, y: number, b: Uint8Array, at: number): number {
    if (this.prefix.length === 1 && this.prefix.charCodeAt(0) < 0x80) b[at++] = this.prefix.charCodeAt(0)
    else at += Buffer.from(b.buffer, b.byteOffset, b.byteLength).write(this.prefix, at, 'utf8')
    at = putHex8(x, b, at)
    return putHex8(y, b, at)
  }
}
