import { createHash } from 'node:crypto'
import type { ArchiveEntry, OpenedArchive } from '../../archive/types'
import { inLanes } from '../../lanes'

/** SHA-256 of an entry's uncompressed bytes, streamed out of the archive (never held whole). */
export async function sha256OfEntry(archive: OpenedArchive, entry: ArchiveEntry, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256')
  const stream = await archive.openEntry(entry)
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (signal?.aborted) throw signal.reason ?? new Error('cancelled')
      hash.update(chunk)
    }
  } finally {
    stream.destroy()
  }
  return hash.digest('hex')
}

export interface HashedEntry {
  entry: ArchiveEntry
  sha256: string | null
  /** Why the bytes could not be read (a CRC mismatch, a damaged entry); null when hashed. */
  error: string | null
}

/**
 * Hashes many entries, a few at a time: inflating runs on libuv's threads while the digest of
 * another entry runs here, so two or three reads in flight keep both busy without piling up
 * buffers. Results come back in the order asked.
 */
export async function hashEntries(
  archive: OpenedArchive,
  entries: readonly ArchiveEntry[],
  options: { signal?: AbortSignal; concurrency?: number; onEntry?: (done: number, bytes: number) => void } = {}
): Promise<HashedEntry[]> {
  const out: HashedEntry[] = new Array(entries.length)
  let done = 0
  let bytes = 0
  await inLanes(entries.length, options.concurrency ?? 3, async (i) => {
    const entry = entries[i]!
    if (options.signal?.aborted) throw options.signal.reason ?? new Error('cancelled')
    try {
      out[i] = { entry, sha256: await sha256OfEntry(archive, entry, options.signal), error: null }
    } catch (err) {
      if (options.signal?.aborted) throw err
      out[i] = { entry, sha256: null, error: err instanceof Error ? err.message : String(err) }
    }
    done++
    bytes += entry.info.size
    options.onEntry?.(done, bytes)
  })
  return out
}
