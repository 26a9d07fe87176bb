import { AudioReadError, reasonOf } from '../errors'
import { MpegFrameWalker } from '../decode/mpeg-walk'
import type { StreamDecoder } from '../decode/types'
import { WasmStreamDecoder, type WasmCodec } from '../decode/wasm'
import { WavDecoder } from '../decode/wav'
import { concat, id3v2Length } from '../probe/bytes'
import { probeFlac } from '../probe/flac'
import { frameCount } from '../probe/mp3'
import { findMpegFrame } from '../probe/mpeg-frame'
import { firstStream, scanOggTail, type OggStream } from '../probe/ogg'
import { HEAD_BYTES, sniff } from '../probe/index'
import { parseWavHeader } from '../probe/wav'
import type { AudioCodec, AudioContainer } from '../types'
import type { VoiceEmbedder, VoiceSink } from '../../voices/embedder'
import { PeakAccumulator } from './accumulator'

export type JobOutcome =
  | {
      status: 'ready'
      codec: AudioCodec
      sampleRate: number
      channels: number
      duration: number
      min: Int16Array
      max: Int16Array
      /** The voice vector when asked for: null when the clip is too short or quiet to tell. */
      voice?: Float32Array | null
    }
  | { status: 'needsRendererDecode'; container: AudioContainer }
  | { status: 'error'; error: string }

const MAX_WAV_HEADER = 4 * 1024 * 1024
const TAIL_BYTES = 64 * 1024

interface Started {
  decoder: StreamDecoder
  codec: AudioCodec
  acc: PeakAccumulator
  /** Checks made once every byte has been seen; a reason when the file turns out cut off. */
  finalCheck: (frames: number) => string | null
  onBytes?: (chunk: Uint8Array) => void
  /** Header bytes before the samples, for the decoders that take only samples. */
  skip?: number
  /** Only the first channel is real: mpg123 always answers in two, a mono MP3's twice the same. */
  mono?: boolean
}

const cutOff = 'the file is cut off before the end of its audio'

/**
 * Peaks of one recording from its bytes, fed in order in chunks of any size. Runs in a worker; kept
 * free of worker plumbing so tests can drive it directly.
 */
export class PeaksJob {
  private head: Uint8Array = new Uint8Array(0)
  private started: Started | null = null
  private tail: Uint8Array = new Uint8Array(0)
  private sampleRate = 0
  private channels = 0
  /** Fed the same samples as the peaks, so voice features cost no second decode. */
  private voiceSink: VoiceSink | null = null
  outcome: JobOutcome | null = null

  constructor(
    private readonly size: number,
    private readonly buckets: number,
    private readonly voice: VoiceEmbedder | null = null
  ) {}

  /** Returns the outcome as soon as it is known without the rest of the bytes (not audio we decode). */
  async push(chunk: Uint8Array): Promise<JobOutcome | null> {
    if (this.outcome) return this.outcome
    try {
      this.keepTail(chunk)
      if (this.started) await this.feed(chunk)
      else {
        this.head = concat(this.head, chunk)
        if (this.head.length >= Math.min(this.size, HEAD_BYTES)) await this.start(false)
      }
    } catch (err) {
      this.outcome = { status: 'error', error: reasonOf(err) }
      this.abandon()
    }
    return this.outcome
  }

  /** Gives the decoder's wasm memory back now rather than at some later GC. */
  abandon(): void {
    this.started?.decoder.free()
    this.started = null
  }

  async end(): Promise<JobOutcome> {
    if (this.outcome) return this.outcome
    try {
      if (!this.started) await this.start(true)
      if (!this.outcome) this.outcome = await this.finish()
    } catch (err) {
      this.outcome = { status: 'error', error: reasonOf(err) }
    }
    this.abandon()
    return this.outcome!
  }

  private keepTail(chunk: Uint8Array): void {
    this.tail = chunk.length >= TAIL_BYTES ? chunk.slice(chunk.length - TAIL_BYTES) : concat(this.tail, chunk).slice(-TAIL_BYTES)
  }

  private async start(atEnd: boolean): Promise<void> {
    const head = this.head
    if (head.length === 0) throw new AudioReadError('the file is empty')
    const container = sniff(head)
    if (container === 'mp4' || container === 'adts') {
      this.outcome = { status: 'needsRendererDecode', container }
      return
    }
    if (container === null) throw new AudioReadError('it is not a WAV, MP3, Ogg, FLAC or M4A file')
    const started = container === 'wav' ? this.startWav(head, atEnd) : await this.startWasm(container, head)
    if (!started) return
    this.started = started
    this.head = new Uint8Array(0)
    await this.feed(head.subarray(started.skip ?? 0))
  }

