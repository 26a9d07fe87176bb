import { describe, expect, it } from 'vitest'
import { inLanes } from './lanes'

describe('inLanes', () => {
  it('runs every index once, in order of taking, never more than the lanes at a time', async () => {
    const started: number[] = []
    let running = 0
    let most = 0
    await inLanes(10, 3, async (i) => {
      started.push(i)
      most = Math.max(most, ++running)
      await new Promise((r) => setTimeout(r, 1 + (i % 3)))
      running--
    })
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(most).toBe(3)
  })

  it('takes nothing new once stopped, and rejects with the first throw', async () => {
    const seen: number[] = []
    await inLanes(100, 2, async (i) => void seen.push(i), () => seen.length >= 5)
    expect(seen).toEqual([0, 1, 2, 3, 4])
    await expect(inLanes(5, 2, async (i) => {
      if (i === 2) throw new Error('third')
    })).rejects.toThrow('third')
  })
})
