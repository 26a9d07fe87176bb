import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { workDir } from '../../../test/fixtures/archives'
import { dispatch } from '../../shared/ipc/dispatch'
import type { EventName, EventPayload } from '../../shared/ipc/events'
import type { ComplaintFactsInput } from '../../shared/model/complaint'
import { generateExport, type GeneratedExport } from '../generate'
import type { SaveDialogRequest } from '../platform'
import { casePath } from '../review/case-store'
import { createServices, type Services } from '../services'
import { factsPath } from './facts-file'

const FACTS: ComplaintFactsInput = {
  person: { name: 'Robin Beispiel', address: 'Hauptstraße 1\n80331 München\nDeutschland', email: 'robin@example.org', country: 'de', region: 'bay' },
  accountId: 'robin@example.org',
  controller: 'amazon',
  service: 'Alexa / amazon.de',
  requestDate: '2026-10-01',
  receiptDate: '2026-10-20',
  discoveryDate: '2026-10-21',
  lang: 'en'
}

let work: Awaited<ReturnType<typeof workDir>>
let seed: GeneratedExport

beforeAll(async () => {
  work = await workDir()
  // The 2018 case in small: every recording is the stranger's, from devices the account never had.
  seed = await generateExport({ provider: 'amazon', own: 0, foreign: 12, kind: 'seed', seed: 'wizard-handlers', clips: { sampleRate: 8000, maxSeconds: 0.3 } }, work.path('seed.zip'))
}, 60_000)
afterAll(async () => {
  await work.done()
})

function host(name: string) {
  const saveAnswers: Array<string | null> = []
  const asked: SaveDialogRequest[] = []
  const events: Array<{ name: EventName; payload: unknown }> = []
  const services: Services = createServices({
    shell: 'cli',
    home: work.path(`home-${name}`),
    emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void events.push({ name: event, payload }),
    chooseArchive: async () => null,
    chooseSavePath: async (request) => (asked.push(request), saveAnswers.shift() ?? null)
  })
  return { services, asked, events, answer: (p: string | null) => saveAnswers.push(p), home: work.path(`home-${name}`) }
}

async function open(h: ReturnType<typeof host>, path = seed.paths[0]!) {
  const summary = await h.services.handlers.openArchive({ token: h.services.grantPath(path, 'dialog'), jobId: `open-${Math.random()}` })
  return summary.archiveId
}

describe('complaint facts beside the case', () => {
  it('suggests the account owner and the controller, and keeps a draft owner-only across sessions', async () => {
    const h = host('facts')
    const archiveId = await open(h)
    const first = await h.services.handlers.complaintFacts({ archiveId })
    expect(first.draft).toBeNull()
    expect(first.suggested.controller).toBe('amazon')
    // The 2018 layout names the customer id but not the person: the name stays for them to type.
    expect(first.suggested.person?.name).toBeUndefined()
    expect(first.suggested.accountId).toBe(seed.truth.owner.customerId)

    const half = { person: { name: 'Robin Beispiel', country: 'de' }, requestDate: '2026-10-0' }
    const saved = await dispatch(h.services.handlers, 'saveComplaintFacts', { archiveId, draft: half })
    expect(saved.ok).toBe(true)
    const issues = saved.ok ? (saved.value as { issues: { path: string }[] }).issues.map((i) => i.path) : []
    expect(issues).toEqual(expect.arrayContaining(['accountId', 'requestDate', 'receiptDate']))

    const fingerprint = (await h.services.handlers.reviewState({ archiveId })).fingerprint
    const file = factsPath(h.home, fingerprint)
    expect(file.startsWith(join(h.home, 'cases'))).toBe(true)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    await h.services.dispose()

    const again = host('facts')
    const reopened = await open(again)
    expect((await again.services.handlers.complaintFacts({ archiveId: reopened })).draft).toEqual(half)
    await again.services.dispose()
  })

  it('rejects a draft with fields it does not know, through the contract', async () => {
    const h = host('strict')
    const archiveId = await open(h)
    const r = await dispatch(h.services.handlers, 'saveComplaintFacts', { archiveId, draft: { person: { name: 'x' }, path: '/etc/passwd' } })
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    await h.services.dispose()
  })
})

