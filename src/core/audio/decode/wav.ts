import type { WavHeader } from '../probe/wav'
import { ALAW, MULAW } from './g711'
import type { Decoded, StreamDecoder } from './types'

type Reader = (v: DataView, at: number) => number

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1

const READERS: Record<string, Reader> = {
  'pcm-8': (v, at) => (v.getUint8(at) - 128) / 128,
  'pcm-16': (v, at) => v.getInt16(at, true) / 32768,
  'pcm-24': (v, at) => ((v.getUint8(at + 2) << 24) >> 8 | (v.getUint8(at + 1) << 8) | v.getUint8(at)) / 8388608,
  'pcm-32': (v, at) => v.getInt32(at, true) / 2147483648,
  'float-32': (v, at) => v.getFloat32(at, true),
  'float-64': (v, at) => v.getFloat64(at, true),
  'mulaw-8': (v, at) => MULAW[v.getUint8(at)]!,
  'alaw-8': (v, at) => ALAW[v.getUint8(at)]!
}

/**
 * Our own WAV sample reader: bytes after the data chunk's start go in, in any chunking; whole frames
 * come out as float channels. Stops at the data chunk's end, so trailing chunks (LIST, id3) are ignored.
 */
export class WavDecoder implements StreamDecoder {
  private readonly read: Reader
  private carry: Uint8Array = new Uint8Array(0)
  private left: number

  constructor(private readonly h: WavHeader) {
    this.read = READERS[`${h.codec}-${h.bits}`]!
    this.left = h.dataBytes
  }

  async push(chunk: Uint8Array): Promise<Decoded> {
    const usable = chunk.subarray(0, Math.max(0, this.left - this.carry.length))
    let bytes = usable
    if (this.carry.length) {
      bytes = new Uint8Array(this.carry.length + usable.length)
      bytes.set(this.carry)
      bytes.set(usable, this.carry.length)
    }
    const { blockAlign, channels, bits } = this.h
    const frames = Math.floor(bytes.length / blockAlign)
    const whole = frames * blockAlign
    this.carry = bytes.slice(whole)
    this.left -= whole
    const out = Array.from({ length: channels }, () => new Float32Array(frames))
    // 16-bit PCM, by far the commonest voice format: read through an Int16Array (little-endian
    // machines), several times faster than a DataView call per sample.
    if (this.h.codec === 'pcm' && bits === 16 && blockAlign === 2 * channels && LITTLE_ENDIAN) {
      const aligned = bytes.byteOffset % 2 === 0 ? bytes : bytes.slice(0, whole)
      const s16 = new Int16Array(aligned.buffer, aligned.byteOffset, frames * channels)
      for (let c = 0; c < channels; c++) {
        const ch = out[c]!
        for (let f = 0, at = c; f < frames; f++, at += channels) ch[f] = s16[at]! / 32768
      }
      return { channelData: out, samples: frames, sampleRate: this.h.sampleRate }
    }
    const v = new DataView(bytes.buffer, bytes.byteOffset, whole)
    const width = bits / 8
    const read = this.read
    for (let c = 0; c < channels; c++) {
      const ch = out[c]!
      for (let f = 0, at = c * width; f < frames; f++, at += blockAlign) ch[f] = read(v, at)
    }
    return { channelData: out, samples: frames, sampleRate: this.h.sampleRate }
  }

  async flush(): Promise<Decoded> {
    return { channelData: [], samples: 0, sampleRate: this.h.sampleRate }
  }

  free(): void {}
}
