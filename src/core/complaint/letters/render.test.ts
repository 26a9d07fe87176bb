import { describe, expect, it } from 'vitest'
import { bavarianFacts, sampleEvidence } from '../../../../test/fixtures/complaint-facts'
import { LetterKindSchema, type LetterKind, type LetterLang } from '../../../shared/model/complaint'
import { renderLetter } from './render'

const LANGS = ['en', 'de', 'fr'] as const

const today = '2026-11-23'
const facts = (lang: LetterLang) => bavarianFacts({ lang, noticeSentDate: '2026-10-05', harm: 'I worry about my own recordings.' })

// The articles each letter must cite (complaint.md §1.1–1.3), as each language writes them.
const ARTICLES: Record<LetterKind, Record<LetterLang, string[]>> = {
  'controller-notice': {
    en: ['Art. 4(12)', 'Art. 5(1)(f)', 'Art. 32', 'Art. 33(1) and (5)', 'Art. 34', 'Art. 15(4)', 'Art. 15(1)(a) to (h)', 'Art. 15(3)', 'Art. 15(1)(c)', 'Art. 17', 'Art. 18(1)(b)', 'Art. 19', 'Art. 12(3)', 'Art. 12(4)', 'Art. 12(5)', 'Art. 77', 'Art. 79', 'Art. 82'],
    de: ['Art. 4 Nr. 12', 'Art. 5 Abs. 1 lit. f', 'Art. 32', 'Art. 33 Abs. 1 und 5', 'Art. 34', 'Art. 15 Abs. 4', 'Art. 15 Abs. 1 lit. a bis h', 'Art. 15 Abs. 3', 'Art. 15 Abs. 1 lit. c', 'Art. 17', 'Art. 18 Abs. 1 lit. b', 'Art. 19', 'Art. 12 Abs. 3', 'Art. 12 Abs. 4', 'Art. 12 Abs. 5', 'Art. 77', 'Art. 79', 'Art. 82'],
    fr: ['art. 4, point 12', 'art. 5, § 1, f)', 'art. 32', 'art. 33, § 1 et § 5', 'art. 34', 'art. 15, § 4', 'art. 15, § 1, a) à h)', 'art. 15, § 3', 'art. 15, § 1, c)', 'art. 17', 'art. 18, § 1, b)', 'art. 19', 'art. 12, § 3', 'art. 12, § 4', 'art. 12, § 5', 'art. 77', 'art. 79', 'art. 82']
  },
  'art77-complaint': {
    en: ['Art. 77 GDPR', 'Art. 15(1) and (3)', 'Art. 12(3)', 'Art. 15(4)', 'Art. 5(1)(f)', 'Art. 32', 'Art. 4(12)', 'Art. 33', 'Art. 34', 'Art. 58(2)(c)', 'Art. 57(1)(f)', 'Art. 58(1)', 'Art. 77(2)', 'Art. 78(2)', 'Art. 56', 'Art. 83', 'C-768/21'],
    de: ['Art. 77 DSGVO', 'Art. 15 Abs. 1 und 3', 'Art. 12 Abs. 3', 'Art. 15 Abs. 4', 'Art. 5 Abs. 1 lit. f', 'Art. 32', 'Art. 4 Nr. 12', 'Art. 33', 'Art. 34', 'Art. 58 Abs. 2 lit. c', 'Art. 57 Abs. 1 lit. f', 'Art. 58 Abs. 1', 'Art. 77 Abs. 2', 'Art. 78 Abs. 2', 'Art. 56', 'Art. 83', 'C-768/21'],
    fr: ['art. 77 du RGPD', '15, § 1 et § 3', 'art. 12, § 3', '15, § 4', '5, § 1, f)', 'art. 32', 'art. 4, point 12', 'art. 33', 'art. 34', 'art. 58, § 2, c)', 'art. 57, § 1, f)', 'art. 58, § 1', 'art. 77, § 2', 'art. 78, § 2', 'art. 56', 'art. 83', 'C-768/21']
  },
  'breach-report': {
    en: ['Art. 4(12)', 'Art. 5(1)(f)', 'Art. 32', 'Art. 33', 'Art. 34', 'Art. 57(1)(a) and (h)', 'Art. 58(1)', 'Art. 58(2)(e)', 'Art. 56', 'Art. 83'],
    de: ['Art. 4 Nr. 12', 'Art. 5 Abs. 1 lit. f', 'Art. 32', 'Art. 33', 'Art. 34', 'Art. 57 Abs. 1 lit. a und h', 'Art. 58 Abs. 1', 'Art. 58 Abs. 2 lit. e', 'Art. 56', 'Art. 83'],
    fr: ['art. 4, point 12', 'art. 5, § 1, f)', 'art. 32', 'art. 33', 'art. 34', 'art. 57, § 1, a) et h)', 'art. 58, § 1', 'art. 58, § 2, e)', 'art. 56', 'art. 83']
  },
  'victim-request': {
    en: ['Art. 15(1)(a) to (h)', 'Art. 15(3)', 'Art. 15(1)(c)', 'C-154/21', 'ECLI:EU:C:2023:3', 'Art. 33', 'Art. 34(2)', 'Art. 33(3)(b) to (d)', 'Art. 19', 'Art. 18(1)(b) and (c)', 'Art. 12(3)', 'Art. 12(5)', 'Art. 77', 'Art. 79', 'Art. 82'],
    de: ['Art. 15 Abs. 1 lit. a bis h', 'Art. 15 Abs. 3', 'Art. 15 Abs. 1 lit. c', 'C-154/21', 'ECLI:EU:C:2023:3', 'Art. 33', 'Art. 34 Abs. 2', 'Art. 33 Abs. 3 lit. b bis d', 'Art. 19', 'Art. 18 Abs. 1 lit. b und c', 'Art. 12 Abs. 3', 'Art. 12 Abs. 5', 'Art. 77', 'Art. 79', 'Art. 82'],
    fr: ['art. 15, § 1, a) à h)', 'art. 15, § 3', 'art. 15, § 1, c)', 'C-154/21', 'ECLI:EU:C:2023:3', 'art. 33', 'art. 34, § 2', 'art. 33, § 3, b) à d)', 'art. 19', 'art. 18, § 1, b) et c)', 'art. 12, § 3', 'art. 12, § 5', 'art. 77', 'art. 79', 'art. 82']
  },
  'follow-up': {
    en: ['Art. 4(12)', 'Art. 33 and 34', 'Art. 15', 'Art. 12(3)', 'Art. 12(4)', 'Art. 77', 'Art. 79', 'Art. 82'],
    de: ['Art. 4 Nr. 12', 'Art. 33 und 34', 'Art. 15', 'Art. 12 Abs. 3', 'Art. 12 Abs. 4', 'Art. 77', 'Art. 79', 'Art. 82'],
    fr: ['art. 4, point 12', 'art. 33 et 34', 'art. 15', 'art. 12, § 3', 'art. 12, § 4', 'art. 77', 'art. 79', 'art. 82']
  }
}

