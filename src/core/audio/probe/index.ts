import { AudioReadError, failure, reasonOf } from '../errors'
import { bufferReader } from '../reader'
import type { AudioContainer, AudioFailure, AudioProbe, ByteReader } from '../types'
import { isAdts, probeAdts } from './adts'
import { flacStart, probeFlac } from './flac'
import { isMp4, probeMp4 } from './mp4'
import { looksLikeMpeg, probeMpeg } from './mp3'
import { ascii } from './bytes'
import { probeOgg } from './ogg'
import { parseWavHeader, isWav } from './wav'

/** Enough for every header we read except a WAV with long chunks before its data (read on demand). */
export const HEAD_BYTES = 64 * 1024
const MAX_WAV_HEADER = 4 * 1024 * 1024

/** The container, from the first bytes alone; null when it is none we know. */
export function sniff(head: Uint8Array): AudioContainer | null {
  if (isWav(head)) return 'wav'
  if (ascii(head, 0, 4) === 'OggS') return 'ogg'
  if (flacStart(head) !== null) return 'flac'
  if (isMp4(head)) return 'mp4'
  if (isAdts(head)) return 'adts'
  if (looksLikeMpeg(head)) return 'mp3'
  return null
}

async function probeWav(reader: ByteReader, head: Uint8Array): Promise<AudioProbe> {
  let h = parseWavHeader(head, reader.size)
  while ('needBytes' in h) {
    if (h.needBytes > MAX_WAV_HEADER) throw new AudioReadError('its audio data does not begin within the first 4 MB')
    h = parseWavHeader(await reader.read(0, h.needBytes * 2), reader.size)
  }
  return {
    container: 'wav',
    codec: h.codec,
    sampleRate: h.sampleRate,
    channels: h.channels,
    bitsPerSample: h.bits,
    duration: h.frames / h.sampleRate,
    exact: true,
    truncated: h.truncated,
    needsRendererDecode: false
  }
}

async function probeReader(reader: ByteReader): Promise<AudioProbe> {
  if (reader.size === 0) throw new AudioReadError('the file is empty')
  const head = await reader.read(0, HEAD_BYTES)
  switch (sniff(head)) {
    case 'wav':
      return probeWav(reader, head)
    case 'ogg':
      return probeOgg(reader, head)
    case 'flac':
      return probeFlac(head)
    case 'mp4':
      return probeMp4(reader)
    case 'adts':
      return probeAdts(reader, head)
    case 'mp3':
      return probeMpeg(reader, head)
    default:
      throw new AudioReadError('it is not a WAV, MP3, Ogg, FLAC or M4A file')
  }
}

/**
 * Duration, sample rate, channels and codec from a recording's header, without decoding it. Reads
 * the head (and for Ogg the tail, for MP3 without a frame count the frame headers, for M4A the
 * box headers up to the moov). Never throws for bad audio: that is an AudioFailure.
 */
export async function probe(input: Uint8Array | ByteReader): Promise<AudioProbe | AudioFailure> {
  const reader = input instanceof Uint8Array ? bufferReader(input) : input
  try {
    return await probeReader(reader)
  } catch (err) {
    if (err instanceof AudioReadError) return failure(reasonOf(err))
    // A DataView read past the bytes there are: a header cut short.
    if (err instanceof RangeError) return failure('its header is cut off or damaged')
    // A read error of the archive (CRC, limits) is also a reason this recording cannot be read.
    if (err instanceof Error && err.name === 'EntryReadError') return failure(err.message)
    throw err
  }
}
