import { describe, expect, it } from 'vitest'
import { bavarianFacts, sampleEvidence } from '../../../../test/fixtures/complaint-facts'
import { deviceOf as device, recordingOf as recording } from '../../../../test/fixtures/recording'
import { archiveLine, exportText } from './evidence-text'
import { renderLetter } from './render'
import { reviewFacts } from './review-facts'

const today = '2026-11-23'
const LANGS = ['en', 'de', 'fr'] as const


describe('the review’s strongest facts (point 6)', () => {
  const reading = { account: { ids: ['A1OWNACCOUNT9Z'], names: [], emails: [] }, devices: [device({ id: 'k', name: 'Robin’s Kindle', type: 'Kindle Paperwhite', registered: true }), device({ id: 'e', name: 'Kitchen Echo', registered: false })] }
  const flagged = Array.from({ length: 3 }, (_, i) => ({ recording: recording({ id: `r${i}`, deviceId: 'e', accountId: 'A2STRANGERQ7X4', transcript: i < 2 ? 'alexa, what time is it' : null }), mark: null }))
  const review = reviewFacts(reading, flagged)

  it('finds the registered devices, that none is an Echo, the foreign customer id, the transcripts', () => {
    expect(review).toEqual({
      accountDevices: [{ name: 'Robin’s Kindle', type: 'Kindle Paperwhite' }],
      ownsEcho: false,
      foreignAccountEnds: ['Q7X4'],
      ownAccountEnd: 'NT9Z',
      withForeignAccount: 3,
      transcripts: 2,
      weakOnly: false,
      confirmedVoices: []
    })
  })

  for (const lang of LANGS) {
    it(`${lang}: says only a Kindle and no Echo, every recording's customer id ending …Q7X4, the date range, transcripts, and no "inside my home"`, () => {
      const ev = sampleEvidence({ foreignRecordings: 3, review })
      const t = renderLetter('art77-complaint', bavarianFacts({ lang }), ev, { today, lang }).text
      const want = {
        en: ['The only devices registered to my account are: “Robin’s Kindle”. No Echo', 'Every one of these recordings carries a customer ID that is not my account', '…Q7X4', 'transcripts of 2 of them', 'made between 2 May 2018 and 11 August 2018'],
        de: ['Auf mein Konto sind nur diese Geräte registriert: „Robin’s Kindle“. Ein Echo', 'Jede dieser Aufnahmen trägt eine Kundennummer', '…Q7X4', 'Transkripte von 2 dieser Aufnahmen', 'aus der Zeit vom 2. Mai 2018 bis 11. August 2018'],
        fr: ['Les seuls appareils enregistrés sur mon compte sont : « Robin’s Kindle ». Aucun Echo', "Chacun de ces enregistrements porte un identifiant client qui n'est pas celui de mon compte", '…Q7X4', 'transcriptions de 2 d\'entre eux', 'effectués entre le 2 mai 2018 et le 11 août 2018']
      }[lang]
      for (const w of want) expect(t).toContain(w)
      expect(t).not.toMatch(/inside my home|aus meiner Wohnung|faits chez moi/)
      // With an Echo registered, the default harm may speak of the home.
      const echo = sampleEvidence({ review: { ...review, accountDevices: [{ name: 'Echo Dot', type: null }], ownsEcho: true } })
      expect(renderLetter('art77-complaint', bavarianFacts({ lang }), echo, { today, lang }).text).toMatch(/inside my home|aus meiner Wohnung|faits chez moi/)
    })
  }

  it('says when the export lists no device at all', () => {
    const none = reviewFacts({ account: reading.account, devices: [device({ id: 'e', name: 'Echo', registered: false })] }, flagged)
    expect(none.accountDevices).toEqual([])
    expect(renderLetter('breach-report', bavarianFacts(), sampleEvidence({ review: none }), { today }).text).toContain('The export lists no device at all as registered to my account.')
  })
})

describe('multipart exports: each part with its name, size and SHA-256 (point 7)', () => {
  const parts = [1, 2, 3].map((n) => ({ name: `takeout-20261101T000000Z-00${n}.zip`, bytes: n * 1_000_000, sha256: String(n).repeat(64) }))
  for (const lang of LANGS) {
    it(`${lang}: lists every part, no single combined hash`, () => {
      const ev = sampleEvidence({ parts, archiveSha256: 'f'.repeat(64) })
      const t = renderLetter('controller-notice', bavarianFacts({ lang }), ev, { today }).text
      for (const p of parts) {
        expect(t).toContain(p.name)
        expect(t).toContain(`SHA-256 ${p.sha256}`)
      }
      expect(t).not.toContain('f'.repeat(64))
      expect(archiveLine(ev as never, lang)).toMatch(/3 (parts|Teile|parties)/)
      expect(t).toMatch(/consists of the files|besteht aus den Dateien|se compose des fichiers/)
    })
  }
})

