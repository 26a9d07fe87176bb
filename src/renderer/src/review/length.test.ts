import { describe, expect, it } from 'vitest'
import { lengthShown } from './length'

const audio = { path: 'audio/1.wav', part: null, size: 1000 }

describe('lengthShown', () => {
  it("shows the export's own length first, then what the engine learnt", () => {
    expect(lengthShown({ id: 'a', audio, durationMs: 4_200 }, new Map([['a', 9_000]]))).toEqual({ text: '0:04', state: 'known' })
    expect(lengthShown({ id: 'a', audio, durationMs: null }, new Map([['a', 125_000]]))).toEqual({ text: '2:05', state: 'known' })
    expect(lengthShown({ id: 'a', audio: null, durationMs: 61_000 }, new Map())).toEqual({ text: '1:01', state: 'known' })
  })

  it('never shows "—" for a recording with audio: its length is pending until learnt', () => {
    const learnt = new Map<string, number>()
    const r = { id: 'b', audio, durationMs: null }
    expect(lengthShown(r, learnt)).toEqual({ text: '…', state: 'pending' })
    learnt.set('b', 800)
    expect(lengthShown(r, learnt)).toEqual({ text: '0:01', state: 'known' })
  })

  it('"—" stands only for a recording without audio', () => {
    expect(lengthShown({ id: 'c', audio: null, durationMs: null }, new Map([['other', 1]]))).toEqual({ text: '—', state: 'none' })
  })
})
