/**
 * The recording ids handed out so far, for the check that each is new. A Set of 100,000 fresh
 * strings was the read's costliest line: every insert hashed the string and each growth read
 * every key again from wherever it lay. Here the hash is worked out from the id while it is fresh,
 * and slots and hashes live in two typed arrays, so growing reads no string at all; a string is
 * compared only when its 32-bit hash matches.
 */
export class UniqueIds {
  private slots = new Int32Array(1 << 12)
  private hashes = new Int32Array(1 << 12)
  private size = 0

  /** `idAt(n)` is the id of the n-th added one (0-based), read only on a hash match. */
  constructor(private readonly idAt: (n: number) => string) {}

  /** Adds `id` as the next one and answers true, or answers false when it was added before. */
  add(id: string): boolean {
    let h = 0x811c9dc5
    for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
    h |= 0
    const mask = this.slots.length - 1
    let s = h & mask
    for (;;) {
      const at = this.slots[s]!
      if (at === 0) break
      if (this.hashes[s] === h && this.idAt(at - 1) === id) return false
      s = (s + 1) & mask
    }
    this.slots[s] = ++this.size
    this.hashes[s] = h
    if (this.size * 2 > this.slots.length) this.grow()
    return true
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2)
    const hashes = new Int32Array(slots.length)
    const mask = slots.length - 1
    for (let k = 0; k < this.slots.length; k++) {
      const at = this.slots[k]!
      if (at === 0) continue
      const h = this.hashes[k]!
      let s = h & mask
      while (slots[s] !== 0) s = (s + 1) & mask
      slots[s] = at
      hashes[s] = h
    }
    this.slots = slots
    this.hashes = hashes
  }
}
