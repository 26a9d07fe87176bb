import { describe, expect, it } from 'vitest'
import { baselineSpans } from '../../../../bench/redaction/baseline'
import { generateCorpus } from '../../../../bench/redaction/corpus'
import { leakRate, overRate, score } from '../../../../bench/redaction/score'
import { HELD_OUT_NAMES, heldOutLexicon } from '../../../../bench/redaction/held-out'
import { redactionSpans } from '../redact'
import { getLexicon } from './lexicon'

// A slice of the benchmark's corpus (`npm run bench:redaction` runs 1,000): 200 transcripts, English
// and German, half lowercase speech-to-text, half without a language, names held out of the gazetteer.
const slice = generateCorpus(200)

describe('redaction on a slice of the corpus', () => {
  it('is a fair test: every name in it is held out of the gazetteer the test redacts with', () => {
    const { names, firstWords, lastWords } = heldOutLexicon()
    expect(HELD_OUT_NAMES.length).toBeGreaterThan(1000)
    for (const n of HELD_OUT_NAMES) expect(names.has(n) || firstWords.has(n) || lastWords.has(n), n).toBe(false)
    const kinds = new Set(slice.flatMap((t) => t.items.map((i) => i.kind)))
    expect([...kinds].sort()).toEqual(['address', 'card', 'dob', 'email', 'iban', 'name', 'phone'])
  })

  it('lets no personal item of the slice survive and removes under 2% of the words that should stay', () => {
    const s = score(slice, (t) => redactionSpans(t.text, { language: t.hint, lexicon: heldOutLexicon() }))
    expect(s.leaks).toEqual([])
    const over = overRate(s)
    expect(over.total).toBeGreaterThan(500)
    expect(over.rate).toBeLessThan(0.02)
  })

  it('ships the whole gazetteer: the lists the app uses hold the held-out names too', () => {
    const { names, firstWords, lastWords } = getLexicon()
    const missing = HELD_OUT_NAMES.filter((n) => !(names.has(n) || firstWords.has(n) || lastWords.has(n)))
    expect(missing).toEqual([])
    // And the held-out copy is the full one less exactly those names.
    const full = getLexicon()
    const bench = heldOutLexicon()
    expect(full.names.size + full.firstWords.size + full.lastWords.size - (bench.names.size + bench.firstWords.size + bench.lastWords.size)).toBe(HELD_OUT_NAMES.length)
  })

  it('does what the redaction before issue 16 did not (the baseline leaks on the same slice)', () => {
    const before = leakRate(score(slice, (t) => baselineSpans(t.text, { language: t.hint })))
    expect(before.leaked / before.total).toBeGreaterThan(0.5)
  })
})
