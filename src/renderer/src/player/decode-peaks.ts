import type { RendererPeaks } from '../../../shared/model/audio'

/** As many buckets as the engine computes for the codecs it decodes itself. */
const BUCKETS = 2000
/** A voice note is a few hundred KB; anything far larger is not decoded in the page. */
const MAX_BYTES = 64 * 1024 * 1024

/**
 * For the one codec Node has no decoder for (AAC in M4A): the page fetches the recording from its
 * media URL, lets Chromium decode it once, and reduces it to min/max per bucket, which the engine
 * checks and caches, so this runs once per recording ever.
 */
export async function decodePeaksHere(mediaUrl: string, buckets = BUCKETS): Promise<RendererPeaks> {
  const response = await fetch(mediaUrl)
  if (!response.ok) throw new Error(`the recording could not be fetched (${response.status})`)
  const bytes = await response.arrayBuffer()
  if (bytes.byteLength > MAX_BYTES) throw new Error('the recording is too large to decode here')
  const context = new OfflineAudioContext(1, 1, 44100)
  const buffer = await context.decodeAudioData(bytes)
  return reduce(buffer, buckets)
}

function reduce(buffer: AudioBuffer, buckets: number): RendererPeaks {
  const n = buffer.length
  const count = Math.max(1, Math.min(buckets, n))
  const min = new Array<number>(count).fill(1)
  const max = new Array<number>(count).fill(-1)
  for (let c = 0; c < buffer.numberOfChannels; c++) {
    const data = buffer.getChannelData(c)
    for (let i = 0; i < n; i++) {
      const b = Math.min(count - 1, Math.floor((i * count) / n))
      const v = data[i]!
      if (v < min[b]!) min[b] = v
      if (v > max[b]!) max[b] = v
    }
  }
  const clamp = (v: number) => Math.round(Math.max(-1, Math.min(1, v)) * 1e4) / 1e4
  for (let b = 0; b < count; b++) {
    if (min[b]! > max[b]!) min[b] = max[b] = 0
    min[b] = clamp(min[b]!)
    max[b] = clamp(max[b]!)
  }
  return { duration: buffer.duration, sampleRate: buffer.sampleRate, channels: buffer.numberOfChannels, min, max }
}
