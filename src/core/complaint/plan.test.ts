import { describe, expect, it } from 'vitest'
import { bavarianFacts, sampleEvidence } from '../../../test/fixtures/complaint-facts'
import { deadlineFor } from './deadlines'
import { complaintLetters } from './letters-adapter'
import { renderLetter } from './letters/render'
import { casePlan, dateProblems, letterBlocked } from './plan'

const ALL = ['controller-notice', 'art77-complaint', 'breach-report', 'victim-request', 'follow-up'] as const

describe('the follow-up is written only after the deadline or a refusal (point 2)', () => {
  for (const lang of ['en', 'de', 'fr'] as const) {
    it(`${lang}: not on the day of the notice, not before the deadline, not without a notice date`, () => {
      const onTheDay = bavarianFacts({ lang, noticeSentDate: '2026-10-05' })
      expect(letterBlocked('follow-up', onTheDay, sampleEvidence(), '2026-10-05')).toMatch(/5 (November|novembre)|5\. November/)
      expect(letterBlocked('follow-up', onTheDay, sampleEvidence(), '2026-11-05')).not.toBeNull()
      expect(letterBlocked('follow-up', onTheDay, sampleEvidence(), '2026-11-06')).toBeNull()
      expect(letterBlocked('follow-up', bavarianFacts({ lang }), sampleEvidence(), '2027-06-01')).toMatch(/noticeSentDate/)
      expect(complaintLetters.letters(onTheDay, sampleEvidence(), ['follow-up'], { today: '2026-10-05' })).toEqual([])
    })

    it(`${lang}: in the past tense, asking for an answer within 14 days of its own date`, () => {
      const l = renderLetter('follow-up', bavarianFacts({ lang, noticeSentDate: '2026-10-05' }), sampleEvidence(), { today: '2026-11-20' })
      const want = { en: ['ended on 5 November 2026', 'by 4 December 2026, fourteen days from the date of this letter'], de: ['ist am 5. November 2026 abgelaufen', 'bis zum 4. Dezember 2026, vierzehn Tage nach dem Datum dieses Schreibens'], fr: ['a expiré le 5 novembre 2026', 'au plus tard le 4 décembre 2026, soit quatorze jours après la date du présent courrier'] }[lang]
      for (const w of want) expect(l.text).toContain(w)
      expect(l.text).not.toMatch(/has expired|ist abgelaufen am|will expire/)
    })
  }

  it('an extension notified in time moves the follow-up to after the extended date', () => {
    const f = bavarianFacts({ noticeSentDate: '2026-10-05', extensionNotified: true })
    expect(deadlineFor(f, { today: '2026-11-20' }).effectiveDue).toBe('2027-01-05')
    expect(letterBlocked('follow-up', f, sampleEvidence(), '2026-11-20')).not.toBeNull()
    expect(renderLetter('follow-up', f, sampleEvidence(), { today: '2027-01-07' }).text).toContain('the extended period (Art. 12(3) GDPR) ended on 5 January 2027')
  })

  it('a refusal lets the follow-up go at once and says so', () => {
    const f = bavarianFacts({ noticeSentDate: '2026-10-05', refusalDate: '2026-10-12' })
    expect(letterBlocked('follow-up', f, sampleEvidence(), '2026-10-13')).toBeNull()
    const l = renderLetter('follow-up', f, sampleEvidence(), { today: '2026-10-13' })
    expect(l.subject).toContain('your refusal of 12 October 2026')
    expect(l.text).toContain('On 12 October 2026 you declined to act on my request (Art. 12(4) GDPR).')
  })

  it('a posted notice counts from its delivery, and the plan says so', () => {
    const f = bavarianFacts({ noticeSentDate: '2026-10-05', noticePosted: true })
    const d = deadlineFor(f, { today: '2026-10-05' })
    expect(d.receiptDate).toBe('2026-10-08')
    expect(d.receiptEstimated).toBe(true)
    expect(d.due).toBe('2026-11-09') // 8 November is a Sunday
    expect(casePlan(f, '2026-10-05').find((p) => p.step === 'deadline')!.text).toContain('counted from its delivery, taken as 8 October 2026')
    const known = deadlineFor(bavarianFacts({ noticeSentDate: '2026-10-05', noticePosted: true, noticeReceivedDate: '2026-10-07' }), { today: '2026-10-05' })
    expect([known.receiptDate, known.receiptEstimated]).toEqual(['2026-10-07', false])
  })
})

