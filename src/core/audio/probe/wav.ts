import { fail } from '../errors'
import type { AudioCodec } from '../types'
import { ascii, view } from './bytes'

export interface WavHeader {
  codec: Extract<AudioCodec, 'pcm' | 'float' | 'mulaw' | 'alaw'>
  channels: number
  sampleRate: number
  /** Bits each stored sample takes (the container size, not the valid bits). */
  bits: number
  blockAlign: number
  dataOffset: number
  /** Bytes of samples actually present (whole frames only). */
  dataBytes: number
  frames: number
  truncated: boolean
}

/** The first 2 bytes of WAVE_FORMAT_EXTENSIBLE's sub-format GUID are the plain format tag. */
const CODECS: Record<number, WavHeader['codec']> = { 1: 'pcm', 3: 'float', 6: 'alaw', 7: 'mulaw' }
const BITS: Record<WavHeader['codec'], number[]> = { pcm: [8, 16, 24, 32], float: [32, 64], alaw: [8], mulaw: [8] }

export const isWav = (b: Uint8Array): boolean => ['RIFF', 'RF64', 'BW64'].includes(ascii(b, 0, 4)) && ascii(b, 8, 4) === 'WAVE'

/**
 * Walks the RIFF chunks of `head` up to the data chunk. Returns the offset to read up to when the
 * data chunk lies beyond the head (a long LIST or iXML chunk first). `size` is the whole file's.
 */
export function parseWavHeader(head: Uint8Array, size: number): WavHeader | { needBytes: number } {
  if (!isWav(head)) fail('it is not a WAV file')
  const rf64 = ascii(head, 0, 4) !== 'RIFF'
  const v = view(head)
  let ds64Data: number | null = null
  let fmt: { tag: number; channels: number; rate: number; blockAlign: number; bits: number } | null = null
  let at = 12
  while (true) {
    if (at + 8 > head.length) {
      if (at + 8 > size) fail('the file ends before its audio data begins')
      return { needBytes: at + 8 }
    }
    const id = ascii(head, at, 4)
    const chunkSize = v.getUint32(at + 4, true)
    const body = at + 8
    if (id === 'data') {
      if (!fmt) fail('the WAV file has no format chunk before its data')
      return finish(fmt!, body, declaredData(chunkSize, ds64Data, rf64, size - body), size)
    }
    if (id === 'ds64' || id === 'fmt ') {
      const need = body + Math.min(chunkSize, 40)
      if (need > size) fail('the file ends inside its header')
      if (need > head.length) return { needBytes: need }
      if (id === 'ds64') ds64Data = Number(v.getBigUint64(body + 8, true))
      else fmt = readFmt(v, body, chunkSize)
    }
    at = body + chunkSize + (chunkSize & 1)
  }
}

function declaredData(chunkSize: number, ds64: number | null, rf64: boolean, rest: number): number {
  if (rf64 && chunkSize === 0xffffffff && ds64 !== null) return ds64
  // Writers that stream (and so cannot seek back) leave 0 or -1 and let the file's end decide.
  if (chunkSize === 0xffffffff || (chunkSize === 0 && rest > 0)) return rest
  return chunkSize
}

function readFmt(v: DataView, at: number, length: number) {
  if (length < 16) fail('its format chunk is too short')
  let tag = v.getUint16(at, true)
  if (tag === 0xfffe && length >= 40) tag = v.getUint16(at + 24, true)
  return { tag, channels: v.getUint16(at + 2, true), rate: v.getUint32(at + 4, true), blockAlign: v.getUint16(at + 12, true), bits: v.getUint16(at + 14, true) }
}

function finish(f: NonNullable<ReturnType<typeof readFmt>>, dataOffset: number, declared: number, size: number): WavHeader {
  const codec = CODECS[f.tag]
  if (!codec) fail(`its WAV format tag 0x${f.tag.toString(16)} is not one this app decodes`)
  if (f.channels < 1 || f.channels > 32) fail(`its header names ${f.channels} channels`)
  if (f.rate < 1 || f.rate > 1_000_000) fail(`its header names a sample rate of ${f.rate} Hz`)
  // Some writers put the valid bits (20, 12) here; the block size tells the container width.
  const bits = (f.blockAlign / f.channels) * 8
  if (!Number.isInteger(bits) || !BITS[codec!].includes(bits)) fail(`${f.bits}-bit ${codec} samples in ${f.blockAlign}-byte frames are not a layout this app decodes`)
  const present = Math.max(0, size - dataOffset)
  const truncated = declared > present
  const frames = Math.floor(Math.min(declared, present) / f.blockAlign)
  return { codec: codec!, channels: f.channels, sampleRate: f.rate, bits, blockAlign: f.blockAlign, dataOffset, dataBytes: frames * f.blockAlign, frames, truncated }
}
