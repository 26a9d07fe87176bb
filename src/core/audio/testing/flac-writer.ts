/**
 * A FLAC encoder of our own for tests: every subframe VERBATIM, which is valid FLAC that any decoder
 * must read, and needs no prediction code. 16-bit samples only.
 */
const crc8 = (b: Uint8Array): number => {
  let c = 0
  for (const x of b) {
    c ^= x
    for (let k = 0; k < 8; k++) c = c & 0x80 ? ((c << 1) ^ 0x07) & 0xff : (c << 1) & 0xff
  }
  return c
}

const crc16 = (b: Uint8Array): number => {
  let c = 0
  for (const x of b) {
    c ^= x << 8
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x8005) & 0xffff : (c << 1) & 0xffff
  }
  return c
}

/** FLAC's frame numbers use UTF-8's byte layout. */
const utf8Number = (n: number): number[] => Array.from(Buffer.from(String.fromCodePoint(n), 'utf8'))

const BLOCK = 4096

export function writeFlac(channels: Int16Array[], sampleRate: number, options: { totalInHeader?: boolean } = {}): Buffer {
  const n = channels.length
  const total = channels[0]!.length
  const info = Buffer.alloc(34)
  info.writeUInt16BE(BLOCK, 0)
  info.writeUInt16BE(BLOCK, 2)
  const stated = options.totalInHeader === false ? 0 : total
  // 20 bits rate, 3 bits channels-1, 5 bits bps-1, 36 bits total samples.
  info[10] = sampleRate >> 12
  info[11] = (sampleRate >> 4) & 0xff
  info[12] = ((sampleRate & 0x0f) << 4) | ((n - 1) << 1) | ((16 - 1) >> 4)
  info[13] = (((16 - 1) & 0x0f) << 4) | Math.floor(stated / 2 ** 32)
  info.writeUInt32BE(stated >>> 0, 14)
  const parts: Buffer[] = [Buffer.from('fLaC'), Buffer.from([0x80, 0, 0, 34]), info]
  for (let start = 0, frame = 0; start < total; start += BLOCK, frame++) {
    const size = Math.min(BLOCK, total - start)
    // Rate code 13 (16 bits of Hz after the header), as libFLAC writes: the wasm decoder sees frames
    // without STREAMINFO and cannot decode ones that lean on it (code 0).
    const header = [0xff, 0xf8, ((size === BLOCK ? 12 : 7) << 4) | 13, ((n - 1) << 4) | (4 << 1), ...utf8Number(frame)]
    if (size !== BLOCK) header.push((size - 1) >> 8, (size - 1) & 0xff)
    header.push(sampleRate >> 8, sampleRate & 0xff)
    header.push(crc8(Uint8Array.from(header)))
    const body = Buffer.alloc(n * (1 + size * 2))
    for (let c = 0; c < n; c++) {
      const at = c * (1 + size * 2)
      body[at] = 0x02
      for (let i = 0; i < size; i++) body.writeInt16BE(channels[c]![start + i]!, at + 1 + i * 2)
    }
    const frameBytes = Buffer.concat([Buffer.from(header), body])
    const crc = Buffer.alloc(2)
    crc.writeUInt16BE(crc16(frameBytes))
    parts.push(frameBytes, crc)
  }
  return Buffer.concat(parts)
}
