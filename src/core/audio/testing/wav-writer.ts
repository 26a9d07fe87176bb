import { alawByte, mulawByte } from './g711-encode'

export interface WavLayout {
  codec: 'pcm' | 'float' | 'mulaw' | 'alaw'
  bits: 8 | 16 | 24 | 32 | 64
  /** RF64 with a ds64 chunk, as writers do past 4 GB. */
  rf64?: boolean
  /** WAVE_FORMAT_EXTENSIBLE with the format in the sub-format GUID. */
  extensible?: boolean
  /** A LIST chunk of this many bytes before the format chunk. */
  listBytes?: number
  /** What the data chunk's size field says, when it should lie (streaming writers, cut files). */
  dataSizeField?: number
}

const TAGS = { pcm: 1, float: 3, alaw: 6, mulaw: 7 }

function sampleWriter(layout: WavLayout): (out: Buffer, at: number, v: number) => void {
  const clip = (v: number) => Math.max(-1, Math.min(1, v))
  const int = (v: number, bits: number) => Math.max(-(2 ** (bits - 1)), Math.min(2 ** (bits - 1) - 1, Math.round(clip(v) * 2 ** (bits - 1))))
  switch (`${layout.codec}-${layout.bits}`) {
    case 'pcm-8':
      return (o, at, v) => o.writeUInt8(int(v, 8) + 128, at)
    case 'pcm-16':
      return (o, at, v) => o.writeInt16LE(int(v, 16), at)
    case 'pcm-24':
      return (o, at, v) => o.writeIntLE(int(v, 24), at, 3)
    case 'pcm-32':
      return (o, at, v) => o.writeInt32LE(int(v, 32), at)
    case 'float-32':
      return (o, at, v) => o.writeFloatLE(v, at)
    case 'float-64':
      return (o, at, v) => o.writeDoubleLE(v, at)
    case 'mulaw-8':
      return (o, at, v) => o.writeUInt8(mulawByte(int(v, 16)), at)
    case 'alaw-8':
      return (o, at, v) => o.writeUInt8(alawByte(int(v, 16)), at)
  }
  throw new Error(`no writer for ${layout.codec}-${layout.bits}`)
}

const chunk = (id: string, body: Buffer): Buffer => {
  const head = Buffer.alloc(8)
  head.write(id, 0, 'ascii')
  head.writeUInt32LE(body.length, 4)
  return Buffer.concat([head, body, Buffer.alloc(body.length & 1)])
}

/** Our own WAV writer, for every layout the reader claims to handle. */
export function writeWav(channels: Float32Array[], sampleRate: number, layout: WavLayout): Buffer {
  const n = channels.length
  const frames = channels[0]!.length
  const width = layout.bits / 8
  const data = Buffer.alloc(frames * n * width)
  const write = sampleWriter(layout)
  for (let f = 0; f < frames; f++) for (let c = 0; c < n; c++) write(data, (f * n + c) * width, channels[c]![f]!)

  const fmt = Buffer.alloc(layout.extensible ? 40 : 16)
  fmt.writeUInt16LE(layout.extensible ? 0xfffe : TAGS[layout.codec], 0)
  fmt.writeUInt16LE(n, 2)
  fmt.writeUInt32LE(sampleRate, 4)
  fmt.writeUInt32LE(sampleRate * n * width, 8)
  fmt.writeUInt16LE(n * width, 12)
  fmt.writeUInt16LE(layout.bits, 14)
  if (layout.extensible) {
    fmt.writeUInt16LE(22, 16)
    fmt.writeUInt16LE(layout.bits, 18)
    fmt.writeUInt32LE(n === 1 ? 4 : 3, 20)
    fmt.writeUInt16LE(TAGS[layout.codec], 24)
    Buffer.from('000000001000800000aa00389b71', 'hex').copy(fmt, 26)
  }
  const parts: Buffer[] = []
  if (layout.rf64) {
    const ds64 = Buffer.alloc(28)
    ds64.writeBigUInt64LE(BigInt(data.length + 100), 0)
    ds64.writeBigUInt64LE(BigInt(data.length), 8)
    ds64.writeBigUInt64LE(BigInt(frames), 16)
    parts.push(chunk('ds64', ds64))
  }
  if (layout.listBytes) parts.push(chunk('LIST', Buffer.alloc(layout.listBytes, 0x20)))
  parts.push(chunk('fmt ', fmt))
  const dataChunk = chunk('data', data)
  dataChunk.writeUInt32LE(layout.rf64 ? 0xffffffff : (layout.dataSizeField ?? data.length), 4)
  parts.push(dataChunk)
  const body = Buffer.concat(parts)
  const riff = Buffer.alloc(12)
  riff.write(layout.rf64 ? 'RF64' : 'RIFF', 0, 'ascii')
  riff.writeUInt32LE(layout.rf64 ? 0xffffffff : body.length + 4, 4)
  riff.write('WAVE', 8, 'ascii')
  return Buffer.concat([riff, body])
}
