import { describe, expect, it } from 'vitest'
import { stableId, stableIds } from './ids'

describe('stableIds', () => {
  it('gives what stableId gives with the same parts, the fixed ones hashed once', () => {
    const fixed: Array<Array<string | number | null>> = [['amazon-alexa', null, 'Alexa/Alexa.VoiceHistory.csv'], ['google', 'takeout-002.zip', 'Takeout/My Activity/Assistant/MyActivity.json'], [], ['ü€😀', 0]]
    for (const parts of fixed) {
      const idOf = stableIds('r', ...parts)
      for (const last of [1, 2, 99_999, 0, -1, 3.5, null, '', 'line 7', '😀']) expect(idOf(last)).toBe(stableId('r', ...parts, last))
    }
  })

  it('keeps ids of neighbouring lines apart', () => {
    const idOf = stableIds('r', 'amazon-alexa', null, 'a.csv')
    const ids = new Set(Array.from({ length: 20_000 }, (_, i) => idOf(i + 1)))
    expect(ids.size).toBe(20_000)
    expect(idOf(2)).toMatch(/^r[0-9a-f]{16}$/)
  })
})
