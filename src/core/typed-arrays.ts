type Column = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array

/**
 * A typed array of `a`'s kind with room for `capacity` items, holding `a`'s first `keep` (all unless
 * told). The columns that grow as rows come (zip rows, CSV cells, kept rows, read times) double with
 * it, so adding n rows costs O(n) copies in all.
 */
export function widened<T extends Column>(a: T, capacity: number, keep = a.length): T {
  const b = new (a.constructor as new (n: number) => T)(capacity)
  b.set(keep === a.length ? a : a.subarray(0, keep))
  return b
}
