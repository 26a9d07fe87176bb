/**
 * Puts an export's voice vectors on one scale: each dimension centred on its median and divided by
 * its spread (MAD), so a coefficient with a wide natural range does not outvote the others. Missing
 * values (NaN: no pitch found) take the median. Null vectors (too short or quiet) are left out.
 */
export function standardise(vectors: readonly (Float32Array | null)[]): { points: Float32Array[]; index: number[] } {
  const index: number[] = []
  vectors.forEach((v, i) => {
    if (v) index.push(i)
  })
  if (index.length === 0) return { points: [], index }
  const dims = vectors[index[0]!]!.length
  const centre = new Float32Array(dims)
  const scale = new Float32Array(dims)
  // Medians from at most 5,000 vectors: enough for a stable scale, cheap at 100,000.
  const step = Math.max(1, Math.floor(index.length / 5000))
  const column: number[] = []
  for (let j = 0; j < dims; j++) {
    column.length = 0
    for (let i = 0; i < index.length; i += step) {
      const x = vectors[index[i]!]![j]!
      if (!Number.isNaN(x)) column.push(x)
    }
    column.sort((a, b) => a - b)
    const med = column.length ? column[column.length >> 1]! : 0
    const dev = column.map((x) => Math.abs(x - med)).sort((a, b) => a - b)
    const mad = dev.length ? dev[dev.length >> 1]! : 0
    centre[j] = med
    scale[j] = mad > 1e-9 ? 1 / (mad * 1.4826) : 1
  }
  const points = index.map((i) => {
    const v = vectors[i]!
    const p = new Float32Array(dims)
    for (let j = 0; j < dims; j++) p[j] = Number.isNaN(v[j]!) ? 0 : (v[j]! - centre[j]!) * scale[j]!
    return p
  })
  return { points, index }
}
