/** Test signals whose peaks are known in advance. */
export function sine(frequency: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds))
  for (let i = 0; i < out.length; i++) out[i] = amplitude * Math.sin((2 * Math.PI * frequency * i) / sampleRate)
  return out
}

/** A square wave that starts high; its every bucket of at least one period holds exactly ±amplitude. */
export function square(frequency: number, sampleRate: number, seconds: number, amplitude = 0.5): Float32Array {
  const out = new Float32Array(Math.round(sampleRate * seconds))
  const half = sampleRate / frequency / 2
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(i / half) % 2 === 0 ? amplitude : -amplitude
  return out
}

export const toInt16 = (x: Float32Array): Int16Array => Int16Array.from(x, (v) => Math.round(Math.max(-1, Math.min(1, v)) * 32767))
