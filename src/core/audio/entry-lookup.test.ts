import { describe, expect, it } from 'vitest'
import type { ArchiveEntry } from '../archive'
import { AudioEntryIndex, audioEntryLookup } from './entry-lookup'

const entry = (path: string, part: string | null = null) => ({ info: { path, part } }) as unknown as ArchiveEntry
const rec = (path: string, part: string | null = null) => ({ audio: { path, part } }) as never

describe('the audio entry index', () => {
  const entries = [entry('a.wav'), entry('b.wav', 'p2.zip'), entry('a.wav', 'p2.zip'), entry('c.wav', ''), entry('a.wav'), entry('d.wav')]

  it('finds by part and path, the later of twins, and treats a part of "" as none', () => {
    const find = audioEntryLookup({ entries })
    expect(find(rec('a.wav'))).toBe(entries[4])
    expect(find(rec('a.wav', 'p2.zip'))).toBe(entries[2])
    expect(find(rec('b.wav'))).toBeNull()
    expect(find(rec('c.wav'))).toBe(entries[3])
    expect(find(rec('d.wav', ''))).toBe(entries[5])
    expect(find({ audio: null } as never)).toBeNull()
  })

  it('filed a range at a time finds the same as filed at once', () => {
    const index = new AudioEntryIndex(entries)
    index.file(0, 2)
    expect(index.find(rec('d.wav'))).toBeNull()
    index.file(2, 4)
    index.file(4, entries.length)
    const whole = audioEntryLookup({ entries })
    for (const e of entries) expect(index.find(rec(e.info.path, e.info.part))).toBe(whole(rec(e.info.path, e.info.part)))
  })
})
