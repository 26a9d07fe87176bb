import { describe, expect, it } from 'vitest'
import { bavarianFacts, sampleEvidence } from '../../../test/fixtures/complaint-facts'
import { LetterKindSchema } from '../../shared/model/complaint'
import { renderLetter } from './letters/render'
import { letterPdf } from './pdf'

/** The text of every page, as a reader would copy it, whitespace collapsed. */
async function pdfText(bytes: Buffer): Promise<{ text: string; pages: number; title: unknown }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  const doc = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false }).promise
  const parts: string[] = []
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent()
    for (const item of content.items) if ('str' in item) parts.push(item.str, item.hasEOL ? '\n' : '')
  }
  const meta = await doc.getMetadata()
  const pages = doc.numPages
  await doc.destroy()
  return { text: parts.join('').replace(/\s+/g, ' '), pages, title: (meta.info as { Title?: unknown }).Title }
}

const today = '2026-11-23'

describe('letterPdf', () => {
  it('prints the English notice with its articles, addresses, deadline, hashes and attachments', async () => {
    const letter = renderLetter('controller-notice', bavarianFacts({ person: { name: 'Zofia Łukasiewicz', address: 'Hauptstraße 1\n80331 München\nDeutschland', country: 'de', region: 'bay' } }), sampleEvidence(), { today })
    const bytes = await letterPdf(letter)
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
    // The font is embedded (a TrueType subset), so the Polish Ł prints as written.
    expect(bytes.includes(Buffer.from('/FontFile2'))).toBe(true)
    const { text, pages, title } = await pdfText(bytes)
    expect(pages).toBeGreaterThanOrEqual(2)
    expect(title).toBe(letter.subject)
    for (const s of ['Zofia Łukasiewicz', 'Amazon Europe Core S.à r.l.', 'Attn: Data Protection Officer', 'L-1855 Luxembourg', letter.reference, '23 November 2026', 'Art. 4(12) GDPR', 'Art. 5(1)(f) GDPR', 'Art. 15(4) GDPR', 'Art. 12(3) GDPR', 'by 23 December 2026', 'c3'.repeat(32), 'Attachments:', `Our reference ${letter.reference} · Page 1 of ${pages}`]) {
      expect(text, s).toContain(s)
    }
  })

  it('prints the German complaint to the BayLDA with the CNPD as lead authority', async () => {
    const letter = renderLetter('art77-complaint', bavarianFacts({ lang: 'de', noticeSentDate: '2026-10-05' }), sampleEvidence(), { today })
    const { text } = await pdfText(await letterPdf(letter))
    for (const s of ['Bayerisches Landesamt für Datenschutzaufsicht (BayLDA)', 'Postfach 1349', '91504 Ansbach', 'Beschwerde nach Art. 77 DSGVO', 'Art. 77 Abs. 2 DSGVO', 'Art. 78 Abs. 2 DSGVO', 'Nationale Kommission für den Datenschutz', 'fällig bis zum 5. November 2026', 'Anlagen:', 'Mit freundlichen Grüßen', 'Robin Beispiel']) {
      expect(text, s).toContain(s)
    }
  })

  it('renders every kind in both languages, the same bytes for the same letter', async () => {
    for (const kind of LetterKindSchema.options) {
      for (const lang of ['en', 'de', 'fr'] as const) {
        const letter = renderLetter(kind, bavarianFacts({ lang }), sampleEvidence(), { today })
        const a = await letterPdf(letter)
        // The victim's letter carries no reference of the recipient's case.
        if (kind === 'victim-request') expect((await pdfText(a)).text).not.toContain(letter.reference)
        else expect((await pdfText(a)).text).toContain(letter.reference)
        if (kind === 'breach-report' && lang === 'de') expect((await letterPdf(letter)).equals(a)).toBe(true)
      }
    }
  })

  it('prints a French letter with French page numbers, the delivery route, and groups digits with a space the font has', async () => {
    const letter = renderLetter('controller-notice', bavarianFacts({ lang: 'fr' }), sampleEvidence(), { today })
    const { text, pages } = await pdfText(await letterPdf(letter))
    expect(text).toContain(`Page 1 sur ${pages}`)
    expect(text).not.toMatch(/Page \d+ of/)
    expect(text).toContain('1 698 enregistrements vocaux')
    expect(text).toContain('Voie de remise : eu-privacy@amazon.de')
  })
})
