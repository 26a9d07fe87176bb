import { describe, expect, it } from 'vitest'
import { OVERSCAN, rowsToRender } from './list-rows'

describe('rowsToRender', () => {
  const view = { startIndex: 100, endIndex: 111, count: 1000 }

  it('renders OVERSCAN rows on both sides at rest', () => {
    const rows = rowsToRender(view, null)
    expect(rows[0]).toBe(100 - OVERSCAN)
    expect(rows.at(-1)).toBe(111 + OVERSCAN)
    expect(rows).toHaveLength(12 + 2 * OVERSCAN)
  })

  it('renders ahead of the scroll and one row behind, in order, every row in view included', () => {
    const down = rowsToRender(view, 'forward')
    expect([down[0], down.at(-1)]).toEqual([99, 111 + OVERSCAN])
    const up = rowsToRender(view, 'backward')
    expect([up[0], up.at(-1)]).toEqual([100 - OVERSCAN, 112])
    for (const rows of [down, up]) {
      for (let k = 1; k < rows.length; k++) expect(rows[k]).toBe(rows[k - 1]! + 1)
      for (let i = view.startIndex; i <= view.endIndex; i++) expect(rows).toContain(i)
    }
  })

  it('stays inside the list at both ends, and renders nothing for an empty one', () => {
    expect(rowsToRender({ startIndex: 0, endIndex: 5, count: 6 }, null)).toEqual([0, 1, 2, 3, 4, 5])
    expect(rowsToRender({ startIndex: 990, endIndex: 999, count: 1000 }, 'forward').at(-1)).toBe(999)
    expect(rowsToRender({ startIndex: 0, endIndex: -1, count: 0 }, null)).toEqual([])
  })

  it('renders one row more each way when the view leapt past all it showed, and overscans again once it moves by less', () => {
    const leapt = rowsToRender(view, 'forward', { startIndex: 60, endIndex: 71 })
    expect(leapt).toEqual(Array.from({ length: 14 }, (_, k) => 99 + k))
    expect(rowsToRender(view, 'backward', { startIndex: 140, endIndex: 151 })).toHaveLength(14)
    // Overlapping what it showed: a step of the wheel, not a leap.
    const stepped = rowsToRender(view, 'forward', { startIndex: 96, endIndex: 107 })
    expect([stepped[0], stepped.at(-1)]).toEqual([99, 111 + OVERSCAN])
  })
})
