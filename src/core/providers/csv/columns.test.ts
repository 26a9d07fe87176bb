import { describe, expect, it } from 'vitest'
import { cellAt, rowFields } from './columns'

describe('rowFields', () => {
  it('names each filled cell by its column, in the header order, whether or not every cell is filled', () => {
    const header = ['Timestamp', '', 'Device', '2', 'Device', 'Status']
    const full = rowFields(header, ['t', 'x', 'd1', 'two', 'd2', 'ok'])
    expect(JSON.stringify(full)).toBe('{"2":"two","Timestamp":"t","column 2":"x","Device":"d2","Status":"ok"}')
    // The same shape again (a copy of the names, not the values of the row before).
    expect(JSON.stringify(rowFields(header, ['u', 'y', 'e1', 'zwei', 'e2', 'fine']))).toBe('{"2":"zwei","Timestamp":"u","column 2":"y","Device":"e2","Status":"fine"}')
    expect(JSON.stringify(rowFields(header, ['t', '', 'd1', 'two', '', 'ok']))).toBe('{"2":"two","Timestamp":"t","Device":"d1","Status":"ok"}')
    expect(JSON.stringify(rowFields(header, ['t', 'x']))).toBe('{"Timestamp":"t","column 2":"x"}')
    expect(full).not.toBe(rowFields(header, ['t', 'x', 'd1', 'two', 'd2', 'ok']))
  })
})

describe('cellAt', () => {
  it('trims white space of any kind and answers null for an empty or absent cell', () => {
    const cells = ['a', ' b ', '\u00a0c\ufeff', '  ', '', 'x y']
    expect([0, 1, 2, 3, 4, 5, 6, undefined].map((i) => cellAt(cells, i))).toEqual(['a', 'b', 'c', null, null, 'x y', null, null])
  })
})
