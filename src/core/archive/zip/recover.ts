import type { OpenContext } from '../context'
import { isZipName } from '../kind'
import { readAt, type ByteSource } from '../source'
import { readU64 } from './extra'
import { FLAG_ENCRYPTED, LOCAL_FIXED, LOCAL_SIG, parseLocalHeader, type LocalHeader } from './local'
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
 * Sizes of an entry whose local header left them to a data descriptor, when one ends just before
 * the next signature at `boundary` (with or without its own signature, 32- or 64-bit); null when
 * none does. `tail`: the up to 24 bytes of its data before `boundary`.
 */
function descriptorIn(tail: Buffer, h: LocalHeader, boundary: number): ZipRecord | null {
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
  return null
}

/** Where the descriptor before `boundary` would start: at most 24 bytes back, never before the data. */
const tailStart = (h: LocalHeader, boundary: number) => Math.max(h.dataStart, boundary - 24)

/**
 * Whether a descriptor may end at `boundary`, from the chunk in memory: false only when none of its
 * three forms can (no signature 16 or 24 bytes back, no size 8 bytes back that fits). Asked for
 * every signature inside a stored ZIP's data, so this costs three reads of `view` and no objects.
 */
function mayEndAt(view: Buffer, pos: number, h: LocalHeader, boundary: number): boolean {
  if (tailStart(h, boundary) < pos) return true
  const b = boundary - pos
  const room = boundary - h.dataStart
  if (room >= 24 && view.readUInt32LE(b - 24) === DESCRIPTOR_SIG) return true
  if (room >= 16 && view.readUInt32LE(b - 16) === DESCRIPTOR_SIG) return true
  return room >= 12 && view.readUInt32LE(b - 8) === room - 12
}

async function descriptorBefore(source: ByteSource, h: LocalHeader, boundary: number): Promise<ZipRecord | null> {
  const from = tailStart(h, boundary)
  return descriptorIn(await readAt(source, from, boundary - from), h, boundary)
}

/** An entry whose descriptor was not found: its size unknown, its data all that comes before `boundary`. */
const sizeUnknown = (h: LocalHeader, boundary: number): ZipRecord => toRecord({ ...h, compressedSize: boundary - h.dataStart, uncompressedSize: 0 }, true)

/**
 * A stored ZIP inside the archive whose sizes wait in a data descriptor (how Amazon's nested
 * category ZIPs are streamed): its own entries' headers and directory lie in its data, so a
 * signature ends it only where its descriptor ends just before. Taking the first signature made it
 * a few bytes long and listed its entries as the outer archive's. Only data that starts as a ZIP
 * counts: what a lost descriptor makes it swallow is then listed inside it, never dropped.
 */
async function holdsSignatures(source: ByteSource, h: LocalHeader): Promise<boolean> {
  if (h.method !== 0 || (h.flags & FLAG_ENCRYPTED) !== 0 || !isZipName(h.nameRaw.toString('latin1'))) return false
  const head = await readAt(source, h.dataStart, 4)
  return head.length === 4 && head.readUInt32LE(0) === LOCAL_SIG
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
  let pendingHolds = false
  /**
   * Ends the pending entry at the signature at `boundary`, its sizes from the descriptor just
   * before; 'inside' when it is a stored ZIP that no descriptor ends there (the signature is its
   * own). The bytes before come from the chunk in memory where they lie in it: asked for every
   * signature in such a ZIP's data, a read each made a file of nothing but signatures cost a system
   * call per 4 bytes.
   */
  const endPending = async (boundary: number, view: Buffer): Promise<'inside' | 'go' | 'stop'> => {
    const h = pending!
    const from = tailStart(h, boundary)
    const found = from >= pos ? descriptorIn(view.subarray(from - pos, boundary - pos), h, boundary) : await descriptorBefore(source, h, boundary)
    if (!found && pendingHolds) return 'inside'
    pending = null
    return take(found ?? sizeUnknown(h, boundary)) ? 'go' : 'stop'
  }
  /** Whether the signature at `boundary` surely lies inside the pending stored ZIP: no await, for the millions a hostile one holds. */
  const surelyInside = (boundary: number, view: Buffer) => pendingHolds && !mayEndAt(view, pos, pending!, boundary)

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
        // Without an entry waiting for its end, a signature here costs no await: a file of nothing but them has millions.
        if (pending) {
          const ended = surelyInside(pos + hit, view) ? 'inside' : await endPending(pos + hit, view)
          if (ended === 'stop') return
          if (ended === 'inside') {
            i = hit + 1
            continue
          }
        }
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
      if (pending) {
        const ended = surelyInside(h.offset, view) ? 'inside' : await endPending(h.offset, view)
        if (ended === 'stop') return
        if (ended === 'inside') {
          // An entry of the stored ZIP: its data holds nothing of the outer archive, so it is jumped
          // as an outer entry's data is, not searched byte by byte (3 GB of Alexa.zip's audio).
          const end = h.deferredSizes ? -1 : h.dataStart + h.compressedSize
          if (end < 0 || end > source.size) i = hit + 1
          else if (end - pos < len - LOCAL_FIXED) i = end - pos
          else {
            next = end
            break
          }
          continue
        }
      }
      if (h.deferredSizes) {
        // Settled after later reads reuse `buf`, so it keeps its own copies.
        pending = { ...h, nameRaw: Buffer.from(h.nameRaw), extra: new Map([...h.extra].map(([k, v]) => [k, Buffer.from(v)])) }
        pendingHolds = await holdsSignatures(source, pending)
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
  if (pending) take((await descriptorBefore(source, pending, source.size)) ?? sizeUnknown(pending, source.size))
}
