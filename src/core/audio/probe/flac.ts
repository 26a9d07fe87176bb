import { fail } from '../errors'
import type { AudioProbe } from '../types'
import { ascii, id3v2Length, view } from './bytes'

export const flacStart = (head: Uint8Array): number | null => {
  const at = id3v2Length(head)
  return ascii(head, at, 4) === 'fLaC' ? at : null
}

/** STREAMINFO, which the format requires as the first metadata block, states the total sample count. */
export function probeFlac(head: Uint8Array): AudioProbe {
  const start = flacStart(head)
  if (start === null) fail('it is not a FLAC file')
  const block = start! + 4
  if ((head[block]! & 0x7f) !== 0 || block + 4 + 34 > head.length) fail('its FLAC stream does not begin with STREAMINFO')
  const b = head.subarray(block + 4, block + 4 + 34)
  const sampleRate = (b[10]! << 12) | (b[11]! << 4) | (b[12]! >> 4)
  const channels = ((b[12]! >> 1) & 7) + 1
  const bitsPerSample = (((b[12]! & 1) << 4) | (b[13]! >> 4)) + 1
  const total = (b[13]! & 0x0f) * 2 ** 32 + view(b).getUint32(14)
  if (!sampleRate) fail('its STREAMINFO names no sample rate')
  return {
    container: 'flac',
    codec: 'flac',
    sampleRate,
    channels,
    bitsPerSample,
    // 0 means the encoder did not know (a live stream); only decoding would tell.
    duration: total ? total / sampleRate : null,
    exact: total > 0,
    truncated: false,
    needsRendererDecode: false
  }
}
