import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utcMs } from './utc-ms'

const same = (s: string): void => {
  expect(Object.is(utcMs(s), Date.parse(s)), s).toBe(true)
}

describe('utcMs', () => {
  it('gives what Date.parse gives for every instant in the providers’ shape', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0100-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => same(d.toISOString())),
      { numRuns: 5000 }
    )
  })

  it('leaves the edges and every other shape to Date.parse', () => {
    for (const s of ['2021-02-29T00:00:00.000Z', '2020-02-29T10:00:00.000Z', '2021-02-30T00:00:00.000Z', '2021-04-31T12:00:00.000Z', '2021-01-01T24:00:00.000Z', '2021-01-01T23:60:00.000Z', '2021-13-01T00:00:00.000Z', '2021-00-10T00:00:00.000Z', '2021-01-00T00:00:00.000Z', '2021-01-01T23:59:60.000Z', '0050-01-01T00:00:00.000Z', '0000-01-01T00:00:00.000Z', '2021-01-01T00:00:00.000+', '2021-01-01 00:00:00.000Z', '2021-01-01T00:00:00Z', '2021-0a-01T00:00:00.000Z', '+02021-01-01T00:00:00.000Z', '', 'yesterday']) same(s)
  })

  it('agrees with Date.parse on any text of the same length and punctuation', () => {
    const digitOrNot = fc.constantFrom(...'0123456789/a'.split(''))
    fc.assert(
      fc.property(fc.array(digitOrNot, { minLength: 17, maxLength: 17 }), (d) => same(`${d.slice(0, 4).join('')}-${d.slice(4, 6).join('')}-${d.slice(6, 8).join('')}T${d.slice(8, 10).join('')}:${d.slice(10, 12).join('')}:${d.slice(12, 14).join('')}.${d.slice(14, 17).join('')}Z`)),
      { numRuns: 5000 }
    )
  })
})
