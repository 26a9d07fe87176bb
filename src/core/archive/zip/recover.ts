import type { OpenContext } from '../context'
import { readAt, type ByteSource } from '../source'
import { readU64 } from './extra'
import { FLAG_ENCRYPTED, LOCAL_FIXED, parseLocalHeader, type LocalHeader } from './local'
import type { ZipRecord } from './record'

const CHUNK = 1024 * 1024
const DESCRIPTOR_SIG = 0x08074b50
// The second half of every ZIP signature that can follow an entry's data.
const FOLLOWERS = new Set([0x0403, 0x0201, 0x0605, 0x0606, 0x0706])

/** Rules out 'PK\3\4' that merely occurs inside some data. */
function plausible(buf: Buffer, at: number, h: LocalHeader): boolean {
  const versionNeeded = buf.readUInt16LE(at + 4) & 0xff
  if (versionNeeded > 90 || h.nameRaw.length === 0 || h.nameRaw.includes(0)) return false
  if (h.method > 99) return false
  const stored = h.method === 0 && (h.flags & FLAG_ENCRYPTED) === 0
  return h.deferredSizes || !stored || h.compressedSize === h.uncompressedSize
}

const toRecord = (h: LocalHeader, sizeUnknown: boolean): ZipRecord => ({
  nameBuf: h.nameRaw,
  nameStart: 0,
  nameEnd: h.nameRaw.length,
  extra: h.extra,
  flags: h.flags,
  method: h.method,
  dosTime: h.dosTime,
  dosDate: h.dosDate,
  crc32: h.crc32,
  compressedSize: h.compressedSize,
  uncompressedSize: h.uncompressedSize,
  localOffset: h.offset,
  dataStart: h.dataStart,
  sizeUnknown
})

/**
 * Sizes of an entry whose local header left them to a data descriptor, found just before the next
 * signature at `boundary`: with or without the descriptor's own signature, 32- or 64-bit.
 */
async function settleDescriptor(source: ByteSource, h: LocalHeader, boundary: number): Promise<ZipRecord> {
  const tail = await readAt(source, Math.max(h.dataStart, boundary - 24), Math.min(24, boundary - h.dataStart))
  const at = (back: number) => tail.length - back
  const fits = (back: number, csize: number) => at(back) >= 0 && csize === boundary - back - h.dataStart
  const settled = (crc: number, csize: number, usize: number) => toRecord({ ...h, crc32: crc, compressedSize: csize, uncompressedSize: usize }, false)
  if (at(24) >= 0 && tail.readUInt32LE(at(24)) === DESCRIPTOR_SIG && fits(24, readU64(tail, at(24) + 8))) {
    return settled(tail.readUInt32LE(at(24) + 4), readU64(tail, at(24) + 8), readU64(tail, at(24) + 16))
  }
  if (at(16) >= 0 && tail.readUInt32LE(at(16)) === DESCRIPTOR_SIG && fits(16, tail.readUInt32LE(at(16) + 8))) {
    return settled(tail.readUInt32LE(at(16) + 4), tail.readUInt32LE(at(16) + 8), tail.readUInt32LE(at(16) + 12))
  }
  if (at(12) >= 0 && fits(12, tail.readUInt32LE(at(12) + 4))) {
    return settled(tail.readUInt32LE(at(12)), tail.readUInt32LE(at(12) + 4), tail.readUInt32LE(at(12) + 8))
  }
  return toRecord({ ...h, compressedSize: boundary - h.dataStart, uncompressedSize: 0 }, true)
}

/**
 * Recovers entries from local file headers when the central directory is missing or damaged:
 * one pass through the file in 1 MiB reads (memory does not grow with the file), skipping each
 * entry's data so a stored inner ZIP's headers are not mistaken for the outer archive's.
 * `take` returns false to stop early.
 */
export async function scanLocalHeaders(source: ByteSource, ctx: OpenContext, take: (r: ZipRecord) => boolean): Promise<void> {
  const buf = Buffer.allocUnsafe(CHUNK)
  let pending: LocalHeader | null = null
  let pos = 0
  const settle = async (boundary: number) => {
    if (!pending) return true
    const h = pending
    pending = null
    return take(await settleDescriptor(source, h, boundary))
  }

  while (pos < source.size) {
    ctx.checkAbort()
    ctx.meter.report('listing', ctx.entries, pos)
    const len = await source.read(buf, 0, CHUNK, pos)
    if (len < 4) break
    const view = buf.subarray(0, len)
    const atEnd = pos + len >= source.size
    let next = atEnd ? source.size : pos + len - 3
    let i = 0
    for (;;) {
      const hit = view.indexOf('PK', i, 'latin1')
      if (hit < 0 || hit + 4 > len) break
      const second = view.readUInt16LE(hit + 2)
      if (!FOLLOWERS.has(second)) {
        i = hit + 1
        continue
      }
      if (second !== 0x0403) {
        if (!(await settle(pos + hit))) return
        i = hit + 4
        continue
      }
      const h = parseLocalHeader(view, hit, pos)
      if (h === 'short' && !atEnd && hit > 0) {
        next = pos + hit
        break
      }
      if (h === null || h === 'short' || !plausible(view, hit, h)) {
        i = hit + 1
        continue
      }
      if (!(await settle(h.offset))) return
      if (h.deferredSizes) {
        // Settled after later reads reuse `buf`, so it keeps its own copies.
        pending = { ...h, nameRaw: Buffer.from(h.nameRaw), extra: new Map([...h.extra].map(([k, v]) => [k, Buffer.from(v)])) }
        i = h.dataStart - pos
        if (i >= len) {
          next = h.dataStart
          break
        }
        continue
      }
      const record = toRecord(h, false)
      const end = h.dataStart + h.compressedSize
      if (end > source.size) {
        // Cut off inside its data: listed (and refused when judged), and nothing can follow it.
        take(record)
        return
      }
      if (!take(record)) return
      if (end - pos < len - LOCAL_FIXED) {
        i = end - pos
        continue
      }
      next = end
      break
    }
    if (next <= pos) next = pos + 1
    pos = next
  }
  await settle(source.size)
}
