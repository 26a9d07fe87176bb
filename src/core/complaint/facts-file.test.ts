import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ComplaintFactsSchema } from '../../shared/model/complaint'
import { draftToFacts, factsPath, loadDraft } from './facts-file'

// A facts draft exactly as the app saved it before the plan fields existed (no noticePosted,
// noticeReceivedDate, extensionNotified, refusalDate, complainNowReason; lang en or de only).
const OLD_FILE = {
  schema: 'exportscope.complaint-facts/1',
  savedAt: '2026-10-01T12:00:00.000Z',
  draft: {
    person: { name: 'Robin Beispiel', address: 'Hauptstraße 1\n80331 München', email: 'robin@example.org', country: 'de', region: 'bay' },
    accountId: 'robin@example.org',
    controller: 'amazon',
    service: 'Alexa / amazon.de',
    requestDate: '2026-09-01',
    receiptDate: '2026-09-20',
    discoveryDate: '2026-10-02',
    controllerReference: 'DSAR-4711',
    channel: 'webform',
    priorContact: '',
    harm: '',
    shareIdentityWithController: true,
    noticeSentDate: '2026-10-05',
    victimRemedy: 'restriction',
    lang: 'de'
  }
}

describe('saved facts of the earlier format', () => {
  it('keep loading, with the new fields at their defaults', async () => {
    const home = await mkdtemp(join(tmpdir(), 'exportscope-facts-'))
    try {
      const path = factsPath(home, 'f'.repeat(64))
      await mkdir(dirname(path), { recursive: true })
      await writeFile(path, JSON.stringify(OLD_FILE))
      const loaded = await loadDraft(home, 'f'.repeat(64))
      expect(loaded?.savedAt).toBe('2026-10-01T12:00:00.000Z')
      const facts = draftToFacts(loaded!.draft)!
      expect(facts).toMatchObject({ noticeSentDate: '2026-10-05', noticePosted: false, extensionNotified: false, complainNowReason: '', lang: 'de' })
      expect(facts.refusalDate).toBeUndefined()
      expect(facts.noticeReceivedDate).toBeUndefined()
    } finally {
      await rm(home, { recursive: true, force: true })
    }
  })

  it('a --facts file of the earlier format parses the same way', () => {
    const parsed = ComplaintFactsSchema.parse(OLD_FILE.draft)
    expect(parsed.noticePosted).toBe(false)
    expect(ComplaintFactsSchema.parse({ ...OLD_FILE.draft, lang: 'fr' }).lang).toBe('fr')
  })
})
