import type { AudioProbe, ByteReader } from '../types'
import { fail } from '../errors'
import { ascii, id3v2Length, view } from './bytes'
import { findMpegFrame, mpegFrameAt, type MpegFrame } from './mpeg-frame'

const CODEC = { 1: 'mp1', 2: 'mp2', 3: 'mp3' } as const
/** Past this, a file without a frame count is estimated from its bitrate rather than scanned. */
const SCAN_LIMIT = 64 * 1024 * 1024

export interface Summary {
  frames: number
  /** Encoder delay plus padding, in samples, when a LAME tag states them. */
  trim: number
}

/** A Xing/Info or VBRI header in the first frame: the frame count of the whole stream. */
export function frameCount(head: Uint8Array, at: number, f: MpegFrame): Summary | null {
  const v = view(head)
  const side = f.version === 1 ? (f.channels === 1 ? 17 : 32) : f.channels === 1 ? 9 : 17
  const x = at + 4 + side
  const tag = ascii(head, x, 4)
  if ((tag === 'Xing' || tag === 'Info') && x + 12 <= head.length) {
    const flags = v.getUint32(x + 4)
    if (!(flags & 1)) return null
    const frames = v.getUint32(x + 8)
    let lame = x + 8
    for (const bit of [1, 2, 4, 8]) if (flags & bit) lame += bit === 4 ? 100 : 4
    let trim = 0
    // The LAME tag's 24 bits at +21: 12 bits of encoder delay, 12 of padding.
    if (lame + 24 <= head.length && /^(LAME|Lavc|Lavf|GOGO)/.test(ascii(head, lame, 4))) {
      trim = ((head[lame + 21]! << 4) | (head[lame + 22]! >> 4)) + (((head[lame + 22]! & 0x0f) << 8) | head[lame + 23]!)
    }
    return { frames, trim }
  }
  if (ascii(head, at + 36, 4) === 'VBRI' && at + 54 <= head.length) return { frames: v.getUint32(at + 50), trim: 0 }
  return null
}

/** Counts frames header by header; reads the file but decodes nothing. */
async function scanFrames(reader: ByteReader, from: number): Promise<{ samples: number; truncated: boolean }> {
  const block = 256 * 1024
  let at = from
  let samples = 0
  let buf: Uint8Array = new Uint8Array(0)
  let bufStart = from
  while (at < reader.size) {
    if (at + 4 > bufStart + buf.length) {
      bufStart = at
      buf = await reader.read(at, at + block)
      if (buf.length < 4) break
    }
    const f = mpegFrameAt(buf, at - bufStart)
    if (!f) {
      if (ascii(buf, at - bufStart, 3) === 'TAG') break
      const next = findMpegFrame(buf, at - bufStart + 1)
      if (!next) {
        at = bufStart + Math.max(buf.length - 3, at - bufStart + 1)
        continue
      }
      at = bufStart + next.at
      continue
    }
    if (at + f.length > reader.size) return { samples, truncated: true }
    samples += f.samples
    at += f.length
  }
  return { samples, truncated: false }
}

export async function probeMpeg(reader: ByteReader, head: Uint8Array): Promise<AudioProbe> {
  const start = id3v2Length(head)
  const found = findMpegFrame(head, start, start + 64 * 1024)
  if (!found) fail('no MPEG audio frame was found')
  const { at, frame } = found!
  const base = { container: 'mp3' as const, codec: CODEC[frame.layer], sampleRate: frame.sampleRate, channels: frame.channels, bitsPerSample: null, needsRendererDecode: false }
  const counted = frameCount(head, at, frame)
  if (counted) {
    const samples = Math.max(0, counted.frames * frame.samples - counted.trim)
    return { ...base, duration: samples / frame.sampleRate, exact: true, truncated: false }
  }
  if (reader.size <= SCAN_LIMIT) {
    const { samples, truncated } = await scanFrames(reader, at)
    return { ...base, duration: samples / frame.sampleRate, exact: true, truncated }
  }
  const bytesPerSecond = (frame.length * frame.sampleRate) / frame.samples
  return { ...base, duration: (reader.size - at) / bytesPerSecond, exact: false, truncated: false }
}

export const looksLikeMpeg = (head: Uint8Array): boolean => {
  const start = id3v2Length(head)
  if (start > 0) return true
  return findMpegFrame(head, 0, 4096) !== null
}