describe('the evidence bundle from the wizard', () => {
  it('writes the bundle where the person chose, listing exactly the foreign entries, with progress and a custody line', async () => {
    const h = host('bundle')
    const archiveId = await open(h)
    const out = work.path('chosen/evidence.zip')
    h.answer(out)
    const saved = await h.services.handlers.saveBundle({ archiveId, facts: FACTS as never, lang: 'en', jobId: 'b1', sealedOriginals: false })
    expect(h.asked).toEqual([expect.objectContaining({ kind: 'file', defaultName: expect.stringMatching(/^evidence-\d{4}-\d{2}-\d{2}\.zip$/) })])
    expect(saved.path).toBe(out)
    expect(existsSync(out)).toBe(true)

    const zip = await JSZip.loadAsync(await readFile(out))
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string')) as { entries: { path: string; sha256: string }[] }
    const foreign = seed.truth.recordings.filter((r) => r.foreign && r.audioPath).map((r) => r.audioPath!)
    expect(manifest.entries.map((e) => e.path).sort()).toEqual([...foreign].sort())
    expect(saved.entries).toBe(foreign.length)
    expect(Object.keys(zip.files).some((n) => /\.(wav|mp3|ogg|flac)$/i.test(n))).toBe(false)
    expect(saved.sealedOriginals).toBe(false)

    const phases = h.events.filter((e) => e.name === 'complaint.progress').map((e) => (e.payload as { phase: string }).phase)
    expect(phases).toContain('writing')
    expect(phases.at(-1)).toBe('done')
    const state = await h.services.handlers.reviewState({ archiveId })
    expect(state.custody.recent.at(-1)).toMatchObject({ action: 'exported', detail: expect.stringContaining(saved.manifestSha256!) })
    await h.services.dispose()
  })

  it('adds the originals only when sealedOriginals is set', async () => {
    const h = host('sealed')
    const archiveId = await open(h)
    const out = work.path('chosen/sealed.zip')
    h.answer(out)
    const saved = await h.services.handlers.saveBundle({ archiveId, facts: FACTS as never, lang: 'en', jobId: 'b2', sealedOriginals: true })
    const zip = await JSZip.loadAsync(await readFile(out))
    const sealed = Object.keys(zip.files).filter((n) => n.startsWith('sealed/') && !zip.files[n]!.dir)
    expect(sealed.length).toBe(saved.entries)
    expect(saved.sealedOriginals).toBe(true)
    await h.services.dispose()
  })

  it('writes nothing when the dialog is cancelled', async () => {
    const h = host('cancelled')
    const archiveId = await open(h)
    h.answer(null)
    const saved = await h.services.handlers.saveBundle({ archiveId, facts: FACTS as never, lang: 'en', jobId: 'b3', sealedOriginals: false })
    expect(saved).toMatchObject({ path: null, sha256: null, entries: 0 })
    await h.services.dispose()
  })

  it('stops a bundle job through cancelJob and leaves no file behind', async () => {
    const h = host('cancel-job')
    const archiveId = await open(h)
    const out = work.path('chosen/never.zip')
    h.answer(out)
    const running = dispatch(h.services.handlers, 'saveBundle', { archiveId, facts: FACTS, lang: 'en', jobId: 'b4', sealedOriginals: true })
    // The job exists once the dialog has answered; cancel it as soon as it does.
    let cancelled = false
    for (let i = 0; i < 200 && !cancelled; i++) {
      cancelled = (await h.services.handlers.cancelJob({ jobId: 'b4' })).cancelled
      if (!cancelled) await new Promise((r) => setTimeout(r, 1))
    }
    expect(cancelled).toBe(true)
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } })
    expect(existsSync(out)).toBe(false)
    await h.services.dispose()
  })
})

