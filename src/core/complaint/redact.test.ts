import { describe, expect, it } from 'vitest'
import { MARKERS, noneRemoved, redact } from './redact'

// Planted personal data, in the shapes exports and speech-to-text write them.
const NAMES = ['Thomas', 'Krüger', 'Sabine', 'Heiko', 'Birgit', 'Jennifer', 'Miller', 'Oakwood']
const EMAILS = ['tkrueger.mail@example.net', 'sabine+alexa@mail.example.de']
const PHONES = ['0341 9876543', '+49 (341) 555-12-34', '0049 170 1234567', '555 123 4567']
const SERIALS = ['G090ABCD1234EFGH', 'G0K1TCH3N9XY', 'A1STRANGR8M4XW', 'amzn1.account.AH3XQ5Z7L2', 'DE89370400440532013000']

const texts: [string, string | null][] = [
  ['ruf Thomas Krüger an, seine Nummer ist 0341 9876543', 'de'],
  ['schick eine Mail an tkrueger.mail@example.net und an sabine+alexa@mail.example.de', 'de'],
  ['wähle +49 (341) 555-12-34 oder 0049 170 1234567', 'de'],
  ['call Sabine Miller at 555 123 4567', 'en'],
  ['remind me to pick up Jennifer from Oakwood at five', 'en'],
  ['mein Gerät G090ABCD1234EFGH und G0K1TCH3N9XY gehören Kunde A1STRANGR8M4XW', 'de'],
  ['account amzn1.account.AH3XQ5Z7L2, IBAN DE89370400440532013000', 'en'],
  ['erinnere mich, Heiko um sechs anzurufen, und Birgit auch', 'de']
]

describe('redact', () => {
  it.each(texts)('removes every planted name, e-mail, phone number and serial from %j', (text, language) => {
    const out = redact(text, { language }).text
    for (const planted of [...NAMES, ...EMAILS, ...PHONES, ...SERIALS]) expect(out).not.toContain(planted)
    // Removed, not covered: no digit run of a phone number, no part of an address survives.
    expect(out).not.toMatch(/\d{4,}/)
    expect(out).not.toContain('@')
  })

  it('puts a marker where each piece was and keeps the sentence around it', () => {
    expect(redact('ruf Thomas Krüger an, seine Nummer ist 0341 9876543').text).toBe(`ruf ${MARKERS.name}${' '}${MARKERS.name} an, seine Nummer ist ${MARKERS.phone}`)
    expect(redact('schick eine Mail an tkrueger.mail@example.net').text).toBe(`schick eine Mail an ${MARKERS.email}`)
    expect(redact('wie wird das Wetter morgen in Leipzig').text).toBe(`wie wird das Wetter morgen in ${MARKERS.place}`)
    expect(redact('navigiere zur Hauptstraße 12 in 04109 Leipzig').text).toBe(`navigiere zur ${MARKERS.address} in ${MARKERS.address}`)
    expect(redact('directions to 221 Baker Street please', { language: 'en' }).text).toBe(`directions to ${MARKERS.address} please`)
    const r = redact('mein Gerät G090ABCD1234EFGH', { language: 'de' })
    expect(r).toEqual({ text: `mein Gerät ${MARKERS.id}`, removed: { ...noneRemoved(), id: 1 } })
  })

  it('removes the names it is given, in any case and with a possessive', () => {
    const out = redact("play KRÜGER's playlist and call krüger", { names: ['Thomas Krüger'], language: 'en' }).text
    expect(out).not.toMatch(/krüger/i)
    expect(out).toBe(`play ${MARKERS.name}'s playlist and call ${MARKERS.name}`)
  })

  it('leaves times, dates, counts and ordinary words alone', () => {
    const kept: [string, string][] = [
      ['stell einen Timer auf 10 Minuten', 'de'],
      ['spiel Jazz in der Küche', 'de'],
      ['wie spät ist es', 'de'],
      ['set an alarm for 6:30 on 02.05.2018', 'en'],
      ['what is the weather on Monday', 'en'],
      ['turn the volume to 7', 'en'],
      ["OK, I'll remind you at 6 pm. Then I'm done, Alexa", 'en']
    ]
    for (const [text, language] of kept) expect(redact(text, { language }).text).toBe(text)
  })
})
