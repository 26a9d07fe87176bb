/**
 * Puts an export's voice vectors on one scale: each dimension centred on its median and divided by
 * its spread (MAD), so a coefficient with a wide natural range does not outvote the others. Missing
 * values (NaN: no pitch found) take the median. Null vectors (too short or quiet) are left out.
 * The result is one flat array, `dims` values per kept vector, `index` naming each one's input.
 */
export function standardise(vectors: readonly (Float32Array | null)[]): { points: Float32Array; dims: number; index: Int32Array } {
  const kept: number[] = []
  vectors.forEach((v, i) => {
    if (v) kept.push(i)
  })
  const index = Int32Array.from(kept)
  if (index.length === 0) return { points: new Float32Array(0), dims: 0, index }
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
  const points = new Float32Array(index.length * dims)
  for (let i = 0; i < index.length; i++) {
    const v = vectors[index[i]!]!
    const at = i * dims
    for (let j = 0; j < dims; j++) points[at + j] = Number.isNaN(v[j]!) ? 0 : (v[j]! - centre[j]!) * scale[j]!
  }
  return { points, dims, index }
}
