import { fail } from '../errors'
import type { AudioCodec, AudioProbe, ByteReader } from '../types'
import { ascii, view } from './bytes'

interface Box {
  type: string
  /** Where the box's body begins and where the box ends, in the buffer or file it was read from. */
  body: number
  end: number
}

function boxAt(b: Uint8Array, at: number, limit: number): Box | null {
  if (at + 8 > limit) return null
  const v = view(b)
  let size = v.getUint32(at)
  let body = at + 8
  if (size === 1) {
    if (at + 16 > limit) return null
    size = Number(v.getBigUint64(at + 8))
    body = at + 16
  } else if (size === 0) size = limit - at
  if (size < body - at) return null
  return { type: ascii(b, at + 4, 4), body, end: at + size }
}

function* children(b: Uint8Array, from: number, to: number): Generator<Box> {
  for (let at = from; at < to; ) {
    const box = boxAt(b, at, to)
    if (!box) return
    yield box
    at = box.end
  }
}

const child = (b: Uint8Array, parent: Box, type: string) => [...children(b, parent.body, Math.min(parent.end, b.length))].find((x) => x.type === type)

/** Time scale and duration from an mvhd or mdhd body (version 1 widens both to 64 bits). */
function timing(b: Uint8Array, box: Box): { timescale: number; duration: number } {
  const v = view(b)
  return b[box.body] === 1
    ? { timescale: v.getUint32(box.body + 20), duration: Number(v.getBigUint64(box.body + 24)) }
    : { timescale: v.getUint32(box.body + 12), duration: v.getUint32(box.body + 16) }
}

const AAC_RATES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350]

/**
 * The AudioSpecificConfig inside an esds: its rate and channel layout are the real ones (the
 * sample entry often says 2 channels whatever the stream holds).
 */
function aacConfig(b: Uint8Array, esds: Box): { sampleRate: number; channels: number } | null {
  let at = esds.body + 4
  const end = Math.min(esds.end, b.length)
  const descriptor = (): { tag: number; end: number } | null => {
    if (at + 2 > end) return null
    const tag = b[at++]!
    let size = 0
    for (let i = 0; i < 4 && at < end; i++) {
      const byte = b[at++]!
      size = (size << 7) | (byte & 0x7f)
      if (!(byte & 0x80)) break
    }
    return { tag, end: at + size }
  }
  let d = descriptor()
  if (d?.tag === 3) {
    const flags = b[at + 2]!
    at += 3 + (flags & 0x80 ? 2 : 0) + (flags & 0x40 ? 1 + b[at + 3]! : 0) + (flags & 0x20 ? 2 : 0)
    d = descriptor()
  }
  if (d?.tag !== 4) return null
  at += 13
  d = descriptor()
  if (d?.tag !== 5 || at + 2 > end) return null
  const bits = (b[at]! << 24) | (b[at + 1]! << 16) | ((b[at + 2] ?? 0) << 8) | (b[at + 3] ?? 0)
  let pos = 5
  if (bits >>> 27 === 31) pos += 6
  const index = (bits >>> (32 - pos - 4)) & 0x0f
  if (index === 15) return null
  const channels = (bits >>> (32 - pos - 8)) & 0x0f
  const sampleRate = AAC_RATES[index]
  return sampleRate && channels ? { sampleRate, channels } : null
}

/** The edit list's played length in movie time: it drops the encoder's priming samples that mdhd counts. */
function editedLength(b: Uint8Array, trak: Box): number | null {
  const edts = child(b, trak, 'edts')
  const elst = edts && child(b, edts, 'elst')
  if (!elst) return null
  const v = view(b)
  const wide = b[elst.body] === 1
  const count = v.getUint32(elst.body + 4)
  let total = 0
  for (let i = 0, at = elst.body + 8; i < count && at + (wide ? 20 : 12) <= elst.end; i++, at += wide ? 20 : 12) {
    const segment = wide ? Number(v.getBigUint64(at)) : v.getUint32(at)
    const mediaTime = wide ? Number(v.getBigInt64(at + 8)) : v.getInt32(at + 4)
    // -1 is an empty edit (a pause before the media starts), not sound from the file.
    if (mediaTime !== -1) total += segment
  }
  return total || null
}

