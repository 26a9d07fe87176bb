import type { Peaks, PeaksJson } from '../types'

const FULL = 32767
/** Four decimals are finer than a pixel at any width a screen has, and keep the JSON small. */
const toUnit = (v: number): number => Math.round((v / FULL) * 1e4) / 1e4

export function peaksToJson(p: Peaks): PeaksJson {
  return { codec: p.codec, sampleRate: p.sampleRate, channels: p.channels, duration: p.duration, min: Array.from(p.min, toUnit), max: Array.from(p.max, toUnit) }
}

export function peaksFromJson(j: PeaksJson): Peaks {
  const q = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * FULL)
  return { codec: j.codec, sampleRate: j.sampleRate, channels: j.channels, duration: j.duration, min: Int16Array.from(j.min, q), max: Int16Array.from(j.max, q) }
}