  private startWav(head: Uint8Array, atEnd: boolean): Started | null {
    const h = parseWavHeader(head, this.size)
    if ('needBytes' in h) {
      if (atEnd || h.needBytes > MAX_WAV_HEADER) throw new AudioReadError('its audio data does not begin within the first 4 MB')
      return null
    }
    if (h.truncated) throw new AudioReadError(cutOff)
    return { decoder: new WavDecoder(h), codec: h.codec, acc: new PeakAccumulator(this.buckets, h.frames), finalCheck: () => null, skip: h.dataOffset }
  }

  private async startWasm(container: 'mp3' | 'ogg' | 'flac', head: Uint8Array): Promise<Started> {
    if (container === 'flac') {
      const info = probeFlac(head)
      const expected = info.duration === null ? null : Math.round(info.duration * info.sampleRate)
      return {
        decoder: await WasmStreamDecoder.create('flac'),
        codec: 'flac',
        acc: new PeakAccumulator(this.buckets, expected),
        finalCheck: (frames) => (expected !== null && frames < expected ? cutOff : null)
      }
    }
    if (container === 'ogg') {
      const s = firstStream(head)
      const codec: WasmCodec = s.codec
      return {
        decoder: await WasmStreamDecoder.create(codec),
        codec: s.codec,
        acc: new PeakAccumulator(this.buckets, null),
        finalCheck: () => this.oggCheck(s)
      }
    }
    const at = id3v2Length(head)
    const found = findMpegFrame(head, at, at + HEAD_BYTES)
    if (!found) throw new AudioReadError('no MPEG audio frame was found')
    const counted = frameCount(head, found.at, found.frame)
    const expected = counted ? counted.frames * found.frame.samples : Math.round(((this.size - found.at) / found.frame.length) * found.frame.samples)
    const walker = new MpegFrameWalker(found.at)
    return {
      decoder: await WasmStreamDecoder.create('mpeg'),
      codec: found.frame.layer === 3 ? 'mp3' : found.frame.layer === 2 ? 'mp2' : 'mp1',
      acc: new PeakAccumulator(this.buckets, expected),
      finalCheck: () => (walker.truncated ? cutOff : null),
      onBytes: (chunk) => walker.push(chunk),
      mono: found.frame.channels === 1
    }
  }

  private oggCheck(s: OggStream): string | null {
    const last = scanOggTail(this.tail, s.serial)
    return !last || last.truncated ? cutOff : null
  }

  private async feed(chunk: Uint8Array): Promise<void> {
    const s = this.started!
    s.onBytes?.(chunk)
    const d = await s.decoder.push(chunk)
    this.take(d.channelData, d.samples, d.sampleRate)
  }

  private take(decoded: Float32Array[], samples: number, sampleRate: number): void {
    if (samples <= 0) return
    const channelData = this.started!.mono ? decoded.slice(0, 1) : decoded
    this.started!.acc.push(channelData, samples)
    if (sampleRate) this.sampleRate = sampleRate
    if (this.voice && this.sampleRate) {
      this.voiceSink ??= this.voice.open(this.sampleRate)
      this.voiceSink.push(channelData, samples)
    }
    this.channels = Math.max(this.channels, channelData.length)
  }

  private async finish(): Promise<JobOutcome> {
    const s = this.started!
    const d = await s.decoder.flush()
    this.take(d.channelData, d.samples, d.sampleRate)
    const frames = s.acc.frames
    const errors = s.decoder instanceof WasmStreamDecoder ? s.decoder.errors : []
    if (frames === 0) return { status: 'error', error: errors.length ? `the ${s.codec.toUpperCase()} data could not be decoded (${errors[0]})` : 'it holds no audio' }
    const cut = s.finalCheck(frames)
    if (cut) return { status: 'error', error: cut }
    const { min, max } = s.acc.finish()
    const ready = { status: 'ready' as const, codec: s.codec, sampleRate: this.sampleRate, channels: this.channels, duration: frames / this.sampleRate, min, max }
    return this.voice ? { ...ready, voice: this.voiceSink?.finish() ?? null } : ready
  }
}
