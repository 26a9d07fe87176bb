import type { ViewEntry } from './export-view'
import { FNV_PRIME, NAME_HASH_START, shiftFor, slotOf } from '../fnv'
import { lowerAscii } from '../ascii'
import { PROBES_AT_START, PROBES_PER_NAME } from '../flood-budget'
import { SortedNorms } from './sorted-norms'

// Read once into this module: the loops below read them per character (and slot per name).
const START = NAME_HASH_START
const PRIME = FNV_PRIME
const slot = slotOf

/** FNV-1a (from this run's start, fnv.ts) over `a` then `b`, as one string: a two-part name is hashed without being joined. */
export function hashOf(a: string, b: string): number {
  let h = START
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), PRIME)
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), PRIME)
  return h | 0
}

/**
 * Entries by their normalised name, the last of a name winning (as a Map's set would). A Map of
 * 100,000 names cost more than any other step of reading them: each insert, and each growth again,
 * read the key strings from wherever they lay. Here a name's hash is worked out while the name is
 * read in order, slots and hashes sit in two typed arrays (growing reads no string), and a name is
 * compared only when its hash matches. A name's first slot is fnv.ts slotOf of its hash, which
 * names built to share a hash or its low bits do not share; names built to share it from any start
 * run the probes past their budget (flood-budget.ts), and the index answers by sorted names.
 */
export class NormIndex {
  private slots: Int32Array
  private hashes: Int32Array
  /** slotOf's shift for this table's size. */
  private readonly shift: number
  /** No two entries have one normalised name. */
  readonly unique: boolean
  /** Slots probed so far, and how many the names put in and asked for allow. */
  private probes = 0
  private allowance: number
  /** The answers once the probes ran past the allowance; null while the table answers. */
  private sorted: SortedNorms | null = null

  /** `hashOfNorm`, when given, answers hashOf(e.norm, '') without reading the name (the export view works it out as it is made). */
  constructor(
    private readonly entries: readonly ViewEntry[],
    hashOfNorm: (e: ViewEntry) => number = (e) => hashOf(e.norm, '')
  ) {
    let size = 1 << 4
    while (size < entries.length * 2) size *= 2
    this.slots = new Int32Array(size)
    this.hashes = new Int32Array(size)
    const mask = size - 1
    const shift = (this.shift = shiftFor(size))
    const allowance = (this.allowance = PROBES_AT_START + PROBES_PER_NAME * entries.length)
    let probes = 0
    let unique = true
    for (let place = 0; place < entries.length && probes <= allowance; place++) {
      const entry = entries[place]!
      const h = hashOfNorm(entry)
      let s = slot(h, shift)
      for (;;) {
        const at = this.slots[s]!
        if (at === 0) break
        if (this.hashes[s] === h && sameNorm(entries[at - 1]!, entry)) {
          unique = false
          break
        }
        s = (s + 1) & mask
        if (++probes > allowance) break
      }
      this.slots[s] = place + 1
      this.hashes[s] = h
    }
    this.probes = probes
    this.unique = probes <= allowance ? unique : this.flooded().unique
  }

  /** The sorted answers, made on the first probe past the allowance. */
  private flooded(): SortedNorms {
    return (this.sorted ??= new SortedNorms(this.entries))
  }

  /** The place of the (last) entry whose normalised name is `prefix + rest`, or -1. */
  find(prefix: string, rest: string): number {
    if (this.sorted !== null) return this.sorted.find(prefix + rest)
    const h = hashOf(prefix, rest)
    const mask = this.slots.length - 1
    const length = prefix.length + rest.length
    this.allowance += PROBES_PER_NAME
    for (let s = slot(h, this.shift); ; s = (s + 1) & mask) {
      if (++this.probes > this.allowance) return this.flooded().find(prefix + rest)
      const at = this.slots[s]!
      if (at === 0) return -1
      if (this.hashes[s] !== h) continue
      const e = this.entries[at - 1]!
      if (e.normLength === length && e.normHas(prefix, 0) && e.normHas(rest, prefix.length)) return at - 1
    }
  }

  /** find(entry.norm, '') without making the norm: `hash` is hashOf(entry.norm, ''). */
  placeOf(entry: ViewEntry, hash: number): number {
    if (this.sorted !== null) return this.sorted.find(entry.norm)
    const mask = this.slots.length - 1
    this.allowance += PROBES_PER_NAME
    for (let s = slot(hash, this.shift); ; s = (s + 1) & mask) {
      if (++this.probes > this.allowance) return this.flooded().find(entry.norm)
      const at = this.slots[s]!
      if (at === 0) return -1
      if (this.hashes[s] === hash && sameNorm(this.entries[at - 1]!, entry)) return at - 1
    }
  }
}

/** a.norm === b.norm, making no string. */
function sameNorm(a: ViewEntry, b: ViewEntry): boolean {
  if (a === b) return true
  // Each the norm or a plain path whose A-Z lower-cased it is (ViewEntry.normSource).
  const x = a.normSource
  const y = b.normSource
  if (x.length !== y.length) return false
  for (let i = 0; i < x.length; i++) {
    const c = x.charCodeAt(i)
    const d = y.charCodeAt(i)
    if (c !== d && lowerAscii(c) !== lowerAscii(d)) return false
  }
  return true
}
