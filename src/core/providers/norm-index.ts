import type { ViewEntry } from './export-view'
import { FNV_OFFSET, FNV_PRIME } from '../fnv'
import { lowerAscii } from '../ascii'

// Read once into this module: the loops below read them per character.
const OFFSET = FNV_OFFSET
const PRIME = FNV_PRIME

/** FNV-1a over `a` then `b`, as one string: a two-part name is hashed without being joined. */
export function hashOf(a: string, b: string): number {
  let h = OFFSET
  for (let i = 0; i < a.length; i++) h = Math.imul(h ^ a.charCodeAt(i), PRIME)
  for (let i = 0; i < b.length; i++) h = Math.imul(h ^ b.charCodeAt(i), PRIME)
  return h | 0
}

/**
 * Entries by their normalised name, the last of a name winning (as a Map's set would). A Map of
 * 100,000 names cost more than any other step of reading them: each insert, and each growth again,
 * read the key strings from wherever they lay. Here a name's hash is worked out while the name is
 * read in order, slots and hashes sit in two typed arrays (growing reads no string), and a name is
 * compared only when its hash matches.
 */
export class NormIndex {
  private slots: Int32Array
  private hashes: Int32Array
  /** No two entries have one normalised name. */
  readonly unique: boolean

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
    let unique = true
    for (let place = 0; place < entries.length; place++) {
      const entry = entries[place]!
      const h = hashOfNorm(entry)
      let s = h & mask
      for (;;) {
        const at = this.slots[s]!
        if (at === 0) break
        if (this.hashes[s] === h && sameNorm(entries[at - 1]!, entry)) {
          unique = false
          break
        }
        s = (s + 1) & mask
      }
      this.slots[s] = place + 1
      this.hashes[s] = h
    }
    this.unique = unique
  }

  /** The place of the (last) entry whose normalised name is `prefix + rest`, or -1. */
  find(prefix: string, rest: string): number {
    const h = hashOf(prefix, rest)
    const mask = this.slots.length - 1
    const length = prefix.length + rest.length
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s]!
      if (at === 0) return -1
      if (this.hashes[s] !== h) continue
      const e = this.entries[at - 1]!
      if (e.normLength === length && e.normHas(prefix, 0) && e.normHas(rest, prefix.length)) return at - 1
    }
  }

  /** find(entry.norm, '') without making the norm: `hash` is hashOf(entry.norm, ''). */
  placeOf(entry: ViewEntry, hash: number): number {
    const mask = this.slots.length - 1
    for (let s = hash & mask; ; s = (s + 1) & mask) {
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