describe('renderLetter', () => {
  for (const kind of LetterKindSchema.options) {
    for (const lang of ['en', 'de', 'fr'] as const) {
      it(`${kind} (${lang}) cites its articles and carries the evidence, the reference and the date`, () => {
        const l = renderLetter(kind, facts(lang), sampleEvidence(), { today })
        expect(l.kind).toBe(kind)
        expect(l.lang).toBe(lang)
        for (const article of ARTICLES[kind][lang]) expect(l.text, article).toContain(article)
        const law = { en: 'GDPR', de: 'DSGVO', fr: 'RGPD' }
        expect(l.text).toContain(law[lang])
        for (const other of LANGS.filter((x) => x !== lang)) expect(l.text).not.toMatch(new RegExp(`\\b${law[other]}\\b`))
        expect(l.reference).toMatch(/^2026-[0-9A-Z]{7}$/)
        expect(l.text).toContain('c3'.repeat(32))
        const day = { en: '23 November 2026', de: '23. November 2026', fr: '23 novembre 2026' }[lang]
        if (kind === 'victim-request') {
          // The victim's letter is theirs: no reference, date or deadline of the recipient's.
          expect(l.text).not.toContain(l.reference)
          expect(l.text).not.toContain(day)
          expect(l.blocks.info.find(([label]) => /Date|Datum/.test(label))![1]).toMatch(/^\[/)
        } else {
          expect(l.text).toContain(l.reference)
          // A notice already sent keeps its own date (5 October 2026); the other letters are dated today.
          const dated = kind === 'controller-notice' ? { en: '5 October 2026', de: '5. Oktober 2026', fr: '5 octobre 2026' }[lang] : day
          expect(l.blocks.info.at(-1)![1]).toBe(dated)
        }
        expect(l.blocks.attachments.length).toBeGreaterThan(0)
        expect(l.text).toMatch(new RegExp(`${{ en: 'Attachments:', de: 'Anlagen:', fr: 'Pièces jointes\u00a0:' }[lang]}\\n1\\. `))
        expect(l.blocks.subject).toBe(l.subject)
      })
    }
  }

  it('addresses the controller letters to its privacy contact and the authority letters to the BayLDA', () => {
    const notice = renderLetter('controller-notice', facts('en'), sampleEvidence(), { today })
    expect(notice.blocks.recipient).toEqual(['Amazon Europe Core S.à r.l.', 'Attn: Data Protection Officer', '38 avenue John F. Kennedy', 'L-1855 Luxembourg', 'LUXEMBOURG'])
    // Munich only as a labelled delivery route, never as the respondent's address.
    expect(notice.blocks.recipient.join(' ')).not.toMatch(/Marcel-Breuer|München|SARL/)
    expect(notice.text).toContain("Delivery route: eu-privacy@amazon.de; Marcel-Breuer-Straße 12, 80807 München – Amazon's privacy contact in Germany (delivery route only")
    expect(renderLetter('controller-notice', facts('de'), sampleEvidence(), { today }).text).toContain('Zustellweg: eu-privacy@amazon.de; Marcel-Breuer-Straße 12, 80807 München – Datenschutzkontakt von Amazon in Deutschland (nur Zustellweg')
    expect(notice.to.email).toBe('eu-privacy@amazon.de')
    expect(notice.blocks.info).toContainEqual(['Your reference', 'DSAR-4711'])
    for (const kind of ['art77-complaint', 'breach-report'] as const) {
      const l = renderLetter(kind, facts('de'), sampleEvidence(), { today })
      expect(l.blocks.recipient[0]).toBe('Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)')
      expect(l.to.webform).toBe('https://www.lda.bayern.de/de/beschwerde.html')
      expect(l.text).toContain('die Nationale Kommission für den Datenschutz Luxemburgs (CNPD)')
      expect(l.text).toContain('Betrifft: Amazon Europe Core S.à r.l., 38 avenue John F. Kennedy, L-1855 Luxembourg, Luxemburg')
    }
  })

  it('gives the deadline: one month from the notice, and 14 days in the follow-up', () => {
    // Notice sent 5 October 2026: due Thursday 5 November 2026.
    expect(renderLetter('art77-complaint', facts('en'), sampleEvidence(), { today }).text).toContain('due by 5 November 2026')
    expect(renderLetter('follow-up', facts('en'), sampleEvidence(), { today }).text).toContain('ended on 5 November 2026')
    expect(renderLetter('follow-up', facts('de'), sampleEvidence(), { today }).text).toContain('bis zum 7. Dezember 2026, vierzehn Tage nach dem Datum dieses Schreibens')
    expect(renderLetter('follow-up', facts('fr'), sampleEvidence(), { today }).text).toContain('a expiré le 5 novembre 2026')
    // Without a notice date the letter itself starts the month.
    expect(renderLetter('controller-notice', bavarianFacts(), sampleEvidence(), { today }).text).toContain('by 23 December 2026 (Art. 12(3) GDPR)')
  })

  it('names counts, dates, devices and hashes, and shortens a full serial', () => {
    const ev = sampleEvidence({ foreignDevices: [{ name: 'Kitchen Echo', serial: 'G0911W0123457Q2X', recordings: 1698 }] })
    const l = renderLetter('breach-report', facts('en'), ev, { today })
    expect(l.text).toContain('1,698 voice recordings made between 2 May 2018 and 11 August 2018 (UTC)')
    expect(l.text).toContain('“Kitchen Echo” (serial number ending …7Q2X): 1,698 voice recordings')
    expect(l.text).not.toContain('G0911W0123457Q2X')
    expect(l.text).toContain('“my-alexa-data.zip”, 104.9 MB (104,857,600 bytes), SHA-256 ' + 'a1'.repeat(32))
    const de = renderLetter('breach-report', facts('de'), ev, { today })
    expect(de.text).toContain('1.698 Sprachaufnahmen aus der Zeit vom 2. Mai 2018 bis 11. August 2018 (UTC)')
  })

  it('says plainly when the manifest does not exist yet', () => {
    const l = renderLetter('controller-notice', facts('en'), sampleEvidence({ manifestSha256: null }), { today })
    expect(l.text).toContain('[not yet created – make the evidence bundle first]')
  })

  it("leaves the victim's sender blank and does not sign with the recipient's name", () => {
    const l = renderLetter('victim-request', facts('en'), sampleEvidence(), { today })
    expect(l.blocks.sender).toEqual(['[Your name]', '[Your postal address]', '[The e-mail address of your account]'])
    expect(l.text).not.toContain('Robin Beispiel')
    expect(l.text).not.toContain('robin@example.org')
    expect(l.subject).toContain('Art. 18')
    const erase = renderLetter('victim-request', bavarianFacts({ victimRemedy: 'erasure' }), sampleEvidence(), { today })
    expect(erase.text).toContain('Art. 17(1)(a), (b) and (d)')
  })

  it('keeps the reference for the whole case and changes it with the case', () => {
    const a = renderLetter('controller-notice', facts('en'), sampleEvidence(), { today })
    const b = renderLetter('art77-complaint', facts('de'), sampleEvidence(), { today: '2027-01-10' })
    expect(b.reference).toBe(a.reference)
    expect(renderLetter('controller-notice', bavarianFacts({ accountId: 'other@example.org' }), sampleEvidence(), { today }).reference).not.toBe(a.reference)
  })
})