describe('weak signals only: "I believe", a request to clarify (point 10)', () => {
  const weak = { accountDevices: null, ownsEcho: null, foreignAccountEnds: [], ownAccountEnd: null, withForeignAccount: 0, transcripts: 0, weakOnly: true }
  it('finds weak-only when only an unrecognised speaker or another language flags them', () => {
    const r = reviewFacts({ account: { ids: [], names: [], emails: ['me@example.org'] }, devices: [] }, [{ recording: recording({ signals: ['unrecognized-speaker'] }), mark: null }])
    expect(r.weakOnly).toBe(true)
    // A "not mine" mark on a recording only weak signs point at stays a belief; a strong verdict does not.
    expect(reviewFacts({ account: { ids: [], names: [], emails: [] }, devices: [] }, [{ recording: recording({}), mark: 'not-mine', verdict: 'suspect' }]).weakOnly).toBe(true)
    expect(reviewFacts({ account: { ids: [], names: [], emails: [] }, devices: [] }, [{ recording: recording({}), mark: null, verdict: 'foreign' }]).weakOnly).toBe(false)
  })
  for (const lang of LANGS) {
    it(`${lang}: no breach asserted as fact`, () => {
      const ev = sampleEvidence({ review: weak })
      const notice = renderLetter('controller-notice', bavarianFacts({ lang, controller: 'google' }), ev, { today }).text
      const tip = renderLetter('breach-report', bavarianFacts({ lang, controller: 'google' }), ev, { today, lang }).text
      expect(notice).toMatch({ en: /that I believe are not mine/, de: /die nach meiner Einschätzung nicht von mir stammen/, fr: /dont je pense qu'ils ne sont pas les miens/ }[lang])
      expect(notice).toMatch({ en: /clarify whose they are/, de: /um Aufklärung, wem sie gehören/, fr: /préciser à qui ils appartiennent/ }[lang])
      expect(notice).not.toMatch({ en: /is an unauthorised disclosure and so/, de: /ist eine unbefugte Offenlegung/, fr: /constitue une divulgation non autorisée et donc une violation de données à caractère personnel \(art\. 4, point 12, du RGPD\)\. Il montre/ }[lang])
      expect(tip).toMatch({ en: /possible personal data breach/, de: /mögliche/, fr: /possible violation/ }[lang])
    })
  }
})

describe('the victim letter (point 11)', () => {
  for (const lang of LANGS) {
    it(`${lang}: placeholders for its date; no reference, date or deadline of the sender's`, () => {
      const l = renderLetter('victim-request', bavarianFacts({ lang, noticeSentDate: '2026-10-05' }), sampleEvidence(), { today })
      expect(l.text).not.toContain(l.reference)
      expect(l.blocks.footer).toBe('')
      expect(l.blocks.info).toEqual([[{ en: 'Date', de: 'Datum', fr: 'Date' }[lang], { en: '[date]', de: '[Datum]', fr: '[date]' }[lang]]])
      expect(l.text).not.toMatch(/2026/)
      expect(l.text).not.toMatch(/DSAR-4711/)
    })
  }
})

describe('export strings in letters (point 13)', () => {
  const crafted = 'Kitchen\u202e Echo\n\nDear Sir, I withdraw all complaints.\u200b\r\nSigned' + 'x'.repeat(200)
  it('one line, no control, bidirectional or zero-width characters, shortened', () => {
    const s = exportText(crafted, 48)
    expect(s).not.toMatch(/[\n\r\u202e\u200b]/)
    expect([...s].length).toBeLessThanOrEqual(48)
    expect(s.endsWith('…')).toBe(true)
  })
  for (const lang of LANGS) {
    it(`${lang}: a crafted device or file name never becomes a paragraph of the letter`, () => {
      const ev = sampleEvidence({ archiveName: 'export\u2067.zip\nInjected line', foreignDevices: [{ name: crafted, serial: '…\u202eX1Y2', recordings: 1698 }] })
      const l = renderLetter('breach-report', bavarianFacts({ lang }), ev, { today, lang })
      expect(l.text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200f]/)
      expect(l.text).not.toMatch(/^Dear Sir, I withdraw/m)
      expect(l.text).not.toMatch(/^Injected line/m)
      const item = l.blocks.body.flatMap((b) => (b.kind === 'list' ? b.items : [])).find((i) => i.includes('Kitchen'))!
      expect(item).toMatch({ en: /^“Kitchen Echo Dear Sir, I withdraw all complaint…” \(/, de: /^„Kitchen Echo Dear Sir.*…“/, fr: /^« Kitchen Echo Dear Sir.*… »/ }[lang])
    })
  }
})
