import type { NgramTable } from './eld-table'

/**
 * The compact n-gram table (eld-table.ts) as one file of its typed arrays, made by the build
 * (electron.vite.config.ts writes it beside the built engine). Reading it is one file read and
 * views on its bytes (~1 ms), where reading eld's 950 kB of source text takes ~30 ms a process.
 *
 * The file names what it was made from (eld's version and the size of its table file): a file
 * made from another eld is not used, and the text is read as before. So it can only save time,
 * never change an answer.
 */
export interface TableSource {
  eldVersion: string
  /** Bytes of eld's table file the table was read from. */
  sourceBytes: number
}

const MAGIC = 'exportscope-eld-table/1\n'
const ARRAYS = ['keyBytes', 'keyAt', 'keyLength', 'slots', 'start', 'lang', 'score'] as const
type ArrayName = (typeof ARRAYS)[number]
const KINDS = { keyBytes: Uint8Array, keyAt: Uint32Array, keyLength: Uint8Array, slots: Int32Array, start: Uint32Array, lang: Uint8Array, score: Uint16Array }

interface Header extends TableSource {
  type: string
  languages: Record<number, string>
  size: number
  /** Each array's element count, in ARRAYS' order; each starts at a multiple of 8 bytes after the header. */
  lengths: number[]
}

const align = (n: number) => (n + 7) & ~7

/** The table as the bytes `tableFromBytes` reads: the magic line, a JSON header line, then the arrays. */
export function tableBytes(table: NgramTable, source: TableSource): Uint8Array {
  const header: Header = { ...source, type: table.type, languages: table.languages, size: table.size, lengths: ARRAYS.map((a) => table[a].length) }
  const head = Buffer.from(`${MAGIC}${JSON.stringify(header)}\n`, 'utf8')
  let total = align(head.length)
  for (const a of ARRAYS) total += align(table[a].byteLength)
  const out = new Uint8Array(total)
  out.set(head)
  let at = align(head.length)
  for (const a of ARRAYS) {
    const array = table[a]
    out.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at)
    at += align(array.byteLength)
  }
  return out
}

/**
 * The table in `bytes`, or null when they are not such a table, or one made from another source
 * than `expected` (the caller then reads eld's text). Its arrays are views on `bytes`, not copies.
 */
export function tableFromBytes(bytes: Uint8Array, expected: TableSource): NgramTable | null {
  const text = (from: number, to: number) => Buffer.from(bytes.buffer, bytes.byteOffset + from, to - from).toString('utf8')
  if (bytes.length < MAGIC.length || text(0, MAGIC.length) !== MAGIC) return null
  const end = bytes.indexOf(0x0a, MAGIC.length)
  if (end < 0) return null
  let header: Header
  try {
    header = JSON.parse(text(MAGIC.length, end)) as Header
  } catch {
    return null
  }
  if (header.eldVersion !== expected.eldVersion || header.sourceBytes !== expected.sourceBytes) return null
  if (!Array.isArray(header.lengths) || header.lengths.length !== ARRAYS.length) return null
  // Typed array views need their element size's alignment in the underlying buffer: copy where the read did not give it.
  const own = bytes.byteOffset % 8 === 0 ? bytes : bytes.slice()
  const buffer = own.buffer as ArrayBuffer
  let at = align(end + 1)
  const arrays = {} as Record<ArrayName, NgramTable[ArrayName]>
  for (let i = 0; i < ARRAYS.length; i++) {
    const name = ARRAYS[i]!
    const Kind = KINDS[name]
    const length = header.lengths[i]!
    if (!Number.isSafeInteger(length) || length < 0 || at + length * Kind.BYTES_PER_ELEMENT > own.length) return null
    arrays[name] = new Kind(buffer, own.byteOffset + at, length)
    at += align(length * Kind.BYTES_PER_ELEMENT)
  }
  const table = { type: header.type, languages: header.languages, size: header.size, ...arrays } as NgramTable
  // The few checks that keep a damaged file from sending a lookup out of its arrays.
  const sane =
    table.keyAt.length === table.size &&
    table.keyLength.length === table.size &&
    table.start.length === table.size + 1 &&
    table.lang.length === table.score.length &&
    table.start[table.size] === table.lang.length &&
    table.slots.length > table.size &&
    (table.slots.length & (table.slots.length - 1)) === 0 &&
    // A lookup walks the slots until an empty one: a table without one would never end.
    table.slots.includes(0)
  return sane ? table : null
}
