import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { redact, redactionSpans } from '../redact'
import { isLuhnValid, isValidIban } from './checks'

// Arbitrary text around planted data: the redaction never throws, its spans stay inside the text
// and never overlap, and an IBAN, a card number or an e-mail address planted between words is gone.
const word = fc.stringMatching(/^[a-zA-ZäöüßÄÖÜéèçñłı]{1,12}$/)
const filler = fc.array(word, { minLength: 0, maxLength: 8 }).map((ws) => ws.join(' '))
const anyText = fc.string({ unit: 'binary', maxLength: 300 })

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''))
const iban = digits(18).map((bban) => {
  let rest = 0
  for (const c of `${bban}131400`) rest = (rest * 10 + Number(c)) % 97
  return `DE${String(98 - rest).padStart(2, '0')}${bban}`
})
const card = digits(15).map((body) => {
  for (let d = 0; d <= 9; d++) if (isLuhnValid(`${body}${d}`)) return `${body}${d}`
  throw new Error('no Luhn digit')
})
const email = fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{0,15}[a-z0-9]$/), fc.stringMatching(/^[a-z]{2,10}$/)).map(([l, d]) => `${l}@${d}.example`)

describe('redaction properties', () => {
  it('never throws on any text, and its spans are inside the text, sorted and apart', () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom('en', 'de', null), (text, language) => {
        const spans = redactionSpans(text, { language })
        let at = 0
        for (const s of spans) {
          expect(s.start).toBeGreaterThanOrEqual(at)
          expect(s.end).toBeGreaterThan(s.start)
          expect(s.end).toBeLessThanOrEqual(text.length)
          at = s.end
        }
        expect(typeof redact(text, { language }).text).toBe('string')
      }),
      { numRuns: 300 }
    )
  })

  it('removes an IBAN, a card number and an e-mail address planted among any words', () => {
    fc.assert(
      fc.property(filler, iban, filler, card, filler, email, filler, (a, i, b, c, d, e, f) => {
        expect(isValidIban(i)).toBe(true)
        const out = redact(`${a} ${i} ${b} ${c} ${d} ${e} ${f}`).text
        expect(out).not.toContain(i.slice(4, 12))
        expect(out).not.toContain(c.slice(4, 12))
        expect(out).not.toContain(e)
        expect(out).not.toMatch(/\d{5,}/)
      }),
      { numRuns: 200 }
    )
  })
})
