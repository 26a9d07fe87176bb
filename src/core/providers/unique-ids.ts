import { FNV_PRIME, NAME_HASH_START, shiftFor, slotOf } from '../fnv'

// Read once into this module: read for every id added.
const START = NAME_HASH_START
const PRIME = FNV_PRIME
const slot = slotOf

/**
 * The recording ids handed out so far, for the check that each is new. A Set of 100,000 fresh
 * strings was the read's costliest line: every insert hashed the string and each growth read
 * every key again from wherever it lay. Here the hash is worked out from the id while it is fresh,
 * and slots and hashes live in two typed arrays, so growing reads no string at all; a string is
 * compared only when its 32-bit hash matches. The hash starts from this run's start, and an id's
 * first slot is slotOf its hash (fnv.ts): ids made from names the export picks cannot be steered
 * into one run of slots.
 */
export class UniqueIds {
  // Slot s is table[2s] (the id's place + 1, 0 free) and table[2s + 1] (its hash): one cache line
  // read per probe, where two arrays of 100,000 ids' slots missed the cache twice. It starts small,
  // so that it first grows long before V8 optimises add: a first growth met by the optimised code
  // (at 2,048 ids) made V8 throw that code away (and the reader's that inlined it) and compile again.
  private table = new Int32Array(2 << 3)
  private size = 0

  /** `idAt(n)` is the id of the n-th added one (0-based), read only on a hash match. */
  constructor(private readonly idAt: (n: number) => string) {}

  /** Adds `id` as the next one and answers true, or answers false when it was added before. */
  add(id: string): boolean {
    let h = START
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), PRIME)
    h |= 0
    const table = this.table
    const mask = (table.length >> 1) - 1
    let s = slot(h, shiftFor(mask + 1))
    for (;;) {
      const at = table[2 * s]!
      if (at === 0) break
      if (table[2 * s + 1] === h && this.idAt(at - 1) === id) return false
      s = (s + 1) & mask
    }
    table[2 * s] = ++this.size
    table[2 * s + 1] = h
    // (Grown at half full: slots are table.length / 2.)
    if (this.size * 4 > table.length) this.grow()
    return true
  }

  private grow(): void {
    const old = this.table
    const table = new Int32Array(old.length * 2)
    const mask = (table.length >> 1) - 1
    const shift = shiftFor(mask + 1)
    for (let k = 0; k < old.length; k += 2) {
      const at = old[k]!
      if (at === 0) continue
      const h = old[k + 1]!
      let s = slot(h, shift)
      while (table[2 * s] !== 0) s = (s + 1) & mask
      table[2 * s] = at
      table[2 * s + 1] = h
    }
    this.table = table
  }
}
