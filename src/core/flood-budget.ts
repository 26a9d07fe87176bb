/**
 * How many slots a hash table keyed by names may probe before it takes itself for flooded: this
 * many per name put in or asked for, plus a start for small tables. At half full, linear probing
 * probes ~2.5 slots for a name it lacks, and running past 16 a name on 100,000 names of random
 * hashes does not happen. Names an export's author built to one hash (from any start: Thue-Morse
 * blocks of 512 characters collide FNV-1a whatever its start and multiplier) run past it, and the
 * table then answers by sorted names (O(log n) compares per name) instead of quadratic probing.
 */
export const PROBES_PER_NAME = 16
export const PROBES_AT_START = 4096

/** 0 .. texts.length - 1 in the order of their texts (UTF-16 code units), equal texts in place order: what a flooded table sorts. */
export function placesByText(texts: readonly string[]): number[] {
  // (Array.prototype.sort is stable: equal texts keep their places' order.)
  return texts.map((_, place) => place).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : 0))
}
