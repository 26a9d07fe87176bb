import { encodeMp3 } from '../../generate/mp3'
import { findMpegFrame, mpegFrameAt } from '../probe/mpeg-frame'

/** MP3 from lamejs (no frame count in it: the reader must count frames). */
export const writeMp3 = (mono: Int16Array, sampleRate: number): Promise<Buffer> => encodeMp3(mono, sampleRate)

/**
 * The same MP3 with a Xing header frame in front, as LAME and most encoders write: a silent frame
 * that states the number of audio frames.
 */
export function withXing(mp3: Buffer): Buffer {
  const first = findMpegFrame(mp3, 0)
  if (!first) throw new Error('no frame to copy')
  const { at, frame } = first
  let frames = 0
  for (let p = at; p < mp3.length; ) {
    const f = mpegFrameAt(mp3, p)
    if (!f) break
    frames++
    p += f.length
  }
  const info = Buffer.alloc(frame.length)
  mp3.copy(info, 0, at, at + 4)
  // Clear the padding bit so the frame length matches the buffer.
  info[2] = info[2]! & ~0x02
  const side = frame.version === 1 ? (frame.channels === 1 ? 17 : 32) : frame.channels === 1 ? 9 : 17
  info.write('Xing', 4 + side, 'ascii')
  info.writeUInt32BE(1, 8 + side)
  info.writeUInt32BE(frames, 12 + side)
  return Buffer.concat([mp3.subarray(0, at), info.subarray(0, mpegFrameAt(info, 0)!.length), mp3.subarray(at)])
}
