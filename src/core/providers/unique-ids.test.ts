import { describe, expect, it } from 'vitest'
import { UniqueIds } from './unique-ids'

describe('UniqueIds', () => {
  it('tells a new id from one added before, across many growths, and reads back ids only by their place', () => {
    const added: string[] = []
    const ids = new UniqueIds((n) => added[n]!)
    for (let i = 0; i < 50_000; i++) {
      const id = `r${i.toString(16).padStart(16, '0')}`
      expect(ids.add(id)).toBe(true)
      added.push(id)
    }
    // Equal text, other strings: found by content, not identity.
    for (let i = 0; i < 50_000; i += 997) expect(ids.add(`r${i.toString(16).padStart(16, '0')}`)).toBe(false)
    expect(ids.add('r~2')).toBe(true)
    added.push('r~2')
    expect(ids.add('r~2')).toBe(false)
    expect(ids.add('')).toBe(true)
    added.push('')
    expect(ids.add('')).toBe(false)
  })
})
