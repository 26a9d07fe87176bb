import { describe, expect, it } from 'vitest'
import { RULE_IDS } from '../../../shared/model/analysis'
import { MARKS, VERDICTS } from './catalog'
import { makeRowText } from './row-text'
import { ROW_WAVE_H, ROW_WAVE_W, rowWaveShape } from './row-wave-shape'

// A stand-in translator that shows which key (and options) a string came from.
const calls: string[] = []
const t = (key: string, o?: Record<string, unknown>) => {
  calls.push(key)
  return o ? `${key}(${Object.values(o).join(',')})` : key
}

describe('makeRowText', () => {
  const bit = (rule: (typeof RULE_IDS)[number]) => 1 << RULE_IDS.indexOf(rule)
  const foreign = VERDICTS.indexOf('foreign')
  const own = VERDICTS.indexOf('own')

  it('says the verdict and its reasons in short, and every reason in full on hover', () => {
    const text = makeRowText(t).review(foreign, 0, bit('unregistered-device') | bit('other-language'))
    expect(text.markLabel).toBeNull()
    expect(text.verdictLabel).toBe('marks.verdict.foreign')
    expect(text.reasons).toBe('marks.ruleShort.unregistered-device, marks.ruleShort.other-language')
    expect(text.title).toBe('marks.rule.unregistered-device\nmarks.rule.other-language')
  })

  it("puts the person's mark first, with the detector's verdict beside it only when it flagged", () => {
    const rows = makeRowText(t)
    const notMine = MARKS.indexOf('not-mine')
    expect(rows.review(foreign, notMine, 0)).toMatchObject({ mark: 'not-mine', markLabel: 'marks.not-mine', detector: '(marks.detector(marks.verdict.foreign))', verdictLabel: null })
    expect(rows.review(own, notMine, 0)).toMatchObject({ markLabel: 'marks.not-mine', detector: null })
    expect(rows.review(own, 0, 0)).toMatchObject({ markLabel: null, verdictLabel: null, reasons: '', title: '' })
  })

  it('translates each combination once: rows with the same review share one object', () => {
    const rows = makeRowText(t)
    calls.length = 0
    const a = rows.review(foreign, 0, bit('second-account'))
    const used = calls.length
    expect(used).toBeGreaterThan(0)
    expect(rows.review(foreign, 0, bit('second-account'))).toBe(a)
    expect(calls.length).toBe(used)
    expect(rows.review(foreign, 0, bit('other-places'))).not.toBe(a)
  })
})

describe('rowWaveShape', () => {
  const bars = (d: string) => [...d.matchAll(/M([\d.]+) ([\d.]+)h([\d.]+)v([\d.]+)h-[\d.]+z/g)].map((m) => m.slice(1).map(Number))

  it('draws a bar per bucket inside the box, as tall as the bucket is loud, centred', () => {
    const buckets = Array.from({ length: 40 }, (_, b) => (b * 7) % 100)
    const { ink, clip } = rowWaveShape(buckets)
    expect(clip).toBe('')
    const drawn = bars(ink)
    expect(drawn).toHaveLength(40)
    for (const [k, [x, y, w, h]] of drawn.entries()) {
      expect(x).toBeCloseTo((k * ROW_WAVE_W) / 40, 1)
      expect(x! + w!).toBeLessThanOrEqual(ROW_WAVE_W + 0.05)
      expect(y! + h! / 2).toBeCloseTo(ROW_WAVE_H / 2, 0)
      expect(h).toBeGreaterThanOrEqual(1)
    }
    // Louder buckets are taller bars.
    expect(drawn[14]![3]).toBeGreaterThan(drawn[1]![3]!)
  })

  it('draws clipping as full-height bars of their own, and keeps silence visible as a line', () => {
    const { ink, clip } = rowWaveShape([0, 100, 50, 100])
    expect(bars(clip).map(([x, , , h]) => [x, h])).toEqual([
      [16, ROW_WAVE_H - 2],
      [48, ROW_WAVE_H - 2]
    ])
    expect(bars(ink).map(([x, , , h]) => [x, h])).toEqual([
      [0, 1],
      [32, 8]
    ])
  })

  it('answers empty paths for no buckets and clamps values out of range', () => {
    expect(rowWaveShape([])).toEqual({ ink: '', clip: '' })
    expect(bars(rowWaveShape([-5]).ink)[0]![3]).toBe(1)
    expect(bars(rowWaveShape([250]).clip)).toHaveLength(1)
  })
})
