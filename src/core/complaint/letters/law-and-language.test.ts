import { describe, expect, it } from 'vitest'
import { bavarianFacts, sampleEvidence } from '../../../../test/fixtures/complaint-facts'
import type { ComplaintFactsInput } from '../../../shared/model/complaint'
import { authority, authorityIn, beiAuthority } from '../authorities'
import { GERMAN_AUTHORITY_NAMES } from '../data/authority-names'
import { complaintLetters, caseNotes } from '../letters-adapter'
import { formPanels } from '../panels'
import { renderLetter } from './render'

const today = '2026-11-23'
const person = (country: string, region = '') => ({ name: 'Sam Example', address: 'Street 1\nTown', email: 'sam@example.org', country, region })
const at = (over: Partial<ComplaintFactsInput> = {}) => bavarianFacts({ person: person('at'), noticeSentDate: '2026-10-05', ...over })
const uk = (over: Partial<ComplaintFactsInput> = {}) => bavarianFacts({ person: person('gb'), service: 'Alexa / amazon.co.uk', noticeSentDate: '2026-10-05', ...over })
const fr = (over: Partial<ComplaintFactsInput> = {}) => bavarianFacts({ person: person('fr'), service: 'Alexa / amazon.fr', lang: 'fr', noticeSentDate: '2026-10-05', ...over })
const letters = (f: ReturnType<typeof bavarianFacts>) => complaintLetters.letters(f, sampleEvidence(), ['controller-notice', 'art77-complaint', 'breach-report', 'victim-request', 'follow-up'], { today })

describe('the law follows residence, the controller the marketplace (point 5)', () => {
  it('UK: UK GDPR and DPA 2018 as amended by the DUAA, the ICO, no EU deadline regulation, complaint to the controller first', () => {
    const all = letters(uk())
    const notice = all.find((l) => l.kind === 'controller-notice')!
    expect(notice.blocks.recipient.slice(0, 1)).toEqual(['Amazon UK Services Ltd.'])
    expect(notice.text).toContain('Art. 15(4) UK GDPR')
    expect(notice.text).toContain('section 164A of the Data Protection Act 2018 (inserted by the Data (Use and Access) Act 2025)')
    for (const l of all) {
      expect(l.text, l.kind).not.toMatch(/(?<!UK )GDPR\b/)
      expect(l.text, l.kind).not.toMatch(/1182\/71|Art\. 56|Art\. 60|C-768\/21/)
    }
    const complaint = all.find((l) => l.kind === 'art77-complaint')!
    expect(complaint.blocks.recipient[0]).toMatch(/Information Commissioner/)
    const notes = caseNotes(uk(), sampleEvidence(), today).join('\n')
    expect(notes).toMatch(/Data \(Use and Access\) Act 2025/)
    expect(notes).toMatch(/s\. 164A DPA 2018/)
    expect(notes).toMatch(/not verified/)
    const ico = formPanels('gbico', uk(), sampleEvidence(), 'en', { today: '2026-10-20' })
    expect(ico.warnings.join(' ')).toMatch(/164A/)
  })

  it("France: all five kinds in French, the complaint to the CNIL, and a CNIL form panel in French", () => {
    const all = letters(fr({ noticeSentDate: '2026-10-05' }))
    expect(all.map((l) => `${l.kind}:${l.lang}`)).toEqual(['controller-notice:fr', 'art77-complaint:fr', 'breach-report:fr', 'victim-request:fr', 'follow-up:fr'])
    for (const l of all) {
      // No English sentence left in a French letter.
      expect(l.text, l.kind).not.toMatch(/\b(the|and|of|your|with|which)\b/)
      expect(l.text, l.kind).toMatch(/RGPD/)
    }
    expect(all.find((l) => l.kind === 'art77-complaint')!.blocks.recipient[0]).toMatch(/CNIL/)
    const cnil = formPanels('frcnil', fr(), sampleEvidence(), 'en', { today })
    expect(cnil.fields.find((f) => f.id === 'description')!.text).toMatch(/^Le 1er septembre 2026, j'ai demandé/)
    expect(cnil.warnings.join(' ')).toMatch(/This form is in French/)
  })

  it('Germany and Austria: to the authority in German whatever the UI language, with a reading copy in the person’s', () => {
    for (const f of [bavarianFacts({ lang: 'en' }), at({ lang: 'en' })]) {
      const all = letters(f)
      const toAuthority = all.filter((l) => l.kind === 'art77-complaint' || l.kind === 'breach-report')
      expect(toAuthority.map((l) => `${l.lang}${l.courtesy ? ':copy' : ''}`).sort()).toEqual(['de', 'de', 'en:copy', 'en:copy'])
      expect(toAuthority.find((l) => l.courtesy)!.text).toContain('Courtesy copy for reading')
      expect(all.find((l) => l.kind === 'controller-notice')!.lang).toBe('en')
    }
  })
})

describe('what an authority expects (point 9)', () => {
  for (const lang of ['en', 'de', 'fr'] as const) {
    it(`${lang}: a formal finding, an order under Art. 58(2)(c), Art. 58(2)(e) in the tip, a fine considered without a right to it`, () => {
      const f = bavarianFacts({ lang })
      const complaint = renderLetter('art77-complaint', f, sampleEvidence(), { today, lang }).text
      const tip = renderLetter('breach-report', f, sampleEvidence(), { today, lang }).text
      const want = {
        en: [/formally find that the controller infringed/, /Art\. 58\(2\)\(c\)/, /Art\. 83/, /C-768\/21/],
        de: [/festzustellen, dass der Verantwortliche .* verstoßen hat/, /Art\. 58 Abs\. 2 lit\. c/, /Art\. 83/, /C-768\/21/],
        fr: [/constater formellement/, /art\. 58, § 2, c\)/, /art\. 83/, /C-768\/21/]
      }[lang]
      for (const w of want) expect(complaint).toMatch(w)
      expect(tip).toMatch({ en: /Art\. 58\(2\)\(e\)/, de: /Art\. 58 Abs\. 2 lit\. e/, fr: /art\. 58, § 2, e\)/ }[lang])
      expect(tip).toMatch(/83/)
    })
  }

  it('Austria: § 24(4) DSG, one year from learning of it, three years from the event', () => {
    const de = renderLetter('art77-complaint', at(), sampleEvidence(), { today, lang: 'de' }).text
    expect(de).toContain('innerhalb eines Jahres ab Kenntnis und innerhalb von drei Jahren ab dem Vorfall (§ 24 Abs. 4 DSG)')
    expect(renderLetter('art77-complaint', bavarianFacts(), sampleEvidence(), { today }).text).not.toContain('§ 24')
  })
})

