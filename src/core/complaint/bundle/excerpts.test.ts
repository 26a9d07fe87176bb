import { describe, expect, it } from 'vitest'
import { CLIPPED_MARK, clippedExcerpt, EXCERPT_CHARS, excerptsText } from './excerpts'

const IBAN = 'DE89 3704 0044 0532 0130 00'
const filler = (n: number) => Array.from({ length: n }, (_, i) => `wort${i % 10 === 0 ? 'e' : ''}`).join(' ')

describe('excerpts are clipped', () => {
  it('quotes a short transcript whole, redacted, with no clipped mark', () => {
    const r = clippedExcerpt(`ruf Thomas Krüger an, meine IBAN ist ${IBAN}`, [], 'de')
    expect(r).toMatchObject({ text: 'ruf [name] [name] an, meine IBAN ist [IBAN]', clipped: false })
    expect(r.removed.iban).toBe(1)
  })

  it('quotes at most EXCERPT_CHARS of a transcript of megabytes, ends in the mark, and cuts no word', () => {
    const huge = `Meine IBAN ist ${IBAN} und ${'ich erzähle dir von meinem Leben '.repeat(100_000)}`
    expect(huge.length).toBeGreaterThan(3_000_000)
    const r = clippedExcerpt(huge, [], null)
    expect(r.clipped).toBe(true)
    expect(r.text.endsWith(CLIPPED_MARK)).toBe(true)
    expect(r.text.length).toBeLessThanOrEqual(EXCERPT_CHARS + CLIPPED_MARK.length + 1)
    expect(r.text).toContain('[IBAN]')
    expect(r.text).not.toMatch(/\d/)
    // Every word quoted is a whole word of the text.
    const body = r.text.slice(0, -CLIPPED_MARK.length).trim()
    for (const word of body.split(' ')) if (!word.startsWith('[')) expect('Meine IBAN ist und ich erzähle dir von meinem Leben').toContain(word)
  })

  it('never quotes a number the clip would cut in half, nor a marker in part', () => {
    // The 300th character falls inside a card number, then inside an IBAN: neither part is quoted.
    for (let pad = 240; pad < 300; pad += 7) {
      const text = `${'a'.repeat(pad)} 4111 1111 1111 1111 and ${IBAN} ${filler(80)}`
      const r = clippedExcerpt(text, [], 'en')
      expect(r.text).not.toMatch(/\d/)
      expect(r.text).not.toMatch(/\[[^\]]*$/)
    }
  })

  it('stays clear of the end of the window it redacted: an item cut by the window is never quoted', () => {
    // Markers make the quote shrink, so the window's end comes into reach: long e-mail addresses, then an IBAN cut by the window.
    // About 23 addresses (~2,390 characters) quote as ~210 characters of markers; the IBAN after them straddles the
    // window's last blank (2,400), so the window holds only 'DE89 3704 …' in part.
    let mails = ''
    for (let i = 0; mails.length < 2270; i++) mails += `${mails ? ' ' : ''}${'x'.repeat(50)}${i}@${'y'.repeat(40)}.example.com`
    while (mails.length < 2388) mails += ' ja'
    const text = `${mails} ${IBAN} ${filler(400)}`
    expect(text.indexOf(IBAN)).toBeLessThan(2400)
    expect(text.indexOf(IBAN) + IBAN.length).toBeGreaterThan(2400)
    const r = clippedExcerpt(text, [], 'en')
    expect(r.clipped).toBe(true)
    expect(r.text).not.toMatch(/\d/)
    expect(r.text).not.toMatch(/x{5}|y{5}/)
  })

  it('says in the file how long an excerpt may be and which were clipped', () => {
    const { text } = excerptsText(
      [
        { time: '2018-05-02T06:00:00Z', entry: 1, text: 'wie wird das Wetter', language: 'de' },
        { time: '2018-05-02T07:00:00Z', entry: 2, text: filler(500), language: 'de' }
      ],
      [],
      2
    )
    expect(text).toContain(`at most ${EXCERPT_CHARS} characters`)
    expect(text).toMatch(/2\. 2018-05-02T07:00:00Z \(UTC\), manifest entry 2, clipped: [\d,]+ characters in the export/)
    expect(text).not.toMatch(/1\. [^\n]*clipped/)
    expect(text.length).toBeLessThan(2000)
  })
})
