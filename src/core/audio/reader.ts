import type { ArchiveEntry, OpenedArchive } from '../archive'
import type { ByteReader } from './types'

export function bufferReader(bytes: Uint8Array): ByteReader {
  return {
    size: bytes.length,
    read: async (start, end) => bytes.subarray(Math.max(0, start), Math.min(bytes.length, end))
  }
}

async function collect(stream: AsyncIterable<unknown>, limit: number): Promise<Uint8Array> {
  const parts: Buffer[] = []
  let n = 0
  for await (const chunk of stream) {
    parts.push(chunk as Buffer)
    n += (chunk as Buffer).length
    // The range asked for ends the stream by itself; leaving the loop early destroys it unfinished,
    // and that costs an error with its stack per read (~0.4 ms: 40 s of CPU for 100,000 WAV headers).
    if (n > limit) break
  }
  return Buffer.concat(parts, n).subarray(0, limit)
}

/**
 * Reads of an archive entry by range. A deflated entry is inflated from its start for every read,
 * so the first read is kept: the header readers ask for the head more than once.
 */
export function entryReader(archive: OpenedArchive, entry: ArchiveEntry): ByteReader {
  const size = entry.info.size
  let head: { end: number; bytes: Uint8Array } | null = null
  return {
    size,
    async read(start, end) {
      start = Math.max(0, start)
      end = Math.min(size, end)
      if (end <= start) return new Uint8Array(0)
      if (head && end <= head.end) return head.bytes.subarray(start, end)
      const bytes = await collect(await archive.openEntry(entry, { start, end: end - 1 }), end - start)
      if (start === 0 && (!head || bytes.length > head.end)) head = { end: bytes.length, bytes }
      return bytes
    }
  }
}
