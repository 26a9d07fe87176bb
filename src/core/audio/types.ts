/** How the audio is packaged; decides which header reader and which decoder apply. */
export type AudioContainer = 'wav' | 'mp3' | 'ogg' | 'flac' | 'mp4' | 'adts'

/** What the samples are encoded as inside the container. */
export type AudioCodec = 'pcm' | 'float' | 'mulaw' | 'alaw' | 'mp3' | 'mp2' | 'mp1' | 'opus' | 'vorbis' | 'flac' | 'aac' | 'alac' | 'other'

/** What a recording's header says, read without decoding it. */
export interface AudioProbe {
  container: AudioContainer
  codec: AudioCodec
  sampleRate: number
  channels: number
  /** Bits per stored sample where the format has such a thing (PCM, FLAC); else null. */
  bitsPerSample: number | null
  /** Seconds; null when neither the header nor a cheap scan can tell. */
  duration: number | null
  /** True when the duration comes from a count the file states (a header, a frame count, a granule); false for an estimate from size and bitrate. */
  exact: boolean
  /** The file ends before its header says it should; the duration is what is actually there. */
  truncated: boolean
  /** No decoder in Node for this codec: the renderer decodes it and hands back the peaks. */
  needsRendererDecode: boolean
}

/** A recording whose audio cannot be read; the reason is one short phrase a person understands. */
export interface AudioFailure {
  error: string
}

/** Random access to a recording's bytes, from a buffer or an archive entry. */
export interface ByteReader {
  readonly size: number
  /** Bytes [start, end) clamped to the size; fewer only at the end of the data. */
  read(start: number, end: number): Promise<Uint8Array>
}

/** Waveform peaks as kept in memory and on disk: min and max of each bucket, scaled to ±32767. */
export interface Peaks {
  codec: AudioCodec
  sampleRate: number
  channels: number
  /** Seconds, from the samples actually decoded. */
  duration: number
  min: Int16Array
  max: Int16Array
}

/** Peaks as they cross the contract: JSON-safe, values in [-1, 1]. */
export interface PeaksJson {
  codec: AudioCodec
  sampleRate: number
  channels: number
  duration: number
  min: number[]
  max: number[]
}

/** The outcome for one recording: its peaks, a request that the renderer decode it, or why it cannot be read. */
export type PeaksResult =
  | { status: 'ready'; peaks: Peaks }
  | { status: 'needsRendererDecode'; probe: AudioProbe }
  | { status: 'error'; error: string }