describe('no letters about nothing (point 3)', () => {
  for (const lang of ['en', 'de', 'fr'] as const) {
    it(`${lang}: nothing flagged: no letter, one line why, and the preview offers none`, () => {
      const f = bavarianFacts({ lang })
      const none = sampleEvidence({ foreignRecordings: 0, foreignDevices: [], firstAt: null, lastAt: null })
      expect(complaintLetters.letters(f, none, ALL, { today: '2026-11-23' })).toEqual([])
      const p = complaintLetters.preview(f, none, { today: '2026-11-23' })
      expect(p.letters).toEqual([])
      expect(p.panels).toEqual([])
      expect(p.refusal).toMatch(/"not mine"|„nicht meine“|« pas à moi »/)
      expect(p.refusal!.split('\n')).toHaveLength(1)
    })
  }
})

describe('the plan: notice → deadline → follow-up → complaint (point 4)', () => {
  it('puts the notice and the tip at once, the complaint after the deadline and the follow-up', () => {
    const plan = casePlan(bavarianFacts({ noticeSentDate: '2026-10-05' }), '2026-10-06')
    expect(plan.map((p) => [p.step, p.date, p.done])).toEqual([
      ['notice', '2026-10-05', true],
      ['breach-report', '2026-10-05', false],
      ['deadline', '2026-11-05', false],
      ['follow-up', '2026-11-06', false],
      ['art77-complaint', '2026-11-20', false]
    ])
    const dates = plan.map((p) => p.date)
    expect([...dates].sort()).toEqual(dates)
  })

  it('lets the complaint go at once when the person says why, or after a refusal', () => {
    const why = casePlan(bavarianFacts({ noticeSentDate: '2026-10-05', complainNowReason: 'the company closed my account.' }), '2026-10-06')
    expect(why.at(-1)).toMatchObject({ step: 'art77-complaint', date: '2026-10-05' })
    expect(why.at(-1)!.text).toContain('the company closed my account.')
    const refused = casePlan(bavarianFacts({ noticeSentDate: '2026-10-05', refusalDate: '2026-10-12' }), '2026-10-13')
    expect(refused.find((p) => p.step === 'follow-up')!.date).toBe('2026-10-12')
    expect(refused.at(-1)!.date).toBe('2026-10-12')
  })

  for (const lang of ['de', 'fr'] as const) {
    it(`is written in ${lang}`, () => {
      const plan = casePlan(bavarianFacts({ lang, noticeSentDate: '2026-10-05' }), '2026-10-06')
      expect(plan[1]!.text).toMatch(lang === 'de' ? /kann gleichzeitig gehen/ : /peut partir en même temps/)
    })
  }
})

describe('dates are checked (point 15)', () => {
  it('request before receipt before discovery, a notice not in the future nor before the discovery', () => {
    expect(dateProblems(bavarianFacts(), '2026-11-23')).toEqual([])
    const paths = (o: Parameters<typeof bavarianFacts>[0]) => dateProblems(bavarianFacts(o), '2026-11-23').map((p) => p.path)
    expect(paths({ requestDate: '2026-09-21' })).toEqual(['receiptDate'])
    expect(paths({ discoveryDate: '2026-09-19' })).toEqual(['discoveryDate'])
    expect(paths({ noticeSentDate: '2026-11-24' })).toEqual(['noticeSentDate'])
    expect(paths({ noticeSentDate: '2026-10-01' })).toEqual(['noticeSentDate'])
    expect(paths({ noticeSentDate: '2026-10-05', noticeReceivedDate: '2026-10-04' })).toEqual(['noticeReceivedDate'])
    expect(paths({ discoveryDate: '2026-12-01' })).toEqual(['discoveryDate'])
  })

  it('says so in German and French too', () => {
    expect(dateProblems(bavarianFacts({ lang: 'de', noticeSentDate: '2026-11-24' }), '2026-11-23')[0]!.message).toContain('liegt in der Zukunft')
    expect(dateProblems(bavarianFacts({ lang: 'fr', noticeSentDate: '2026-11-24' }), '2026-11-23')[0]!.message).toContain('dans le futur')
  })
})
