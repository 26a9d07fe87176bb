export interface Decoded {
  /** One array per channel, `samples` long. */
  channelData: Float32Array[]
  samples: number
  sampleRate: number
}

/** Bytes in, samples out, in any chunking; the same shape for our WAV reader and the wasm decoders. */
export interface StreamDecoder {
  push(chunk: Uint8Array): Promise<Decoded>
  flush(): Promise<Decoded>
  free(): void
}
