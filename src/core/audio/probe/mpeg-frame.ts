/** One MPEG audio frame header (Layer I/II/III, MPEG 1/2/2.5), as far as sizes and timing need. */
export interface MpegFrame {
  /** 1, 2, or 2.5 written as 25 to stay an integer key. */
  version: 1 | 2 | 25
  layer: 1 | 2 | 3
  sampleRate: number
  channels: number
  /** Bytes from this header to the next. */
  length: number
  samples: number
}

const BITRATES: Record<string, number[]> = {
  '1-1': [0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448],
  '1-2': [0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384],
  '1-3': [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320],
  '2-1': [0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256],
  '2-2': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
  '2-3': [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160]
}
const RATES: Record<number, number[]> = { 1: [44100, 48000, 32000], 2: [22050, 24000, 16000], 25: [11025, 12000, 8000] }

export function mpegFrameAt(b: Uint8Array, at: number): MpegFrame | null {
  if (at + 4 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xe0) !== 0xe0) return null
  const v = (b[at + 1]! >> 3) & 3
  const l = (b[at + 1]! >> 1) & 3
  const bri = b[at + 2]! >> 4
  const sri = (b[at + 2]! >> 2) & 3
  if (v === 1 || l === 0 || bri === 0 || bri === 15 || sri === 3) return null
  const version = v === 3 ? 1 : v === 2 ? 2 : 25
  const layer = (4 - l) as 1 | 2 | 3
  const kbps = BITRATES[`${version === 1 ? 1 : 2}-${layer}`]![bri]!
  const sampleRate = RATES[version]![sri]!
  const padding = (b[at + 2]! >> 1) & 1
  const channels = b[at + 3]! >> 6 === 3 ? 1 : 2
  const samples = layer === 1 ? 384 : layer === 3 && version !== 1 ? 576 : 1152
  const length = layer === 1 ? (Math.floor((12 * kbps * 1000) / sampleRate) + padding) * 4 : Math.floor(((samples / 8) * kbps * 1000) / sampleRate) + padding
  return { version, layer, sampleRate, channels, length, samples }
}

/** A frame that the next header confirms (one lone 0xFFE is too easy to meet in other data). */
export function findMpegFrame(b: Uint8Array, from: number, to = b.length): { at: number; frame: MpegFrame } | null {
  for (let at = from; at + 4 <= Math.min(to, b.length); at++) {
    const frame = mpegFrameAt(b, at)
    if (!frame) continue
    const next = at + frame.length
    if (next + 4 > b.length) return { at, frame }
    const after = mpegFrameAt(b, next)
    if (after && after.sampleRate === frame.sampleRate && after.layer === frame.layer) return { at, frame }
  }
  return null
}
