import { describe, expect, it } from 'vitest'
import { fixedBasisTwins, fnvFrom, lowBitTwins } from '../../test/fixtures/hash-flood'
import { nameHashOf } from './archive/zip/names'
import { NAME_HASH_START, shiftFor, slotOf } from './fnv'
import { hashOf } from './providers/norm-index'

const distinct = (values: number[]) => new Set(values).size

describe('the name hash', () => {
  it('starts from bits drawn for this run, not from the fixed offset basis', () => {
    // (A draw equal to 0 would fail this once in 2^32 runs.)
    expect(NAME_HASH_START).not.toBe(0x811c9dc5 | 0)
    expect(hashOf('', '')).toBe(NAME_HASH_START)
    expect(nameHashOf('Alexa/Audio/A.wav')).toBe(hashOf('alexa/audio/a.wav', ''))
  })

  it('hashes apart the names an export can build to one hash from the fixed basis, unless the start shares its low 7 bits', () => {
    const names = fixedBasisTwins('alexa/audio/', 8, '.wav')
    expect(distinct(names.map((n) => fnvFrom(0x811c9dc5, n)))).toBe(1)
    // (1 run in 128 draws such a start: the tables' probe budget is what holds then.)
    const sameLowBits = ((NAME_HASH_START ^ 0x811c9dc5) & 0x7f) === 0
    // Random 32-bit hashes of 256 names would all differ but for 1 in 130,000 runs; leave room for a few.
    if (!sameLowBits) expect(distinct(names.map((n) => hashOf(n, '')))).toBeGreaterThanOrEqual(250)
    // Whatever the start, the two hashes of a name agree.
    expect(names.map((n) => nameHashOf(n))).toEqual(names.map((n) => hashOf(n, '')))
  })

  it('gives names whose hashes share their low bits from any start home slots apart', () => {
    const names = lowBitTwins('a/', 12, '.wav')
    const hashes = names.map((n) => hashOf(n, ''))
    // What a table that took the low bits for the slot would see: one home slot for 4,096 names.
    expect(distinct(hashes.map((h) => h & 0xffff))).toBe(1)
    // 4,096 random home slots of 8,192 fill ~3,220 (the least in 300 runs: 2,804; the most names in one: 6).
    const homes = hashes.map((h) => slotOf(h, shiftFor(8192)))
    expect(Math.min(...homes)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...homes)).toBeLessThan(8192)
    expect(distinct(homes)).toBeGreaterThan(2048)
    const perHome = new Map<number, number>()
    for (const s of homes) perHome.set(s, (perHome.get(s) ?? 0) + 1)
    expect(Math.max(...perHome.values())).toBeLessThan(16)
  })

  it('takes the shift of a table of 2^b slots as 32 - b', () => {
    expect([2, 16, 1 << 17, 1 << 30].map(shiftFor)).toEqual([31, 28, 15, 2])
    expect(slotOf(-1, 31)).toBeLessThan(2)
  })
})
