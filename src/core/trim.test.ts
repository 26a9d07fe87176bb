import { describe, expect, it } from 'vitest'
import { withoutTrailing } from './trim'

describe('withoutTrailing', () => {
  it('cuts only the run that ends the text', () => {
    expect(withoutTrailing('a//b///', '/')).toBe('a//b')
    expect(withoutTrailing('St...', '.')).toBe('St')
    expect(withoutTrailing('///', '/')).toBe('')
    expect(withoutTrailing('abc', '/')).toBe('abc')
    expect(withoutTrailing('', '.')).toBe('')
  })

  it('cuts a name of many earlier runs at once (/\\/+$/ tried again from each of their characters)', () => {
    const name = `${'a'.padEnd(50_001, '/')}x`.repeat(4) + '//'
    expect(withoutTrailing(name, '/')).toBe(name.slice(0, -2))
  })
})
