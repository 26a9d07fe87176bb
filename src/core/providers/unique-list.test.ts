import { describe, expect, it } from 'vitest'
import { onceInto } from './unique-list'

describe('onceInto', () => {
  it('adds each value once, after what the list holds, and skips empty ones', () => {
    const list = ['A1']
    const add = onceInto(list)
    for (const v of ['A2', 'A1', null, '', undefined, 'A2', 'A3']) add(v)
    expect(list).toEqual(['A1', 'A2', 'A3'])
  })

  it('takes 200,000 distinct ids at once (list.includes per id took the square: 40,000 cost 6.9 s in a scan)', () => {
    const list: string[] = []
    const add = onceInto(list)
    for (let i = 0; i < 200_000; i++) add(`A${i}`)
    for (let i = 0; i < 200_000; i += 1000) add(`A${i}`)
    expect(list).toHaveLength(200_000)
    expect(list[199_999]).toBe('A199999')
  })
})
