import { describe, expect, it } from 'vitest'
import { bavarianFacts, sampleEvidence } from '../../../test/fixtures/complaint-facts'
import { complaintLetters } from './letters-adapter'
import { FORMS, formPanels } from './panels'

const today = '2026-11-23'

describe('formPanels', () => {
  it('fills the ICO form in English, counting characters against its 2,000-character fields', () => {
    const panel = formPanels('gbico', bavarianFacts({ person: { name: 'Sam Example', country: 'gb', email: 'sam@example.org' }, noticeSentDate: '2026-10-05' }), sampleEvidence(), 'en', { today })
    expect(panel.authority).toBe('gbico')
    expect(panel.url).toMatch(/^https:\/\/ico\.org\.uk\//)
    const what = panel.fields.find((f) => f.id === 'what-happened')!
    expect(what.limit).toBe(2000)
    expect(what.chars).toBe(what.text.length)
    expect(what.over).toBe(false)
    expect(what.text).toContain('1,698 voice recordings')
    expect(what.text).toContain('Art. 4(12)')
    expect(panel.fields.find((f) => f.id === 'timeline')!.text.split('\n')).toHaveLength(4)
    expect(panel.warnings.join(' ')).toMatch(/at most 3 MB/)
    expect(panel.warnings.join(' ')).not.toMatch(/not known/)
  })

  it('warns past a limit, with the count, without cutting the text', () => {
    const long = 'On 10 October I phoned them and nothing happened. '.repeat(50)
    const panel = formPanels('gbico', bavarianFacts({ priorContact: long, noticeSentDate: '2026-10-05' }), sampleEvidence(), 'de', { today })
    const timeline = panel.fields.find((f) => f.id === 'timeline')!
    expect(timeline.over).toBe(true)
    expect(timeline.text).toContain(long.trim())
    expect(panel.warnings.some((w) => w.includes(`${timeline.chars.toLocaleString('de-DE')} Zeichen`) && w.includes('2.000'))).toBe(true)
    // The ICO's form is in English whatever the person's language; the labels follow the person.
    expect(panel.fields.find((f) => f.id === 'what-happened')!.text).toMatch(/^On 1 September 2026/)
    expect(timeline.label).toBe('Zeitablauf')
  })

  it('says where limits are unknown (DPC, CNPD), and writes the CNPD form in German', () => {
    for (const slug of ['iedpc', 'lucnpd']) {
      const panel = formPanels(slug, bavarianFacts({ lang: 'de' }), sampleEvidence(), 'de', { today })
      expect(panel.fields.every((f) => f.limit === null && !f.over)).toBe(true)
      expect(panel.warnings.join(' ')).toMatch(/nicht bekannt/)
      expect(FORMS[slug]!.limitsKnown).toBe(false)
    }
    const cnpd = formPanels('lucnpd', bavarianFacts({ lang: 'de' }), sampleEvidence(), 'de', { today })
    expect(cnpd.fields.find((f) => f.id === 'facts')!.text).toContain('Art. 4 Nr. 12')
    // No notice sent yet: the CNPD expects the controller to have been asked first.
    expect(cnpd.warnings.join(' ')).toMatch(/zuerst/)
    expect(() => formPanels('itgarante', bavarianFacts(), sampleEvidence(), 'en', { today })).toThrow(/gbico/)
  })

  it('offers the CNPD panel first in the preview of a Bavarian Amazon case, then the other forms', () => {
    const preview = complaintLetters.preview(bavarianFacts(), sampleEvidence(), { today })
    expect(preview.panels.map((p) => p.authority)).toEqual(['lucnpd', ...Object.keys(FORMS).filter((s) => s !== 'lucnpd')])
    expect(preview.panels.map((p) => p.authority).sort()).toEqual(['frcnil', 'gbico', 'iedpc', 'lucnpd'])
    expect(preview.authorities.map((a) => [a.slug, a.role])).toEqual([
      ['debaylda', 'complaint'],
      ['lucnpd', 'lead']
    ])
    expect(preview.authorities[0]!.pgpFingerprint).toMatch(/^AB6E/)
    // Four kinds (no follow-up without a notice date); the two to the authority in English with German to send.
    expect(preview.letters.map((l) => `${l.kind}:${l.lang}${l.courtesy ? ':copy' : ''}`)).toEqual([
      'controller-notice:en',
      'art77-complaint:de',
      'art77-complaint:en:copy',
      'breach-report:de',
      'breach-report:en:copy',
      'victim-request:en'
    ])
    expect(preview.deadline.due).toBe('2026-12-23')
    expect(preview.notes.join(' ')).toMatch(/follow-up is not written: it needs the date you sent the notice/)
  })
})
