import { describe, expect, it } from 'vitest'
import { inSlices } from './slices'

describe('inSlices', () => {
  it('covers [0, count) once, in order, in slices that join up', async () => {
    const seen: number[] = []
    const ranges: Array<[number, number]> = []
    expect(await inSlices(1500, (from, to) => {
      ranges.push([from, to])
      for (let i = from; i < to; i++) seen.push(i)
    }, () => false)).toBe(true)
    expect(seen).toEqual(Array.from({ length: 1500 }, (_, i) => i))
    for (let k = 1; k < ranges.length; k++) expect(ranges[k]![0]).toBe(ranges[k - 1]![1])
    expect(await inSlices(0, () => seen.push(-1), () => false)).toBe(true)
    expect(seen).not.toContain(-1)
  })

  it('lets other work run between slices once past its budget, and stops when told', async () => {
    // Other work: a task that queues itself again on each turn of the loop.
    let others = 0
    let going = true
    const other = () => {
      others++
      if (going) setImmediate(other)
    }
    setImmediate(other)
    const atSlice: number[] = []
    // A budget of 0 yields after every slice; the other work gets in between.
    await inSlices(10 * 512, () => void atSlice.push(others), () => false, 0).finally(() => (going = false))
    expect(atSlice.length).toBe(10)
    expect(atSlice[9]!).toBeGreaterThan(atSlice[0]!)
    let runs = 0
    expect(await inSlices(10 * 512, () => void runs++, () => runs >= 3, 0)).toBe(false)
    expect(runs).toBe(3)
  })
})