describe('German a lawyer would sign (point 12)', () => {
  it('declines every authority name from the table, with gender and date checked', () => {
    for (const [slug, n] of Object.entries(GERMAN_AUTHORITY_NAMES)) {
      expect(() => authority(slug)).not.toThrow()
      expect(n.nom).toMatch({ m: /^der /, f: /^die /, n: /^das / }[n.gender])
      expect(n.dat).toMatch({ m: /^dem /, f: /^der /, n: /^dem /}[n.gender])
      expect(n.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    }
    expect(beiAuthority(authority('debaylda'))).toBe('beim Bayerischen Landesamt für Datenschutzaufsicht (BayLDA)')
    expect(beiAuthority(authority('deberlbdi'))).toBe('bei der Berliner Beauftragten für Datenschutz und Informationsfreiheit')
    expect(authorityIn(authority('atdsb'), 'de', 'nom')).toBe('die Österreichische Datenschutzbehörde')
  })

  it('writes "Beschwerde beim …", "Ich beantrage", and the follow-up declines the authority too', () => {
    const complaint = renderLetter('art77-complaint', bavarianFacts({ lang: 'de' }), sampleEvidence(), { today }).text
    expect(complaint).toContain('Hiermit erhebe ich beim Bayerischen Landesamt für Datenschutzaufsicht (BayLDA) Beschwerde nach Art. 77 DSGVO')
    expect(complaint).toContain('Ich beantrage,')
    const berlin = bavarianFacts({ lang: 'de', person: person('de', 'berl'), noticeSentDate: '2026-10-05' })
    expect(renderLetter('follow-up', berlin, sampleEvidence(), { today }).text).toContain('werde ich bei der Berliner Beauftragten für Datenschutz und Informationsfreiheit Beschwerde')
  })

  it('panel warnings in German are wholly German', () => {
    for (const slug of ['gbico', 'iedpc', 'lucnpd', 'frcnil']) {
      const p = formPanels(slug, bavarianFacts({ lang: 'de' }), sampleEvidence(), 'de', { today })
      for (const w of p.warnings) expect(w, slug).not.toMatch(/\b(The|expects|this form|the)\b/)
    }
  })
})

describe('demands within the sender’s rights (point 8)', () => {
  for (const lang of ['en', 'de', 'fr'] as const) {
    it(`${lang}: "I request" for own rights, a polite ask for Art. 33/34 and return instructions, no erasure "by whoever received them"`, () => {
      const t = renderLetter('controller-notice', bavarianFacts({ lang }), sampleEvidence(), { today }).text
      const [request, ask] = ({ en: ['I request that you', 'I would also ask you kindly to'], de: ['Ich beantrage,', 'Darüber hinaus bitte ich Sie,'], fr: ['Je vous demande', 'Je vous saurais gré, en outre,'] } as const)[lang]
      expect(t.indexOf(request)).toBeGreaterThan(0)
      expect(t.indexOf(ask)).toBeGreaterThan(t.indexOf(request))
      const asked = t.slice(t.indexOf(ask))
      expect(asked).toMatch(/33/)
      expect(asked).toMatch({ en: /return or destroy/, de: /zurückgeben oder vernichten/, fr: /restituer ou détruire/ }[lang])
      expect(asked).toMatch({ en: /Art\. 5\(1\)\(f\) and Art\. 32/, de: /Art\. 5 Abs\. 1 lit\. f und Art\. 32/, fr: /art\. 5, § 1, f\), et art\. 32/ }[lang])
      expect(t).not.toMatch(/erased by whoever received them|beim Empfänger löschen zu lassen/)
    })
  }
})
