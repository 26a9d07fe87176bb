/**
 * A mel filter bank as sparse triangles (each FFT bin touches at most two filters) and the DCT that
 * turns its log energies into cepstral coefficients. Built once per (FFT size, sample rate).
 */
export interface MelBank {
  /** For each FFT bin up to the top filter: the filter it rises into, and its weight there. */
  readonly firstBin: number
  readonly lastBin: number
  readonly upper: Int16Array
  readonly weight: Float32Array
  readonly filters: number
}

const hzToMel = (hz: number) => 2595 * Math.log10(1 + hz / 700)
const melToHz = (mel: number) => 700 * (10 ** (mel / 2595) - 1)

/**
 * Filters from `lowHz` to `highHz` (capped at Nyquist), so clips at 16, 22.05 or 48 kHz land on the
 * same scale. Bin b lies between edge upper[b]-1 and edge upper[b]; weight is its share of the
 * higher one, the lower one gets the rest.
 */
export function melBank(fftSize: number, sampleRate: number, filters: number, lowHz: number, highHz: number): MelBank {
  const top = Math.min(highHz, sampleRate / 2)
  const lo = hzToMel(lowHz)
  const hi = hzToMel(top)
  const edges = new Float64Array(filters + 2)
  for (let i = 0; i < edges.length; i++) edges[i] = (melToHz(lo + ((hi - lo) * i) / (filters + 1)) * fftSize) / sampleRate
  const firstBin = Math.max(1, Math.ceil(edges[0]!))
  const lastBin = Math.min(fftSize / 2, Math.floor(edges[filters + 1]!))
  const upper = new Int16Array(lastBin + 1)
  const weight = new Float32Array(lastBin + 1)
  let e = 1
  for (let b = firstBin; b <= lastBin; b++) {
    while (e < filters + 1 && edges[e]! < b) e++
    upper[b] = e
    weight[b] = (b - edges[e - 1]!) / (edges[e]! - edges[e - 1]!)
  }
  return { firstBin, lastBin, upper, weight, filters }
}

/**
 * Filter energies of one power spectrum into `out` (length `filters`). Edge e (1..filters) is the
 * peak of filter e-1; a bin below it rises into filter e-1 and falls out of filter e-2.
 */
export function applyBank(bank: MelBank, power: Float32Array, out: Float32Array): void {
  out.fill(0)
  for (let b = bank.firstBin; b <= bank.lastBin; b++) {
    const p = power[b]!
    const e = bank.upper[b]!
    const w = bank.weight[b]!
    if (e - 1 < bank.filters) out[e - 1]! += p * w
    if (e - 2 >= 0) out[e - 2]! += p * (1 - w)
  }
}

/** DCT-II rows 0..coefficients-1 over `filters` inputs, as one flat table. */
export function dctTable(filters: number, coefficients: number): Float32Array {
  const t = new Float32Array(filters * coefficients)
  for (let k = 0; k < coefficients; k++) for (let n = 0; n < filters; n++) t[k * filters + n] = Math.cos((Math.PI * k * (n + 0.5)) / filters) * Math.sqrt(2 / filters)
  return t
}
