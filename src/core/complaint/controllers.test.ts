import { describe, expect, it } from 'vitest'
import { authority } from './authorities'
import { controllerOf } from './controllers'
import { CONTROLLER_ENTRIES } from './data/controllers'

describe('the controller table', () => {
  for (const e of CONTROLLER_ENTRIES) {
    it(`${e.key} is complete: legal name, postal address, DPO contact, lead authority, source and date checked`, () => {
      expect(e.legalName.trim().length).toBeGreaterThan(3)
      expect(e.postal.length).toBeGreaterThanOrEqual(2)
      for (const l of e.postal) expect(l.trim()).toBe(l)
      expect(e.seatCountry).toMatch(/^[a-z]{2}$/)
      expect(e.dpo.email !== null || e.dpo.webform !== null).toBe(true)
      expect(() => authority(e.lead)).not.toThrow()
      expect(e.source.length).toBeGreaterThan(10)
      expect(e.checked === 'unverified' || /^\d{4}-\d{2}-\d{2}$/.test(e.checked)).toBe(true)
      expect(e.marketplaces.length).toBeGreaterThan(0)
      for (const r of e.deliveryRoutes) {
        for (const lang of ['en', 'de', 'fr'] as const) expect(r.label[lang]).toMatch(/delivery route|Zustellweg|voie de remise/)
        expect(r.email !== null || r.postal.length > 0).toBe(true)
      }
      if (e.registration !== null) expect(e.registration.trim().length).toBeGreaterThan(3)
    })
  }

  it('names Amazon Europe Core S.à r.l. in Luxembourg for the EU marketplaces; Munich is only a labelled route', () => {
    const c = controllerOf('amazon', 'Alexa / amazon.de')
    expect(c.legalName).toBe('Amazon Europe Core S.à r.l.')
    expect(c.address).toEqual(['38 avenue John F. Kennedy', 'L-1855 Luxembourg'])
    expect(c.address.join(' ')).not.toContain('München')
    expect(c.deliveryRoutes[0]!.postal).toContain('80807 München')
    expect(c.lead).toBe('lucnpd')
  })

  it('follows the marketplace: amazon.co.uk is Amazon UK Services Ltd., unverified, under the UK GDPR', () => {
    const c = controllerOf('amazon', 'Alexa / amazon.co.uk')
    expect(c.legalName).toBe('Amazon UK Services Ltd.')
    expect(c.address).toEqual(['1 Principal Place', 'Worship Street', 'London EC2A 2FA'])
    expect(c.checked).toBe('unverified')
    expect(c.law).toBe('uk-gdpr')
    expect(c.lead).toBe('gbico')
  })

  it('names Google Ireland Limited in Dublin and its DPO form', () => {
    const c = controllerOf('Google', '')
    expect(c.legalName).toBe('Google Ireland Limited')
    expect(c.address).toEqual(['Gordon House', 'Barrow Street', 'Dublin 4'])
    expect(c.webform).toContain('privacy')
    expect(c.lead).toBe('iedpc')
  })

  it('keeps a name the person typed, with nothing else claimed', () => {
    const c = controllerOf('  Acme GmbH ', 'Acme Voice')
    expect(c).toMatchObject({ key: null, legalName: 'Acme GmbH', address: [], lead: null, checked: null })
  })
})
