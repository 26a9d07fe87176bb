// Case files are saved under the fingerprint, so its bytes must never change: the hash is fed in
// pieces now, and these hold it to the one-line-at-a-time form it was first written in.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { EntryInfo } from '../../shared/model/archive'
import { fingerprintOf } from './fingerprint'
import type { ArchiveEntry } from './types'

/** The fingerprint as first written: one hash update per entry. */
function lineByLine(parts: Array<{ bytes: number }>, entries: ArchiveEntry[]): string {
  const hash = createHash('sha256')
  hash.update(`parts:${parts.map((p) => p.bytes).join(',')}\n`)
  for (const { info } of entries) hash.update(`${info.path}\0${info.size}\0${info.compressedSize}\0${info.crc32 ?? ''}\n`)
  return `fp1-${parts.reduce((sum, p) => sum + p.bytes, 0)}-${hash.digest('hex').slice(0, 32)}`
}

const entry = (path: string, i: number): ArchiveEntry => ({
  info: { path, part: null, size: i * 7, compressedSize: i * 5, crc32: i % 3 === 0 ? null : (i * 2654435761) >>> 0, localTime: null, method: 'stored', flags: 0, encrypted: false, unsafePath: false, kind: 'audio' } satisfies EntryInfo
})

describe('fingerprintOf', () => {
  it('hashes the same bytes as one update per entry, across the pieces it is fed in', () => {
    // Names with characters of two, three and four UTF-8 bytes (a surrogate pair), over 200 KB of lines.
    const entries = Array.from({ length: 6000 }, (_, i) => entry(`Sprachaufnahmen/Grüße/€${i}/🎙️-${'x'.repeat(i % 40)}.wav`, i))
    const parts = [{ bytes: 3_000_000_000 }, { bytes: 123 }]
    expect(fingerprintOf(parts, entries)).toBe(lineByLine(parts, entries))
    expect(fingerprintOf(parts, entries.slice(0, 1))).toBe(lineByLine(parts, entries.slice(0, 1)))
    expect(fingerprintOf(parts, [])).toBe(lineByLine(parts, []))
  })

  it('tells exports apart by any entry’s name, size or CRC', () => {
    const entries = Array.from({ length: 3000 }, (_, i) => entry(`a/${i}.wav`, i))
    const base = fingerprintOf([{ bytes: 1 }], entries)
    const changed = entries.map((e, i) => (i === 2999 ? entry('a/2999.wav', 3000) : e))
    expect(fingerprintOf([{ bytes: 1 }], changed)).not.toBe(base)
    expect(fingerprintOf([{ bytes: 1 }], entries.slice(0, -1))).not.toBe(base)
  })
})
