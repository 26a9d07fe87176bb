import { fail } from '../errors'
import type { AudioProbe, ByteReader } from '../types'
import { ascii, view } from './bytes'
import { oggCrc } from './ogg-crc'

export interface OggPage {
  at: number
  granule: bigint
  serial: number
  headerLength: number
  bodyLength: number
}

/** A page whose header is whole and whose CRC matches (so 'OggS' inside packet data is not taken for one). */
export function oggPageAt(b: Uint8Array, at: number): OggPage | null {
  if (at + 27 > b.length || ascii(b, at, 4) !== 'OggS' || b[at + 4] !== 0) return null
  const segments = b[at + 26]!
  const headerLength = 27 + segments
  if (at + headerLength > b.length) return null
  let bodyLength = 0
  for (let i = 0; i < segments; i++) bodyLength += b[at + 27 + i]!
  if (at + headerLength + bodyLength > b.length) return null
  const v = view(b)
  if (oggCrc(b.subarray(at, at + headerLength + bodyLength), 22) !== v.getUint32(at + 22, true)) return null
  return { at, granule: v.getBigInt64(at + 6, true), serial: v.getUint32(at + 14, true), headerLength, bodyLength }
}

export interface OggStream {
  codec: 'opus' | 'vorbis' | 'flac'
  serial: number
  sampleRate: number
  channels: number
  /** Opus counts granules at 48 kHz and skips this many at the start. */
  preSkip: number
  granuleRate: number
}

export function firstStream(head: Uint8Array): OggStream {
  const page = oggPageAt(head, 0)
  if (!page) fail('its first Ogg page is damaged')
  const body = head.subarray(page!.at + page!.headerLength)
  const v = view(body)
  if (ascii(body, 0, 8) === 'OpusHead' && body.length >= 19) {
    // Opus always decodes at 48 kHz; the header's input rate is only a note of the source's.
    return { codec: 'opus', serial: page!.serial, channels: body[9]!, preSkip: v.getUint16(10, true), sampleRate: 48000, granuleRate: 48000 }
  }
  if (body[0] === 1 && ascii(body, 1, 6) === 'vorbis' && body.length >= 16) {
    const rate = v.getUint32(12, true)
    return { codec: 'vorbis', serial: page!.serial, channels: body[11]!, preSkip: 0, sampleRate: rate, granuleRate: rate }
  }
  if (body[0] === 0x7f && ascii(body, 1, 4) === 'FLAC' && body.length >= 13 + 34) {
    const rate = (body[27]! << 12) | (body[28]! << 4) | (body[29]! >> 4)
    return { codec: 'flac', serial: page!.serial, channels: ((body[29]! >> 1) & 7) + 1, preSkip: 0, sampleRate: rate, granuleRate: rate }
  }
  return fail('its Ogg stream holds a codec other than Opus, Vorbis or FLAC')
}

/** The last page of the stream that ends a packet: its granule is the stream's length in samples. */
/**
 * The last page of the stream in `tail` (the file's last bytes) whose granule is set: the stream's
 * length in samples. Bytes after the last whole page mean the file was cut off inside a page.
 */
export function scanOggTail(tail: Uint8Array, serial: number): { granule: bigint; truncated: boolean } | null {
  let truncated: boolean | null = null
  for (let at = tail.length - 27; at >= 0; at--) {
    if (tail[at] !== 0x4f) continue
    const page = oggPageAt(tail, at)
    if (!page) continue
    truncated ??= at + page.headerLength + page.bodyLength < tail.length
    if (page.serial === serial && page.granule >= 0n) return { granule: page.granule, truncated }
  }
  return null
}

async function lastGranule(reader: ByteReader, serial: number): Promise<{ granule: bigint; truncated: boolean } | null> {
  for (let span = 64 * 1024; ; span *= 4) {
    const from = Math.max(0, reader.size - span)
    const found = scanOggTail(await reader.read(from, reader.size), serial)
    if (found || from === 0) return found
  }
}

export async function probeOgg(reader: ByteReader, head: Uint8Array): Promise<AudioProbe> {
  const s = firstStream(head)
  if (s.channels < 1 || !s.sampleRate) fail('its Ogg header names no channels or no sample rate')
  const last = await lastGranule(reader, s.serial)
  const samples = last ? Number(last.granule) - s.preSkip : null
  return {
    container: 'ogg',
    codec: s.codec,
    sampleRate: s.sampleRate,
    channels: s.channels,
    bitsPerSample: null,
    duration: samples === null ? null : Math.max(0, samples) / s.granuleRate,
    exact: samples !== null,
    truncated: last?.truncated ?? false,
    needsRendererDecode: false
  }
}
