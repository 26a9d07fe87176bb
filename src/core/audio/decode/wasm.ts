import type { Decoded, StreamDecoder } from './types'

interface WasmResult {
  channelData: Float32Array[]
  samplesDecoded: number
  sampleRate: number
  errors: { message: string }[]
}

interface WasmDecoder {
  ready: Promise<void>
  decode(bytes: Uint8Array): WasmResult | Promise<WasmResult>
  flush?: () => Promise<WasmResult>
  free(): void
}

export type WasmCodec = 'mpeg' | 'opus' | 'vorbis' | 'flac'

/*
 * Loaded on first use and only in the worker: each module carries its wasm inline, and a worker
 * that only ever meets WAV should not pay for parsing them.
 */
const factories: Record<WasmCodec, () => Promise<WasmDecoder>> = {
  mpeg: async () => new (await import('mpg123-decoder')).MPEGDecoder(),
  opus: async () => new (await import('ogg-opus-decoder')).OggOpusDecoder() as unknown as WasmDecoder,
  vorbis: async () => new (await import('@wasm-audio-decoders/ogg-vorbis')).OggVorbisDecoder(),
  flac: async () => new (await import('@wasm-audio-decoders/flac')).FLACDecoder()
}

/** Wraps one of the wasm-audio-decoders family; counts the errors it reports instead of throwing. */
export class WasmStreamDecoder implements StreamDecoder {
  errors: string[] = []
  decoded = 0

  private constructor(private readonly d: WasmDecoder) {}

  /**
   * A fresh instance per recording: the library's reset() re-instantiates anyway, and feeding a
   * second file into a used MPEG decoder would mix its bit reservoir into the first frames.
   */
  static async create(codec: WasmCodec): Promise<WasmStreamDecoder> {
    const d = await factories[codec]()
    await d.ready
    return new WasmStreamDecoder(d)
  }

  private take(r: WasmResult): Decoded {
    for (const e of r.errors ?? []) if (this.errors.length < 5) this.errors.push(e.message)
    this.decoded += r.samplesDecoded
    return { channelData: r.channelData, samples: r.samplesDecoded, sampleRate: r.sampleRate }
  }

  async push(chunk: Uint8Array): Promise<Decoded> {
    return this.take(await this.d.decode(chunk))
  }

  async flush(): Promise<Decoded> {
    return this.d.flush ? this.take(await this.d.flush()) : { channelData: [], samples: 0, sampleRate: 0 }
  }

  free(): void {
    this.d.free()
  }
}
