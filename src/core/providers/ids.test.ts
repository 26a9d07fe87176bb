import { describe, expect, it } from 'vitest'
import { stableId, StableIds } from './ids'

const stableIds = (prefix: string, ...fixed: Array<string | number | null>) => {
  const ids = new StableIds(prefix, ...fixed)
  return (last: string | number | null) => ids.of(last)
}

describe('StableIds', () => {
  it('gives what stableId gives with the same parts, the fixed ones hashed once', () => {
    const fixed: Array<Array<string | number | null>> = [['amazon-alexa', null, 'Alexa/Alexa.VoiceHistory.csv'], ['google', 'takeout-002.zip', 'Takeout/My Activity/Assistant/MyActivity.json'], [], ['ü€😀', 0]]
    for (const parts of fixed) {
      const idOf = stableIds('r', ...parts)
      for (const last of [1, 2, 99_999, 0, -1, 3.5, null, '', 'line 7', '😀']) expect(idOf(last)).toBe(stableId('r', ...parts, last))
    }
  })

  it('puts the same id as UTF-8 bytes where it is told, for one-letter and longer prefixes', () => {
    for (const prefix of ['r', 'rec', 'ü']) {
      const ids = new StableIds(prefix, 'amazon-alexa', 'p1.zip', 'Alexa/v.csv')
      const b = new Uint8Array(5 + ids.maxBytes).fill(0x78)
      for (const last of [2, 100_001, 0, 'line 7', null]) {
        const lanes = ids.lanesOf(last)
        const end = ids.putLanes(lanes[0]!, lanes[1]!, b, 5)
        expect(Buffer.from(b.subarray(5, end)).toString('utf8')).toBe(ids.of(last))
        expect(end - 5).toBe(ids.maxBytes)
        expect(b[4]).toBe(0x78)
      }
    }
  })

  it('keeps ids of neighbouring lines apart', () => {
    const idOf = stableIds('r', 'amazon-alexa', null, 'a.csv')
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => idOf(i + 1)))
    expect(ids.size).toBe(20_000)
    expect(idOf(2)).toMatch(/^r[0-9a-f]{16}$/)
  })

  it('stay the ids earlier scans saved marks against (values pinned from before the short ways)', () => {
    const idOf = stableIds('r', 'amazon-alexa', null, 'Alexa/Alexa.VoiceHistory.csv')
    expect([idOf(2), idOf(100_001), idOf(0)]).toEqual(['r95c27cf6e54cac72', 'r5abfc14ebed5e208', 'r49bd88249c07f3ff'])
    expect(stableId('d', 'amazon-alexa', 'G090LF1122334455')).toBe('d9320ae7daa162e53')
    expect(stableId('r', 'generic-audio', 'takeout-001.zip\u0000Takeout/a.mp3')).toBe('r24508242d715da94')
    expect(stableId('rec', 'x', 12)).toBe('rec155e181ec9e00cad')
  })
})
