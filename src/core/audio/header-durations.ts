import type { ArchiveEntry, OpenedArchive } from '../archive'
import { inLanes } from '../lanes'
import { parseWavHeader, isWav } from './probe/wav'
import { entryReader } from './reader'
import type { AudioFailure, AudioProbe } from './types'

/** A canonical WAV header is 44 bytes; this also covers a short LIST chunk before the data. */
const FIRST_READ = 512
/** A WAV whose data begins later than this waits for its decode to say how long it is. */
const MAX_HEADER = 64 * 1024
/** Other audio this small is probed whole (an MP3's frames counted, an M4A's boxes read); larger waits for its decode. */
const PROBE_WHOLE = 256 * 1024
/** Entries read at once: the pass shares the archive with the background peaks and the person's clicks. */
const AT_ONCE = 2

/**
 * Lengths known before any decoding. Exports rarely state how long a recording is, but a WAV's
 * header does (its frame count over its sample rate), and it is the first few hundred bytes of the
 * entry: so the Length column can fill in for the WAVs of an export within moments of opening it,
 * long before the background decoding reaches them. Small recordings of other kinds (Google's MP3
 * clips, M4A voice notes) are probed whole through `probe`, which counts an MP3's frames or reads
 * the M4A's boxes; only exact lengths count. Larger ones, and cut-off files, are left to the decode.
 * `found` gets each length in milliseconds; the pass stops when `stopped()` says so.
 */
export async function headerDurations(
  archive: OpenedArchive,
  targets: ReadonlyArray<{ id: string; entry: ArchiveEntry }>,
  probe: (id: string, entry: ArchiveEntry) => Promise<AudioProbe | AudioFailure>,
  found: (id: string, ms: number) => void,
  stopped: () => boolean
): Promise<void> {
  await inLanes(
    targets.length,
    AT_ONCE,
    async (i) => {
      const { id, entry } = targets[i]!
      const ms = await lengthOf(archive, id, entry, probe).catch(() => null)
      if (ms !== null && !stopped()) found(id, ms)
    },
    stopped
  )
}

/** One entry's length in whole milliseconds from its header; null when the header does not say it exactly. */
async function lengthOf(archive: OpenedArchive, id: string, entry: ArchiveEntry, probe: (id: string, entry: ArchiveEntry) => Promise<AudioProbe | AudioFailure>): Promise<number | null> {
  if (entry.info.encrypted || entry.info.size < 44) return null
  const reader = entryReader(archive, entry)
  let head = await reader.read(0, FIRST_READ)
  if (!isWav(head)) {
    if (entry.info.size > PROBE_WHOLE) return null
    const p = await probe(id, entry)
    if ('error' in p || !p.exact || p.truncated || p.duration === null || !(p.duration > 0)) return null
    return Math.round(p.duration * 1000)
  }
  let h = parseWavHeader(head, reader.size)
  if ('needBytes' in h) {
    if (h.needBytes > MAX_HEADER) return null
    head = await reader.read(0, Math.min(MAX_HEADER, h.needBytes * 2))
    h = parseWavHeader(head, reader.size)
    if ('needBytes' in h) return null
  }
  if (h.truncated || !(h.sampleRate > 0)) return null
  return Math.round((h.frames / h.sampleRate) * 1000)
}
