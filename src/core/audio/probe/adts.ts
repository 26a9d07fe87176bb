import { fail } from '../errors'
import type { AudioProbe, ByteReader } from '../types'
import { id3v2Length } from './bytes'

const RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350]

interface AdtsFrame {
  sampleRate: number
  channels: number
  length: number
  samples: number
}

export function adtsFrameAt(b: Uint8Array, at: number): AdtsFrame | null {
  if (at + 7 > b.length || b[at] !== 0xff || (b[at + 1]! & 0xf6) !== 0xf0) return null
  const sampleRate = RATES[(b[at + 2]! >> 2) & 0x0f]
  const channels = ((b[at + 2]! & 1) << 2) | (b[at + 3]! >> 6)
  const length = ((b[at + 3]! & 3) << 11) | (b[at + 4]! << 3) | (b[at + 5]! >> 5)
  if (!sampleRate || length < 7) return null
  return { sampleRate, channels, length, samples: ((b[at + 6]! & 3) + 1) * 1024 }
}

export const isAdts = (head: Uint8Array): boolean => {
  const at = id3v2Length(head)
  const f = adtsFrameAt(head, at)
  return f !== null && (at + f.length >= head.length || adtsFrameAt(head, at + f.length) !== null)
}

/** Raw AAC: each frame header states its length, so counting frames gives the duration without decoding. */
export async function probeAdts(reader: ByteReader, head: Uint8Array): Promise<AudioProbe> {
  const first = adtsFrameAt(head, id3v2Length(head))
  if (!first) fail('no AAC frame was found')
  let samples = 0
  let truncated = false
  let at = id3v2Length(head)
  const block = 256 * 1024
  let buf: Uint8Array = new Uint8Array(0)
  let bufStart = 0
  while (at < reader.size) {
    if (at + 7 > bufStart + buf.length) {
      bufStart = at
      buf = await reader.read(at, at + block)
    }
    const f = adtsFrameAt(buf, at - bufStart)
    if (!f) break
    if (at + f.length > reader.size) {
      truncated = true
      break
    }
    samples += f.samples
    at += f.length
  }
  return {
    container: 'adts',
    codec: 'aac',
    sampleRate: first!.sampleRate,
    channels: first!.channels,
    bitsPerSample: null,
    duration: samples / first!.sampleRate,
    exact: true,
    truncated,
    needsRendererDecode: true
  }
}
