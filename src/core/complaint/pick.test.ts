import { describe, expect, it } from 'vitest'
import { bavarianFacts } from '../../../test/fixtures/complaint-facts'
import { authority, authorityRecords, GERMAN_REGIONS, germanRegion, nationalAuthoritySlug } from './authorities'
import { controllerOf } from './controllers'
import { NoAuthorityError, pickAuthorities } from './pick'

describe('pickAuthorities', () => {
  it('sends a Bavarian complaining about Amazon to the BayLDA, with the CNPD as lead authority', () => {
    const choice = pickAuthorities(bavarianFacts())
    expect(choice.complaint.slug).toBe('debaylda')
    expect(choice.lead?.slug).toBe('lucnpd')
    expect(choice.reason).toMatch(/Bavaria/)
    expect(choice.reason).toMatch(/Art\. 77\(1\)/)
    expect(choice.leadReason).toMatch(/Art\. 56/)
    // What the wizard shows of it.
    expect(choice.complaint.address).toEqual(['Postfach 1349', '91504 Ansbach', 'Deutschland'])
    expect(choice.complaint.webform).toBe('https://www.lda.bayern.de/de/beschwerde.html')
    expect(choice.complaint.email).toBe('poststelle@lda.bayern.de')
    expect(choice.complaint.pgpFingerprint).toBe('AB6E 5D65 D09A 043C 9953  97ED 982B BF27 609C 2220')
    expect(choice.complaint.complaintLanguage).toBe('de')
    expect(choice.complaint.dataDate).toBe('2026-07-21')
    expect(choice.lead?.dataDate).toBe('2023-02-27')
    expect(choice.lead?.dataSource).toMatch(/0a29c3d/)
  })

  it('uses the state of residence for a company outside Germany, in German when asked', () => {
    const berlin = pickAuthorities(bavarianFacts({ person: { name: 'A', country: 'de', region: 'berl' }, lang: 'de' }))
    expect(berlin.complaint.slug).toBe('deberlbdi')
    expect(berlin.reason).toMatch(/Berlin/)
    expect(berlin.reason).toMatch(/Art\. 77 Abs\. 1 DSGVO/)
    // ISO 3166-2 codes work as well as the wizard's keys.
    expect(pickAuthorities(bavarianFacts({ person: { name: 'A', country: 'de', region: 'DE-NW' } })).complaint.slug).toBe('denrwldi')
  })

  it('never sends a complaint about a private company to the BfDI or the public-sector BayLDB', () => {
    for (const region of GERMAN_REGIONS) {
      const c = pickAuthorities(bavarianFacts({ person: { name: 'A', country: 'de', region: region.key } })).complaint.slug
      expect(c).not.toBe('debfdi')
      expect(c).not.toBe('debayldb')
      expect(c).toBe(region.slug)
    }
  })

  it('falls back to the lead authority and says so when the German state is missing', () => {
    const choice = pickAuthorities(bavarianFacts({ person: { name: 'A', country: 'de', region: '' } }))
    expect(choice.complaint.slug).toBe('lucnpd')
    expect(choice.notes.join(' ')).toMatch(/state/)
  })

  it('names the Irish DPC for Google and the national authority elsewhere', () => {
    const irish = pickAuthorities(bavarianFacts({ controller: 'google', person: { name: 'A', country: 'ie' } }))
    expect(irish.complaint.slug).toBe('iedpc')
    expect(irish.lead?.slug).toBe('iedpc')
    const french = pickAuthorities(bavarianFacts({ person: { name: 'A', country: 'fr' } }))
    expect(french.complaint.slug).toBe('frcnil')
    expect(french.lead?.slug).toBe('lucnpd')
    const uk = pickAuthorities(bavarianFacts({ person: { name: 'A', country: 'gb' } }))
    expect(uk.complaint.slug).toBe('gbico')
    expect(uk.lead).toBeNull()
    expect(uk.notes.join(' ')).toMatch(/UK GDPR/)
  })

  it('refuses a country with no authority instead of guessing', () => {
    expect(() => pickAuthorities(bavarianFacts({ controller: 'Some Shop', person: { name: 'A', country: 'us' } }))).toThrow(NoAuthorityError)
  })
})

describe('the directory and our maps', () => {
  it('has a general authority for every EEA country, the UK and Switzerland', () => {
    for (const c of ['at', 'be', 'bg', 'ch', 'cy', 'cz', 'dk', 'ee', 'es', 'fi', 'fr', 'gb', 'gr', 'hr', 'hu', 'ie', 'is', 'it', 'li', 'lt', 'lu', 'lv', 'mt', 'nl', 'no', 'pl', 'pt', 'ro', 'se', 'si', 'sk']) {
      expect(nationalAuthoritySlug(c), c).not.toBeNull()
    }
    expect(nationalAuthoritySlug('de')).toBeNull()
  })

  it('maps every German state to a German record of the directory', () => {
    expect(GERMAN_REGIONS).toHaveLength(16)
    for (const r of GERMAN_REGIONS) expect(authorityRecords().find((a) => a.slug === r.slug)?.['relevant-countries']).toContain('de')
    expect(germanRegion('Bayern')?.slug).toBe('debaylda')
    expect(germanRegion('xx')).toBeNull()
  })

  it('knows Amazon and Google from the directory, and only the name of anyone else', () => {
    const amazon = controllerOf('Amazon')
    expect(amazon.legalName).toBe('Amazon Europe Core S.à r.l.')
    expect(amazon.email).toBe('eu-privacy@amazon.de')
    expect(amazon.address).toContain('L-1855 Luxembourg')
    expect(controllerOf('google').lead).toBe('iedpc')
    const other = controllerOf('Some Shop GmbH', 'Shop app')
    expect(other).toMatchObject({ key: null, legalName: 'Some Shop GmbH', address: [], lead: null, service: 'Shop app' })
    expect(() => authority('nope')).toThrow(/nope/)
  })
})
