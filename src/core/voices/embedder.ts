/**
 * What turns one recording's decoded samples into a vector that says who speaks. The audio worker
 * feeds a sink in the same pass that makes the peaks; the rest of voices/ sees only the vectors, so a
 * stronger embedding (a small speaker model run offline) replaces this by being another VoiceEmbedder.
 */
export interface VoiceEmbedder {
  /** Names the kind of vector; a cached vector of another id or version is a miss. */
  readonly id: string
  readonly version: number
  /** Length of every vector this embedder makes. */
  readonly dims: number
  /** How much each dimension counts when vectors are compared (1 each when absent). */
  readonly weights?: Float32Array
  /**
   * Seconds of speech a vector was made from: a short clip's vector follows its few words more than
   * its speaker, so such clips do not decide what the voices are (they still join one).
   */
  speechSeconds?(vector: Float32Array): number
  /** A sink for one recording; `sampleRate` is the decoder's, channels are folded by the sink. */
  open(sampleRate: number): VoiceSink
}

export interface VoiceSink {
  /** Samples in order, any chunking: one array per channel, `n` long. */
  push(channels: Float32Array[], n: number): void
  /** The vector, or null when the clip is too short or too quiet to say whose voice it is. */
  finish(): Float32Array | null
}
