import { Readable } from 'node:stream'
import { createInflateRaw, crc32 } from 'node:zlib'
import { EntryReadError, messageOf } from './errors'
import { RATIO_GRACE_BYTES } from './limits'
import type { ArchiveLimits, ByteRange } from './types'

export interface ReadPlan {
  path: string
  /** The entry's bytes as stored, from their first byte. */
  raw: Readable
  deflated: boolean
  /** Size the archive declares; null when unknown (recovered from a damaged archive). */
  declaredSize: number | null
  /** Checked at the end of a full read; null when the format has none. */
  crc32: number | null
  range: ByteRange | undefined
  limits: ArchiveLimits
}

const hex = (n: number) => `0x${(n >>> 0).toString(16).padStart(8, '0')}`

/** Validates an HTTP-style inclusive range against the entry's size; clamps the end like a server would. */
export function checkRange(path: string, size: number | null, range: ByteRange | undefined): ByteRange | undefined {
  if (!range) return undefined
  const { start, end } = range
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
    throw new EntryReadError('range', path, `The byte range ${start}-${end} asked of ${path} is not a valid range.`)
  }
  if (size !== null && start >= size) {
    throw new EntryReadError('range', path, `The byte range ${start}-${end} asked of ${path} starts past its end (${size} bytes).`)
  }
  return { start, end: size === null ? end : Math.min(end, size - 1) }
}

/**
 * An entry's bytes, inflated when needed, under the limits: the declared size, the largest entry
 * and the inflation ratio are checked chunk by chunk so a zip bomb stops within megabytes, and the
 * CRC-32 is checked at the end of a full read. A range is cut from the inflated bytes and the
 * inflating stops as soon as the range is served.
 */
export function guardedRead(plan: ReadPlan): Readable {
  const read = Readable.from(run(plan), { objectMode: false, highWaterMark: 64 * 1024 })
  // run's finally lets go of the raw stream, but a generator never started never runs it: a read
  // dropped before its first byte (a media request aborted at once) would leave a folder entry's
  // file handle to the garbage collector.
  read.once('close', () => plan.raw.destroy())
  return read
}

async function* run(plan: ReadPlan): AsyncGenerator<Buffer> {
  const { path, raw, deflated, declaredSize, limits, range } = plan
  const full = !range || (range.start === 0 && declaredSize !== null && range.end >= declaredSize - 1)
  const checkCrc = full && plan.crc32 !== null
  let consumed = 0
  raw.on('data', (chunk: Buffer) => (consumed += chunk.length))
  // 64 KiB out per call (zlib's default is 16): a 300 MB MyActivity.json crosses to the thread pool a quarter as often.
  const inflater = deflated ? createInflateRaw({ chunkSize: 64 * 1024 }) : null
  const bytes: Readable = inflater ? raw.pipe(inflater) : raw
  // pipe() does not forward errors; without this a failing read would leave the inflater waiting.
  if (inflater) raw.on('error', (err) => inflater.destroy(err))

  let out = 0
  let crc = 0
  try {
    for await (const chunk of bytes as AsyncIterable<Buffer>) {
      const at = out
      out += chunk.length
      if (declaredSize !== null && out > declaredSize) {
        throw new EntryReadError('size-mismatch', path, `${path} holds more than the ${declaredSize} bytes its header declares; reading stopped (a zip bomb or a damaged archive).`)
      }
      if (out > limits.maxEntryBytes) {
        throw new EntryReadError('limit', path, `${path} is larger than the limit of ${limits.maxEntryBytes} bytes for one entry; reading stopped.`)
      }
      if (deflated && out > RATIO_GRACE_BYTES && out > limits.maxRatio * Math.max(consumed, 1)) {
        throw new EntryReadError('limit', path, `${path} inflates more than ${limits.maxRatio}:1 (a zip bomb); reading stopped after ${out} bytes.`)
      }
      if (checkCrc) crc = crc32(chunk, crc)
      if (!range) {
        yield chunk
        continue
      }
      if (out <= range.start) continue
      const from = Math.max(0, range.start - at)
      const to = Math.min(chunk.length, range.end + 1 - at)
      if (to > from) yield chunk.subarray(from, to)
      if (at + to > range.end) return
    }
  } catch (err) {
    if (err instanceof EntryReadError) throw err
    throw new EntryReadError('damaged', path, `${path} could not be read: ${messageOf(err)}.`, { cause: err })
  } finally {
    raw.destroy()
    inflater?.destroy()
  }
  if (declaredSize !== null && out < declaredSize) {
    throw new EntryReadError('size-mismatch', path, `${path} ends after ${out} bytes, but its header declares ${declaredSize}.`)
  }
  if (range && declaredSize === null && out <= range.start) {
    throw new EntryReadError('range', path, `The byte range asked of ${path} starts past its end (${out} bytes).`)
  }
  if (checkCrc && crc >>> 0 !== plan.crc32! >>> 0) {
    throw new EntryReadError('crc-mismatch', path, `${path} is damaged: its CRC-32 is ${hex(crc)} but the archive says ${hex(plan.crc32!)}.`)
  }
}
