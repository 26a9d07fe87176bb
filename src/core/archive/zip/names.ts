import { crc32 } from 'node:zlib'
import { decodeCp437 } from '../cp437'
import { EXTRA_UNICODE_PATH } from './extra'
import { FNV_PRIME, NAME_HASH_START } from '../../fnv'
import { lowerAscii } from '../../ascii'

const FLAG_UTF8 = 0x800
// Read once into this module (see rows.ts): they are read for every byte of every name listed.
const START = NAME_HASH_START
const PRIME = FNV_PRIME
// Each byte with A-Z lower-cased: one load in plainName's loop instead of two compares and a branch.
const LOWER = Uint8Array.from({ length: 256 }, (_, b) => (b >= 0x41 && b <= 0x5a ? b + 0x20 : b))

/**
 * The name as the archiver meant it: the Info-ZIP Unicode Path field when it still matches the
 * header name (its CRC guards against a renamed entry keeping a stale field), else UTF-8 when
 * flagged, else CP437 as Info-ZIP reads it.
 */
export function decodeZipName(flags: number, raw: Uint8Array, extra: Map<number, Buffer>): string {
  const unicode = extra.get(EXTRA_UNICODE_PATH)
  if (unicode && unicode.length > 5 && unicode[0] === 1 && unicode.readUInt32LE(1) === crc32(raw)) {
    return unicode.subarray(5).toString('utf8')
  }
  if (flags & FLAG_UTF8) return Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8')
  return decodeCp437(raw)
}

// Node's Buffer has it (toString('latin1') ends in it); @types/node does not list it.
interface Latin1Slicing {
  latin1Slice(start: number, end: number): string
}

/** What plainName learns of a plain name on its one walk over the bytes, so nobody walks them again. */
export interface PlainFacts {
  /**
   * FNV-1a (from this run's start, fnv.ts) of the name's bytes with A-Z lower-cased (each byte is its character's code, so it
   * equals nameHashOf of the name): the duplicate check then reads no name (100,000 names, each a
   * trip through memory, cost it 20-35 ms), and it is also the export view's hash of the name's
   * normalised form (norm-index.ts hashOf), so the view need not walk the name again.
   */
  hash: number
  /** Index in the name of its last '/', or -1. */
  slash: number
  /** Index in the name of the last '.' after that slash, or -1. */
  dot: number
  /** The name holds '!/', which the export view reads as a nested archive's mark. */
  bangSlash: boolean
  /** The name holds '__': without it, no '__MACOSX' folder needs looking for (kindAt, the export view). */
  underscores: boolean
}

/**
 * The display name of a plain name, found without decoding or a regex: when every byte is
 * printable ASCII and none is a backslash or a colon, there is no dot pair and no leading slash,
 * the name reads the same in UTF-8 and CP437 and safeName would leave it as it is. Null for any
 * other name, and for a name with a Unicode Path field. Most names in real exports are plain, so
 * this is what listing nearly all of them costs. The name is `buf[start, end)`. `facts`, when
 * given, gets the name's hash and where its last slash and dot are (valid when the answer is not null).
 */
export function plainName(buf: Buffer, start: number, end: number, extra: Map<number, Buffer>, facts?: PlainFacts): string | null {
  if (extra.size > 0 && extra.has(EXTRA_UNICODE_PATH)) return null
  if (start < end && buf[start] === 0x2f) return null
  let prev = 0
  let h = START
  let slash = -1
  let dot = -1
  let bangSlash = false
  let underscores = false
  for (let i = start; i < end; i++) {
    const b = buf[i]!
    if (b < 0x20 || b > 0x7e || b === 0x5c || b === 0x3a || (b === 0x2e && prev === 0x2e)) return null
    h = Math.imul(h ^ LOWER[b]!, PRIME)
    if (b === 0x2f) {
      slash = i
      dot = -1
      if (prev === 0x21) bangSlash = true
    } else if (b === 0x2e) dot = i
    else if (b === 0x5f && prev === 0x5f) underscores = true
    prev = b
  }
  if (facts) {
    facts.hash = h
    facts.slash = slash < 0 ? -1 : slash - start
    facts.dot = dot < 0 ? -1 : dot - start
    facts.bangSlash = bangSlash
    facts.underscores = underscores
  }
  // Every byte is printable ASCII, so latin1 reads it exactly, and faster than the UTF-8 decoder.
  // (latin1Slice is what toString('latin1', …) calls after checking its arguments, which these are.)
  return end > start ? (buf as Buffer & Latin1Slicing).latin1Slice(start, end) : ''
}

/** FNV-1a (from this run's start, fnv.ts) of a decoded name's UTF-16 code units, A-Z lower-cased (as plainName's hash: equal names, equal hashes). */
export function nameHashOf(name: string): number {
  let h = START
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    h = Math.imul(h ^ lowerAscii(c), PRIME)
  }
  return h
}

export interface SafeName {
  /** Display text: '/'-separated, control characters replaced. Never a file-system path. */
  path: string
  /** The name tried to leave the archive: absolute, a drive letter, or a '..' segment. */
  unsafe: boolean
}

// C0 and C1 controls: a name must not be able to move a terminal's cursor or recolour a log.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g

// Anything that needs a closer look: a backslash, a control character, a dot pair, a leading slash or a colon.
const SUSPECT = /[\\\u0000-\u001f\u007f-\u009f:]|\.\.|^\//

export function safeName(decoded: string): SafeName {
  if (!SUSPECT.test(decoded)) return { path: decoded, unsafe: false }
  const path = decoded.replace(/\\/g, '/').replace(CONTROL, '\uFFFD')
  const unsafe = path.startsWith('/') || /^[A-Za-z]:/.test(path) || path.split('/').includes('..')
  return { path, unsafe }
}