const SAMPLE_ENTRY_CODECS: Record<string, AudioCodec> = { mp4a: 'aac', alac: 'alac', Opus: 'opus', fLaC: 'flac', '.mp3': 'mp3' }

/**
 * Reads the top-level boxes by range, so an mdat before the moov is skipped, not read. A box that
 * runs past the end of the file means the file was cut off.
 */
async function findMoov(reader: ByteReader): Promise<{ moov: Uint8Array | null; truncated: boolean }> {
  let moov: Uint8Array | null = null
  let at = 0
  while (at + 8 <= reader.size) {
    const header = await reader.read(at, at + 16)
    const box = boxAt(header, 0, header.length)
    if (!box || box.end <= 0) break
    if (at + box.end > reader.size) return { moov, truncated: true }
    if (box.type === 'moov') moov = await reader.read(at, at + box.end)
    at += box.end
  }
  return { moov, truncated: false }
}

export const isMp4 = (head: Uint8Array): boolean => ascii(head, 4, 4) === 'ftyp'

export async function probeMp4(reader: ByteReader): Promise<AudioProbe> {
  const found = await findMoov(reader)
  if (!found.moov) fail(found.truncated ? 'the file is cut off before its moov box' : 'it has no moov box')
  const moovBytes = found.moov!
  const moov = boxAt(moovBytes, 0, moovBytes.length)!
  const mvhd = child(moovBytes, moov, 'mvhd')
  for (const trak of children(moovBytes, moov.body, moov.end)) {
    if (trak.type !== 'trak') continue
    const mdia = child(moovBytes, trak, 'mdia')
    const hdlr = mdia && child(moovBytes, mdia, 'hdlr')
    if (!mdia || !hdlr || ascii(moovBytes, hdlr.body + 8, 4) !== 'soun') continue
    const mdhd = child(moovBytes, mdia, 'mdhd')
    const minf = child(moovBytes, mdia, 'minf')
    const stbl = minf && child(moovBytes, minf, 'stbl')
    const stsd = stbl && child(moovBytes, stbl, 'stsd')
    // stsd: version/flags and an entry count, then sample entries.
    const entry = stsd && boxAt(moovBytes, stsd.body + 8, stsd.end)
    if (!entry || entry.end > moovBytes.length) fail('its audio track has no sample description')
    const v = view(moovBytes)
    const channels = v.getUint16(entry!.body + 16)
    const bits = v.getUint16(entry!.body + 18)
    const t = mdhd ? timing(moovBytes, mdhd) : mvhd ? timing(moovBytes, mvhd) : null
    const esds = entry!.type === 'mp4a' ? [...children(moovBytes, entry!.body + 28, entry!.end)].find((x) => x.type === 'esds') : undefined
    const config = esds ? aacConfig(moovBytes, esds) : null
    const sampleRate = config?.sampleRate ?? (v.getUint16(entry!.body + 24) || t?.timescale || 0)
    const movie = mvhd ? timing(moovBytes, mvhd) : null
    const edited = movie?.timescale ? editedLength(moovBytes, trak) : null
    const duration = edited !== null ? edited / movie!.timescale : t && t.timescale ? t.duration / t.timescale : null
    return {
      container: 'mp4',
      codec: SAMPLE_ENTRY_CODECS[entry!.type] ?? 'other',
      sampleRate,
      channels: config?.channels ?? channels,
      bitsPerSample: entry!.type === 'alac' ? bits : null,
      // A fragmented file states 0 here; its length is spread over the fragments.
      duration: duration || null,
      exact: Boolean(duration),
      truncated: found.truncated,
      needsRendererDecode: true
    }
  }
  return fail('it has no audio track')
}
