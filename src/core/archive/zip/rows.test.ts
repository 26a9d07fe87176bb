// The rows of a ZIP listing: any offset kept exactly, the reservation read from the end record
// capped (a lying count must not allocate gigabytes), growth past it keeping every row.
import { describe, expect, it } from 'vitest'
import { ZipRows } from './rows'

describe('ZipRows', () => {
  it('keeps offsets past 4 GiB and every state of a row', () => {
    const rows = new ZipRows()
    const far = 2 ** 40 + 7
    const a = rows.add(far, null, 8, true, -123)
    const b = rows.add(5, 77, 0, false, 456)
    expect([rows.localOffset(a), rows.dataStart(a), rows.method(a), rows.sizeKnown(a), rows.checkLater(a), rows.nameHash(a)]).toEqual([far, null, 8, true, false, -123])
    expect([rows.localOffset(b), rows.dataStart(b), rows.method(b), rows.sizeKnown(b), rows.nameHash(b)]).toEqual([5, 77, 0, false, 456])
    rows.setCheckLater(a, true)
    rows.setDataStart(a, far + 30)
    expect([rows.checkLater(a), rows.dataStart(a), rows.sizeKnown(a)]).toEqual([true, far + 30, true])
    rows.setCheckLater(a, false)
    expect([rows.checkLater(a), rows.sizeKnown(a)]).toEqual([false, true])
  })

  it('reserves what is asked up to a cap, and grows past it without losing a row', () => {
    const rows = new ZipRows()
    rows.reserve(2 ** 40)
    expect(rows.capacity).toBe(1 << 20)
    const small = new ZipRows()
    small.reserve(100)
    expect(small.capacity).toBe(100)
    for (let i = 0; i < 1000; i++) small.add(i * 2 ** 33, i % 2 ? null : i, i % 3, i % 5 !== 0, i)
    expect(small.length).toBe(1000)
    expect(small.capacity).toBeGreaterThanOrEqual(1000)
    for (const i of [0, 99, 100, 101, 999]) expect([small.localOffset(i), small.dataStart(i), small.method(i), small.sizeKnown(i), small.nameHash(i)]).toEqual([i * 2 ** 33, i % 2 ? null : i, i % 3, i % 5 !== 0, i])
  })

  it('knows without a pass whether its offsets ascend and how many rows are placed, through every change of a row', () => {
    const rows = new ZipRows()
    const placedByPass = () => Array.from({ length: rows.length }, (_, i) => rows.dataFrom(i) !== null).filter(Boolean).length
    const seen: Array<[boolean, number]> = []
    const note = () => {
      expect(rows.placed).toBe(placedByPass())
      seen.push([rows.ascending, rows.placed])
    }
    rows.add(10, null, 0, true, 1)
    rows.add(10, 50, 0, true, 2)
    note()
    rows.setCheckLater(0, true)
    rows.setCheckLater(0, true)
    note()
    rows.setDataStart(0, 40)
    rows.setCheckLater(0, false)
    note()
    rows.setDataStart(1, null)
    rows.setDataStart(1, null)
    note()
    rows.add(9, 100, 8, true, 3)
    note()
    expect(seen).toEqual([
      [true, 1],
      [true, 2],
      [true, 2],
      [true, 1],
      [false, 2]
    ])
  })
})
