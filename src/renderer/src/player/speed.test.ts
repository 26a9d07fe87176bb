import { describe, expect, it } from 'vitest'
import { nextSpeed, SPEEDS } from './speed'

describe('nextSpeed', () => {
  it('steps through the offered speeds and stops at either end', () => {
    expect(nextSpeed(1, 1)).toBe(1.25)
    expect(nextSpeed(1, -1)).toBe(0.75)
    expect(nextSpeed(2, 1)).toBe(2)
    expect(nextSpeed(0.5, -1)).toBe(0.5)
  })
  it('from a speed between steps, moves to the neighbouring offered one', () => {
    expect(nextSpeed(1.1, 1)).toBe(1.5)
    expect(nextSpeed(1.1, -1)).toBe(1)
    expect(nextSpeed(3, -1)).toBe(1.5)
    expect(SPEEDS).toContain(nextSpeed(0.1, 1))
  })
})
