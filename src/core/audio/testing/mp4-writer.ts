/**
 * A minimal M4A: the boxes a header reader walks (ftyp, moov with mvhd and an audio trak, mdat).
 * The mdat holds filler, not AAC: no Node encoder exists, and the probe never reads it.
 */
const box = (type: string, ...body: Buffer[]): Buffer => {
  const content = Buffer.concat(body)
  const head = Buffer.alloc(8)
  head.writeUInt32BE(8 + content.length)
  head.write(type, 4, 'ascii')
  return Buffer.concat([head, content])
}

const u32 = (...v: number[]) => Buffer.from(new Uint32Array(v.map((x) => ((x >>> 24) | ((x >>> 8) & 0xff00) | ((x << 8) & 0xff0000) | (x << 24)) >>> 0)).buffer)

function timed(version: 0 | 1, timescale: number, duration: number): Buffer {
  if (version === 0) return Buffer.concat([u32(0), u32(0, 0, timescale, duration)])
  const b = Buffer.alloc(32)
  b[0] = 1
  b.writeUInt32BE(timescale, 20)
  b.writeBigUInt64BE(BigInt(duration), 24)
  return b
}

export interface Mp4Options {
  sampleRate: number
  channels: number
  /** Samples per channel; the mdhd states it in the sample rate's time scale. */
  samples: number
  moovFirst: boolean
  version?: 0 | 1
  mdatBytes?: number
}

export function writeM4a(o: Mp4Options): Buffer {
  const version = o.version ?? 0
  const mp4a = Buffer.alloc(28)
  mp4a.writeUInt16BE(1, 6)
  mp4a.writeUInt16BE(o.channels, 16)
  mp4a.writeUInt16BE(16, 18)
  mp4a.writeUInt16BE(o.sampleRate, 24)
  const stsd = box('stsd', u32(0, 1), box('mp4a', mp4a, box('esds', Buffer.alloc(20))))
  const hdlr = box('hdlr', u32(0, 0), Buffer.from('soun'), Buffer.alloc(13))
  const trak = box('trak', box('mdia', box('mdhd', timed(version, o.sampleRate, o.samples), Buffer.alloc(4)), hdlr, box('minf', box('stbl', stsd))))
  const moov = box('moov', box('mvhd', timed(version, 1000, Math.round((o.samples / o.sampleRate) * 1000)), Buffer.alloc(80)), trak)
  const ftyp = box('ftyp', Buffer.from('M4A '), u32(0), Buffer.from('M4A isom'))
  const mdat = box('mdat', Buffer.alloc(o.mdatBytes ?? 4096, 0x21))
  return Buffer.concat(o.moovFirst ? [ftyp, moov, mdat] : [ftyp, mdat, moov])
}
