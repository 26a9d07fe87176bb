import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import type { ArchiveEntry, OpenedArchive } from '../archive'
import { entryReader } from './reader'

/** An archive stand-in whose entry streams give the range asked for, in two chunks, and remember how they ended. */
function archiveOf(bytes: Buffer, extra = 0) {
  const streams: Readable[] = []
  const archive = {
    openEntry: async (_e: ArchiveEntry, range: { start: number; end: number }) => {
      const part = bytes.subarray(range.start, range.end + 1 + extra)
      const half = part.length >> 1
      const s = Readable.from([part.subarray(0, half), part.subarray(half)], { objectMode: false })
      streams.push(s)
      return s
    }
  } as unknown as OpenedArchive
  const entry = { info: { size: bytes.length } } as unknown as ArchiveEntry
  return { archive, entry, streams }
}

describe('entryReader', () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => i & 0xff))

  it('reads a range to its end, so the entry stream finishes instead of being destroyed half read (an error and its stack per header read)', async () => {
    const { archive, entry, streams } = archiveOf(bytes)
    const got = await entryReader(archive, entry).read(100, 612)
    expect(Buffer.from(got)).toEqual(bytes.subarray(100, 612))
    expect(streams).toHaveLength(1)
    expect(streams[0]!.readableEnded).toBe(true)
  })

  it('still stops at the range when a stream gives more than it was asked for', async () => {
    const { archive, entry, streams } = archiveOf(bytes, 1000)
    const got = await entryReader(archive, entry).read(0, 512)
    expect(Buffer.from(got)).toEqual(bytes.subarray(0, 512))
    expect(streams[0]!.destroyed).toBe(true)
  })

  it('answers a second read of the head from the first', async () => {
    const { archive, entry, streams } = archiveOf(bytes)
    const r = entryReader(archive, entry)
    await r.read(0, 512)
    expect(Buffer.from(await r.read(10, 44))).toEqual(bytes.subarray(10, 44))
    expect(streams).toHaveLength(1)
  })
})