describe('letters and preview from the wizard', () => {
  it('previews the Bavarian authority with the CNPD as lead, every letter, and the deadline', async () => {
    const h = host('preview')
    const archiveId = await open(h)
    const preview = await h.services.handlers.complaintPreview({ archiveId, facts: FACTS as never, lang: 'de' })
    expect(preview.authorities.map((a) => [a.role, a.slug])).toEqual([
      ['complaint', 'debaylda'],
      ['lead', 'lucnpd']
    ])
    // No notice date: the follow-up is held back, with its reason; the plan runs notice → complaint.
    expect(preview.letters.map((l) => l.kind).sort()).toEqual(['art77-complaint', 'breach-report', 'controller-notice', 'victim-request'])
    expect(preview.withheld.map((w) => w.kind)).toEqual(['follow-up'])
    expect(preview.plan.map((p) => p.step)).toEqual(['notice', 'breach-report', 'deadline', 'follow-up', 'art77-complaint'])
    expect(preview.refusal).toBeNull()
    expect(preview.letters.every((l) => l.lang === 'de')).toBe(true)
    // No hashing for a preview: the counts come from the verdicts, the manifest's hash is not known yet.
    expect(preview.evidence.foreignRecordings).toBe(seed.truth.counts.foreign)
    expect(preview.evidence.manifestSha256).toBeNull()
    expect(preview.deadline.due).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    await h.services.dispose()
  })

  it('saves PDF, text and deadline.ics into the chosen folder, printing the hash of the manifest the bundle then holds', async () => {
    const h = host('letters')
    const archiveId = await open(h)
    const folder = work.path('letters-out')
    h.answer(folder)
    const saved = await h.services.handlers.saveComplaint({ archiveId, facts: FACTS as never, lang: 'en', kinds: ['art77-complaint'], jobId: 'l1' })
    expect(h.asked[0]).toMatchObject({ kind: 'folder' })
    expect(saved.folder).toBe(folder)
    const names = saved.files.map((f) => f.name)
    // The complaint to the BayLDA goes in German; the English one beside it is a reading copy.
    expect(names.filter((n) => n.endsWith('.pdf')).sort()).toEqual([expect.stringMatching(/^art77-complaint-de-2026-/), expect.stringMatching(/^art77-complaint-en-courtesy-copy-2026-/)])
    expect(names).toContain('deadline.ics')
    const pdf = await readFile(join(folder, names.find((n) => n.endsWith('.pdf'))!))
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    const txt = await readFile(join(folder, names.find((n) => n.endsWith('.txt'))!), 'utf8')
    expect(txt).toContain(saved.manifestSha256!)
    expect(txt).toMatch(/Art\. 77/)
    expect((await readFile(join(folder, 'deadline.ics'), 'utf8')).startsWith('BEGIN:VCALENDAR')).toBe(true)

    h.answer(work.path('letters-out/bundle.zip'))
    const bundle = await h.services.handlers.saveBundle({ archiveId, facts: FACTS as never, lang: 'en', jobId: 'l2', sealedOriginals: false })
    expect(bundle.manifestSha256).toBe(saved.manifestSha256)
    const preview = await h.services.handlers.complaintPreview({ archiveId, facts: FACTS as never, lang: 'en' })
    expect(preview.evidence.manifestSha256).toBe(saved.manifestSha256)
    // The bundle's letters cite its root; letters saved again now go with that bundle and cite it too.
    const zip = await JSZip.loadAsync(await readFile(bundle.path!))
    const root = createHash('sha256').update(await zip.file('SHA256SUMS')!.async('uint8array')).digest('hex')
    expect(bundle.rootSha256).toBe(root)
    expect(preview.evidence.rootSha256).toBe(root)
    const inside = Object.keys(zip.files).filter((n) => n.startsWith('letters/') && n.endsWith('.txt'))
    expect(inside.length).toBeGreaterThan(0)
    for (const n of inside) expect(await zip.file(n)!.async('string')).toContain(root)
    h.answer(work.path('letters-again'))
    const again = await h.services.handlers.saveComplaint({ archiveId, facts: FACTS as never, lang: 'en', kinds: ['art77-complaint'], jobId: 'l3' })
    const againTxt = await readFile(join(work.path('letters-again'), again.files.find((f) => f.name.endsWith('.txt'))!.name), 'utf8')
    // The first text is the German complaint (BayLDA); either language names the root file and cites it.
    expect(againTxt).toMatch(new RegExp(`SHA256SUMS[^\\n]*: ${root}`))
    await h.services.dispose()
  })

  it('logs the retention reminder once the export is hashed', async () => {
    const h = host('keep')
    const archiveId = await open(h)
    // As the app does: the first page of the list is asked for, which starts the hash (session/handlers.ts).
    await h.services.handlers.listRecordings({ archiveId, offset: 0, limit: 10 })
    let kept = await h.services.handlers.keepSealed({ archiveId })
    for (let i = 0; i < 100 && !kept.logged; i++) {
      await new Promise((r) => setTimeout(r, 20))
      kept = await h.services.handlers.keepSealed({ archiveId })
    }
    expect(kept.logged).toBe(true)
    const state = await h.services.handlers.reviewState({ archiveId })
    expect(state.custody.recent.at(-1)).toMatchObject({ action: 'kept-sealed', detail: expect.stringContaining(state.sha256!) })
    await h.services.dispose()
  })
})

describe('the retention step', () => {
  it('refuses without the export name, then deletes the export and logs its SHA-256 in the case file', async () => {
    const copy = work.path('to-delete.zip')
    await (await import('node:fs/promises')).copyFile(seed.paths[0]!, copy)
    const h = host('delete')
    const archiveId = await open(h, copy)
    const fingerprint = (await h.services.handlers.reviewState({ archiveId })).fingerprint

    const wrong = await dispatch(h.services.handlers, 'deleteArchive', { archiveId, confirmName: 'something-else.zip' })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(existsSync(copy)).toBe(true)

    const { createHash } = await import('node:crypto')
    const sha = createHash('sha256').update(await readFile(copy)).digest('hex')
    const done = await h.services.handlers.deleteArchive({ archiveId, confirmName: 'to-delete.zip' })
    expect(existsSync(copy)).toBe(false)
    expect(done.deleted).toEqual([{ path: copy, bytes: expect.any(Number), sha256: sha }])
    const caseFile = JSON.parse(await readFile(casePath(h.home, fingerprint), 'utf8')) as { custody: { action: string; detail: string }[] }
    expect(caseFile.custody.at(-1)).toMatchObject({ action: 'deleted', detail: expect.stringContaining(sha) })
    // The export is closed: its id answers not-found from now on.
    expect(await dispatch(h.services.handlers, 'reviewState', { archiveId })).toMatchObject({ ok: false, error: { code: 'not-found' } })
    await h.services.dispose()
  })
})
