import { oggCrc } from '../probe/ogg-crc'

export interface OggPacket {
  data: Uint8Array
  /** The granule position after this packet (-1 when a page ends no packet). */
  granule: bigint
}

/** An Ogg stream with one packet per page: enough for test files, and valid for every reader. */
export function writeOgg(packets: OggPacket[], serial = 0x5eed): Buffer {
  const pages = packets.map((p, seq) => {
    const lacing: number[] = []
    let left = p.data.length
    while (left >= 255) {
      lacing.push(255)
      left -= 255
    }
    lacing.push(left)
    const header = Buffer.alloc(27 + lacing.length)
    header.write('OggS', 0, 'ascii')
    header[5] = (seq === 0 ? 2 : 0) | (seq === packets.length - 1 ? 4 : 0)
    header.writeBigInt64LE(p.granule, 6)
    header.writeUInt32LE(serial, 14)
    header.writeUInt32LE(seq, 18)
    header[26] = lacing.length
    Buffer.from(lacing).copy(header, 27)
    const page = Buffer.concat([header, p.data])
    page.writeUInt32LE(oggCrc(page), 22)
    return page
  })
  return Buffer.concat(pages)
}

const PRE_SKIP = 312

/** Ogg/Opus made with opusscript (libopus in wasm), 20 ms packets. */
export async function writeOggOpus(mono: Int16Array, inputRate: number): Promise<{ bytes: Buffer; preSkip: number }> {
  const { default: OpusScript } = await import('opusscript')
  if (inputRate !== 48000) throw new Error('the test Opus writer takes 48 kHz input')
  const encoder = new OpusScript(48000, 1, OpusScript.Application.AUDIO)
  const head = Buffer.alloc(19)
  head.write('OpusHead', 0, 'ascii')
  head[8] = 1
  head[9] = 1
  head.writeUInt16LE(PRE_SKIP, 10)
  head.writeUInt32LE(inputRate, 12)
  const tags = Buffer.concat([Buffer.from('OpusTags'), Buffer.from([4, 0, 0, 0]), Buffer.from('test'), Buffer.alloc(4)])
  const packets: OggPacket[] = [
    { data: head, granule: 0n },
    { data: tags, granule: 0n }
  ]
  const frame = 960
  // The encoder's look-ahead eats PRE_SKIP samples; pad so the whole signal comes out.
  const padded = new Int16Array(Math.ceil((mono.length + PRE_SKIP) / frame) * frame)
  padded.set(mono)
  for (let at = 0; at < padded.length; at += frame) {
    const pcm = Buffer.from(padded.buffer, padded.byteOffset + at * 2, frame * 2)
    const last = at + frame >= padded.length
    const granule = last ? BigInt(PRE_SKIP + mono.length) : BigInt(at + frame)
    packets.push({ data: Uint8Array.from(encoder.encode(pcm, frame)), granule })
  }
  encoder.delete()
  return { bytes: writeOgg(packets), preSkip: PRE_SKIP }
}

/** Ogg/Vorbis made with wasm-media-encoders (libvorbis in wasm). */
export async function writeOggVorbis(mono: Float32Array, sampleRate: number): Promise<Buffer> {
  const { createOggEncoder } = await import('wasm-media-encoders')
  const encoder = await createOggEncoder()
  encoder.configure({ channels: 1, sampleRate, vbrQuality: 3 })
  const parts: Buffer[] = []
  for (let at = 0; at < mono.length; at += 4096) parts.push(Buffer.from(encoder.encode([mono.subarray(at, at + 4096)])))
  parts.push(Buffer.from(encoder.finalize()))
  return Buffer.concat(parts)
}
