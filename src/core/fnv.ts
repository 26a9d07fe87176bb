import { randomBytes } from 'node:crypto'

/** FNV-1a's 32-bit offset basis and prime. */
export const FNV_OFFSET = 0x811c9dc5
export const FNV_PRIME = 0x01000193

/**
 * Where the name hash starts: FNV-1a's offset basis XOR 32 bits drawn when the process starts. The
 * names are the export's, so its author picks them: with the fixed basis, thousands of names with
 * one hash (built 8 characters at a time from the basis) made every table keyed by it a single run
 * of slots, and a scan quadratic (16,000 such audio files: 22 s). A run's own start makes those
 * names hash apart, but for 1 run in 128 (how ASCII letters collide depends only on the low 7 bits
 * of the start), and some names collide from any start: the tables also bound their probes
 * (flood-budget.ts); the start keeps the simple floods on the fast path. Only for tables that live
 * and die in one process: the ZIP listing's name hash (archive/zip/names.ts), the export view's
 * (providers/export-view.ts, norm-index.ts), which must be the same function so the view can take
 * the listing's hash of a plain name, and the id and cell tables (unique-ids.ts,
 * csv/byte-interner.ts). Nothing saved or compared across runs may use it: stable ids
 * (providers/ids.ts) keep the fixed basis.
 */
export const NAME_HASH_START = (FNV_OFFSET ^ randomBytes(4).readInt32LE(0)) | 0

/** Fibonacci hashing's multiplier: 2^32 / golden ratio, odd. */
const GOLDEN = 0x9e3779b1

/**
 * The home slot of hash `h` in a table of 2^(32 - shift) slots (at least 2): the top bits of h
 * times GOLDEN, which depend on every bit of h. Why not h's low bits: FNV-1a's low k bits depend
 * only on the low k bits of the start and of each character, so names whose characters differ by
 * 0x8000 (or 0x40) in pairs share their low 16 (or 7) bits whatever the start is, and would share
 * a home slot.
 */
export const slotOf = (h: number, shift: number): number => Math.imul(h, GOLDEN) >>> shift

/** slotOf's shift for a table of `size` slots (a power of two, at least 2). */
export const shiftFor = (size: number): number => Math.clz32(size) + 1
