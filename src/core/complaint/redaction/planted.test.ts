import { describe, expect, it } from 'vitest'
import { PLANTED, PLANTED_VALUES } from '../../generate'
import { personalPhrase } from '../../generate/personal-data'
import { createRandom } from '../../generate/random'
import { redact } from '../redact'

// The stranger of `make-export --personal-data`: every kind of personal data, in both languages,
// half of it lowercase. Redacted as a bundle redacts it (the app's full lists), nothing planted survives.
const words = (v: string) => v.toLowerCase().split(/[\s,]+/).filter((p) => p.length >= 2)
// Month words of a date of birth stay ("3. Mai 1969" → "[date of birth]" takes it all; a lone "Mai" elsewhere is the month).
const pieces = [...new Set(PLANTED_VALUES.flatMap(words))].filter((p) => !['mai', 'february'].includes(p))
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

describe('a stranger full of personal data', () => {
  const phrases = Array.from({ length: 600 }, (_, i) => personalPhrase(createRandom(`planted-${i}`), i % 2 ? 'de' : 'en'))

  it('plants every kind, with check digits that hold', () => {
    expect(phrases.some((p) => /iban/i.test(p))).toBe(true)
    for (const kind of ['ibans', 'cards', 'phones', 'emails', 'streets', 'postcodes', 'births', 'surnames', 'names'] as const) {
      expect(PLANTED[kind].some((v) => phrases.some((p) => p.toLowerCase().includes(v.toLowerCase()))), kind).toBe(true)
    }
  })

  it('leaves no planted value, in part or whole, and no digit', () => {
    const left: string[] = []
    for (const text of phrases) {
      const out = redact(text, { names: ['Anna Berger'] }).text
      const low = out.toLowerCase()
      const hits = pieces.filter((p) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(p)}(?![\\p{L}\\p{N}])`, 'u').test(low))
      if (hits.length > 0 || /\d/.test(out)) left.push(`${text} → ${out} (${hits.join(', ')})`)
    }
    expect(left).toEqual([])
  })
})
