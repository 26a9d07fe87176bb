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

/**
 * mpg123-decoder 1.0.3's insides that a cheap reset reaches. Its own reset() builds a whole new wasm
 * instance (about a quarter of a short clip's decode time, and megabytes for the collector); a new
 * mpg123 handle in the same instance is what that reset amounts to for the next file.
 */
interface MpegInsides {
  _common: { wasm: { mpeg_frame_decoder_create(ptr: number, gapless: number): number; mpeg_frame_decoder_destroy(d: number): void; free(ptr: number): void }; allocateTypedArray(len: number, type: Uint32ArrayConstructor, setPointer: boolean): { ptr: number; buf: Uint32Array } }
  _decoder: number
  _sampleRate: number
  _inputBytes: number
  _outputSamples: number
  _frameNumber: number
}

const isMpegInsides = (d: unknown): d is MpegInsides => {
  const x = d as Partial<MpegInsides>
  return typeof x._decoder === 'number' && typeof x._common?.wasm?.mpeg_frame_decoder_create === 'function' && typeof x._common.allocateTypedArray === 'function'
}

/** A fresh mpg123 handle (no bit reservoir, no stream state) in the same wasm instance; false when the insides are not as expected. */
function renewMpeg(d: WasmDecoder): boolean {
  if (!isMpegInsides(d)) return false
  const { wasm } = d._common
  wasm.mpeg_frame_decoder_destroy(d._decoder)
  wasm.free(d._decoder)
  const slot = d._common.allocateTypedArray(1, Uint32Array, false)
  const error = wasm.mpeg_frame_decoder_create(slot.ptr, 1)
  d._decoder = slot.buf[0]!
  wasm.free(slot.ptr)
  if (error) return false
  d._sampleRate = d._inputBytes = d._outputSamples = d._frameNumber = 0
  return true
}

/** MPEG decoders kept for the next recording in this worker (a worker runs a couple of jobs at once). */
const spareMpeg: WasmDecoder[] = []
const SPARE = 4

/** How many MPEG decoders wait to be reused (for tests). */
export const spareMpegDecoders = (): number => spareMpeg.length

/** Wraps one of the wasm-audio-decoders family; counts the errors it reports instead of throwing. */
export class WasmStreamDecoder implements StreamDecoder {
  errors: string[] = []
  decoded = 0

  private freed = false
  /** False once a call threw: such a decoder's memory is not trusted with another file. */
  private healthy = true

  private constructor(
    private readonly d: WasmDecoder,
    private readonly codec: WasmCodec
  ) {}

  /**
   * A fresh decoder per recording: feeding a second file into a used MPEG decoder would mix its bit
   * reservoir into the first frames. An MPEG decoder a finished recording gave back is reused with
   * a new mpg123 handle (see renewMpeg), which starts from the same clean state as a new one.
   */
  static async create(codec: WasmCodec): Promise<WasmStreamDecoder> {
    if (codec === 'mpeg') {
      for (let d = spareMpeg.pop(); d; d = spareMpeg.pop()) {
        if (renewMpeg(d)) return new WasmStreamDecoder(d, codec)
        d.free()
      }
    }
    const d = await factories[codec]()
    await d.ready
    return new WasmStreamDecoder(d, codec)
  }

  private take(r: WasmResult): Decoded {
    for (const e of r.errors ?? []) if (this.errors.length < 5) this.errors.push(e.message)
    this.decoded += r.samplesDecoded
    return { channelData: r.channelData, samples: r.samplesDecoded, sampleRate: r.sampleRate }
  }

  async push(chunk: Uint8Array): Promise<Decoded> {
    return this.guarded(async () => this.take(await this.d.decode(chunk)))
  }

  async flush(): Promise<Decoded> {
    return this.guarded(async () => (this.d.flush ? this.take(await this.d.flush()) : { channelData: [], samples: 0, sampleRate: 0 }))
  }

  private async guarded(run: () => Promise<Decoded>): Promise<Decoded> {
    try {
      return await run()
    } catch (err) {
      this.healthy = false
      throw err
    }
  }

  free(): void {
    if (this.freed) return
    this.freed = true
    if (this.codec === 'mpeg' && this.healthy && spareMpeg.length < SPARE && isMpegInsides(this.d)) spareMpeg.push(this.d)
    else this.d.free()
  }
}
