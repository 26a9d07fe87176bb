import type { Interner } from '../clip'
import type { CsvRecord } from './record'
import { FNV_PRIME, NAME_HASH_START } from '../../fnv'

// Read once into this module: read for every cell interned.
const START = NAME_HASH_START
const PRIME = FNV_PRIME

/** Longest cell interned, as the string Interner's bound (a plain cell's bytes are its characters). */
const SHORT = 80
/** Unbounded variety (ids, times) would make the table a second copy of the data: it starts over. */
const MAX_KEPT = 20_000
/** Per column, this many values it held lately, found without hashing the whole cell (2^RECENT_BITS). */
const RECENT_BITS = 4
const RECENT = 1 << RECENT_BITS
/** Columns that get such a memory; later ones go by the table only. */
const RECENT_COLUMNS = 64

function sameBytes(bytes: Buffer, buf: Buffer, start: number, end: number): boolean {
  if (bytes.length !== end - start) return false
  for (let k = 0; k < bytes.length; k++) if (bytes[k] !== buf[start + k]) return false
  return true
}

interface Slot {
  readonly bytes: Buffer
  readonly text: string
  next: Slot | null
}

/**
 * One string per distinct short cell, found from the cell's bytes: a value seen before (a device
 * name, a serial, "SUCCESS", "volume up") makes no string at all, only a hash of a few dozen bytes.
 * Cells with quotes to undo or bytes above 0x7f, and long ones, go through `strings` as text.
 */
export class CellInterner {
  private readonly table = new Map<number, Slot>()
  private kept = 0
  /**
   * Per column, values it held lately (RECENT slots from column * RECENT), each in the slot its
   * length and first, middle and last bytes pick: most columns repeat a row not long before (the account, the status,
   * and the device, also when a few devices take turns row by row), found without hashing every
   * byte and a table look-up. (Filled up front so the array stays packed.)
   */
  private readonly recent: Array<Slot | null> = new Array<Slot | null>(RECENT * RECENT_COLUMNS).fill(null)

  constructor(private readonly strings: Interner) {}

  get(rec: CsvRecord, i: number): string {
    if (i >= rec.count) return ''
    const start = rec.start(i)
    const end = rec.end(i)
    if (!rec.isPlain(i) || end - start > SHORT) return this.strings.get(rec.text(i))
    const buf = rec.buf
    const size = end - start
    // (A multiplicative hash of the four, its top bits the slot. An empty cell's slot is its
    // column's first; a column past those remembered has none, -1.)
    const near = i >= RECENT_COLUMNS ? -1 : i * RECENT + (size === 0 ? 0 : Math.imul(size ^ (buf[start]! << 8) ^ (buf[start + (size >> 1)]! << 16) ^ (buf[end - 1]! << 24), 0x9e3779b1) >>> (32 - RECENT_BITS))
    const last = near >= 0 ? this.recent[near]! : null
    if (last !== null && sameBytes(last.bytes, buf, start, end)) return last.text
    // (From this run's start, fnv.ts: cells built to share a key would make one long chain.)
    let h = START ^ (end - start)
    for (let k = start; k < end; k++) h = Math.imul(h ^ buf[k]!, PRIME)
    // A small integer key: V8 keeps it unboxed and hashes it for free.
    const key = h & 0x3fffffff
    const first = this.table.get(key)
    for (let slot: Slot | null = first ?? null; slot !== null; slot = slot.next) {
      if (sameBytes(slot.bytes, buf, start, end)) {
        if (near >= 0) this.recent[near] = slot
        return slot.text
      }
    }
    if (this.kept >= MAX_KEPT) {
      this.table.clear()
      this.kept = 0
    }
    const text = rec.text(i)
    const slot: Slot = { bytes: Buffer.from(buf.subarray(start, end)), text, next: this.table.get(key) ?? null }
    this.table.set(key, slot)
    this.kept++
    if (near >= 0) this.recent[near] = slot
    return text
  }
}
