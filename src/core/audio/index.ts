/**
 * Audio: what each recording is (probe), its waveform peaks (computed in a worker pool, cached on
 * disk, scheduled by what the person looks at), and playback by HTTP Range out of the archive.
 */
export { createAudioEngine, probeEntry, storeRendererPeaks, type AudioEngine } from './engine'
export { probe } from './probe/index'
export { bufferReader, entryReader } from './reader'
export { PeaksPool, type PoolOptions } from './pool/pool'
export { PeaksCache, cacheKey, type Cached, type PeaksKey } from './cache'
export { PeaksScheduler, peaksKey, type PeaksProgress, type PeaksTarget, type SchedulerOptions } from './scheduler'
export { serveMedia, type MediaResponse } from './media'
export { peaksFromJson, peaksToJson } from './peaks/json'
export { MAX_BUCKETS, RendererPeaksSchema, validateRendererPeaks, type RendererPeaks } from './renderer-peaks'
export type { AudioCodec, AudioContainer, AudioFailure, AudioProbe, ByteReader, Peaks, PeaksJson, PeaksResult } from './types'
