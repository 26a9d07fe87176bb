import { Readable } from 'node:stream'
import type { ArchiveEntry, OpenedArchive } from '../archive'
import { parseRange } from './media-range'
import { sniff } from './probe/index'

export interface MediaResponse {
  status: 200 | 206 | 416
  headers: Record<string, string>
  body: Readable
}

const BY_CONTAINER = { wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', flac: 'audio/flac', mp4: 'audio/mp4', adts: 'audio/aac' } as const
const BY_EXTENSION: Record<string, string> = {
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  mp4: 'audio/mp4',
  aac: 'audio/aac'
}

const known = new WeakMap<ArchiveEntry, string>()

/** From the bytes when they say (exports name files oddly), else from the name; once per entry. */
async function contentType(archive: OpenedArchive, entry: ArchiveEntry): Promise<string> {
  let type = known.get(entry)
  if (!type) {
    type = await guessType(archive, entry)
    known.set(entry, type)
  }
  return type
}

async function guessType(archive: OpenedArchive, entry: ArchiveEntry): Promise<string> {
  if (entry.info.size > 0) {
    const head = await collect(await archive.openEntry(entry, { start: 0, end: Math.min(entry.info.size, 4096) - 1 }))
    const container = sniff(head)
    if (container) return BY_CONTAINER[container]
  }
  const ext = /\.([a-z0-9]+)$/i.exec(entry.info.path)?.[1]?.toLowerCase() ?? ''
  return BY_EXTENSION[ext] ?? 'application/octet-stream'
}

async function collect(stream: AsyncIterable<unknown>): Promise<Uint8Array> {
  const parts: Buffer[] = []
  for await (const c of stream) parts.push(c as Buffer)
  return Buffer.concat(parts)
}

/**
 * Answers one HTTP request for a recording's audio straight out of the archive: a stored entry is
 * read from its offset, a deflated one inflated up to the range and no further. The app's media
 * scheme and the e2e harness's loopback server both call this, so playback behaves the same in each.
 */
export async function serveMedia(archive: OpenedArchive, entry: ArchiveEntry, rangeHeader: string | null | undefined): Promise<MediaResponse> {
  const size = entry.info.size
  const base: Record<string, string> = {
    'Content-Type': await contentType(archive, entry),
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  }
  const range = parseRange(rangeHeader, size)
  if (range.kind === 'unsatisfiable') {
    return { status: 416, headers: { ...base, 'Content-Range': `bytes */${size}`, 'Content-Length': '0' }, body: Readable.from([]) }
  }
  if (range.kind === 'full') {
    return { status: 200, headers: { ...base, 'Content-Length': String(size) }, body: size === 0 ? Readable.from([]) : await archive.openEntry(entry) }
  }
  return {
    status: 206,
    headers: { ...base, 'Content-Range': `bytes ${range.start}-${range.end}/${size}`, 'Content-Length': String(range.end - range.start + 1) },
    body: await archive.openEntry(entry, { start: range.start, end: range.end })
  }
}
