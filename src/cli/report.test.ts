import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExport, type Truth } from '../core/generate'
import { parseArgs } from './args'
import { runCli } from './run'

const clips = { sampleRate: 8000, maxSeconds: 0.2 }
const dir = mkdtempSync(join(tmpdir(), 'exportscope-cli-report-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// 2026-11-23T12:00:00Z: the letters' date.
const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 23, 12) / 1000) }
const cli = async (...argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env })
  return { code, stdout: out.join(''), stderr: err.join('') }
}
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const facts = {
  person: { name: 'Robin Beispiel', address: 'Hauptstraße 1\n80331 München\nDeutschland', email: 'robin@example.org', country: 'de', region: 'bay' },
  accountId: 'robin@example.org',
  controller: 'amazon',
  requestDate: '2026-09-01',
  receiptDate: '2026-09-20',
  discoveryDate: '2026-10-02'
}

let archive = ''
let truth: Truth
let factsPath = ''
beforeAll(async () => {
  const made = await generateExport({ provider: 'amazon', own: 5, foreign: 7, kind: 'unregistered-device', seed: 'cli-report', clips }, join(dir, 'export.zip'))
  archive = made.paths[0]!
  truth = made.truth
  factsPath = join(dir, 'facts.json')
  writeFileSync(factsPath, JSON.stringify(facts))
}, 60_000)

describe('exportscope report: arguments', () => {
  it('parses its options and refuses what it does not take', () => {
    expect(parseArgs(['report', 'a.zip', '--out', 'letters', '--facts=f.json', '--lang', 'de'])).toEqual({ kind: 'report', archive: 'a.zip', out: 'letters', factsPath: 'f.json', lang: 'de', casePath: null, bundlePath: null })
    expect(parseArgs(['report', 'a.zip'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/--out/) })
    expect(parseArgs(['report', 'a.zip', '--out', 'x', '--lang', 'it'])).toMatchObject({ kind: 'usage-error', message: '--lang takes en, de or fr.' })
    expect(parseArgs(['report', 'a.zip', '--out', 'x', '--lang', 'fr'])).toMatchObject({ kind: 'report', lang: 'fr' })
    expect(parseArgs(['report', '--out', 'x'])).toMatchObject({ kind: 'usage-error', message: 'report needs the path of the export.' })
  })
})

describe('exportscope report', () => {
  it('writes four letters as PDF and text (the follow-up not before its time), the plan and the manifest whose hash they print (exit 0)', async () => {
    const out = join(dir, 'letters-en')
    const r = await cli('report', archive, '--out', out, '--facts', factsPath)
    expect(r.code, r.stderr).toBe(0)
    const files = readdirSync(out).sort()
    // To the company in English; to the Bavarian authority in German, with an English reading copy.
    for (const kind of ['controller-notice', 'victim-request']) expect(files.filter((f) => f.startsWith(`${kind}-en-2026-`))).toHaveLength(2)
    for (const kind of ['art77-complaint', 'breach-report']) {
      expect(files.filter((f) => f.startsWith(`${kind}-de-2026-`))).toHaveLength(2)
      expect(files.filter((f) => f.startsWith(`${kind}-en-courtesy-copy-2026-`))).toHaveLength(2)
    }
    expect(files.filter((f) => f.startsWith('follow-up'))).toEqual([])
    expect(r.stdout).toMatch(/Not written follow-up: The follow-up is not written: it needs the date you sent the notice/)
    expect(r.stdout).toContain('Notes')
    expect(r.stdout).toMatch(/The BayLDA takes complaints in German/)
    expect(files).toEqual(expect.arrayContaining(['deadline.ics', 'manifest.json', 'manifest.csv', 'form-lucnpd.txt']))
    const manifestSha = sha256(readFileSync(join(out, 'manifest.json')))
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))
    expect(manifest.entries.map((e: { path: string }) => e.path).sort()).toEqual(truth.recordings.filter((t) => t.foreign).map((t) => t.audioPath).sort())
    for (const txt of files.filter((f) => f.endsWith('.txt') && !f.startsWith('form-'))) {
      const text = readFileSync(join(out, txt), 'utf8')
      expect(text, txt).toContain(manifestSha)
      if (txt.startsWith('follow-up')) continue
      expect(text, txt).toContain(sha256(readFileSync(archive)))
      expect(text, txt).toMatch(/\b7 (voice recordings|Sprachaufnahmen)\b/)
    }
    const complaint = readFileSync(join(out, files.find((f) => f.startsWith('art77-complaint-de-2026') && f.endsWith('.txt'))!), 'utf8')
    expect(complaint).toContain('beim Bayerischen Landesamt für Datenschutzaufsicht (BayLDA) Beschwerde')
    expect(complaint).toContain('die Nationale Kommission für den Datenschutz Luxemburgs (CNPD)')
    expect(complaint).toContain('fällig bis zum 23. Dezember 2026')
    expect(readFileSync(join(out, files.find((f) => f.startsWith('art77-complaint') && f.endsWith('.pdf'))!)).subarray(0, 5).toString()).toBe('%PDF-')
    expect(readFileSync(join(out, 'deadline.ics'), 'utf8')).toContain('DTSTART;VALUE=DATE:20261223\r\n')
    expect(r.stdout).toContain('Complaint   Bayerisches Landesamt für Datenschutzaufsicht (BayLDA) (debaylda), data of 2026-07-21')
    expect(r.stdout).toContain('Lead        Commission nationale pour la protection des données')
    expect(r.stdout).toContain(`Manifest    SHA-256 ${manifestSha}`)
    expect(r.stdout).not.toContain('passed: send the follow-up')
  })

  it('writes German letters with --lang de, printing the hash of a bundle given with --bundle', async () => {
    const bundle = join(dir, 'evidence.zip')
    expect((await cli('bundle', archive, '--out', bundle)).code).toBe(0)
    const bundleManifestSha = sha256(await (await JSZip.loadAsync(readFileSync(bundle))).file('manifest.json')!.async('uint8array'))
    const out = join(dir, 'letters-de')
    const noticed = join(dir, 'facts-noticed.json')
    writeFileSync(noticed, JSON.stringify({ ...facts, noticeSentDate: '2026-10-05' }))
    const r = await cli('report', archive, '--out', out, '--facts', noticed, '--lang', 'de', '--bundle', bundle)
    expect(r.code, r.stderr).toBe(0)
    expect(existsSync(join(out, 'manifest.json'))).toBe(false)
    const notice = readdirSync(out).find((f) => f.startsWith('controller-notice-de-') && f.endsWith('.txt'))!
    const text = readFileSync(join(out, notice), 'utf8')
    expect(text).toContain(bundleManifestSha)
    // The letters cite the root of the bundle they go with, and the folder is the owner's alone.
    const rootSha = sha256(await (await JSZip.loadAsync(readFileSync(bundle))).file('SHA256SUMS')!.async('uint8array'))
    expect(text).toContain(`SHA-256 der Prüfsummendatei SHA256SUMS des Beweispakets (sie führt die SHA-256 aller übrigen Dateien des Pakets): ${rootSha}`)
    expect(r.stdout).toContain(`Root        SHA256SUMS of the bundle, SHA-256 ${rootSha} (the letters print it)`)
    expect(statSync(out).mode & 0o777).toBe(0o700)
    expect(text).toContain('Art. 12 Abs. 3 DSGVO')
    expect(r.stdout).toContain('passed or refused: the follow-up letter is written')
    expect(readdirSync(out).some((f) => f.startsWith('follow-up-de-') && f.endsWith('.pdf'))).toBe(true)
  })

  it('refuses with one line and its own exit code (4) when no recording is flagged or marked "not mine"', async () => {
    const clean = await generateExport({ provider: 'amazon', own: 4, foreign: 0, kind: 'unregistered-device', seed: 'cli-report-clean', clips }, join(dir, 'clean.zip'))
    const out = join(dir, 'letters-clean')
    const r = await cli('report', clean.paths[0]!, '--out', out, '--facts', factsPath)
    expect(r.code).toBe(4)
    // Progress says what was read; the refusal itself is one line.
    expect(r.stderr.trim().split('\n').filter((l) => !/^exportscope: read \d+ recordings/.test(l))).toHaveLength(1)
    expect(r.stderr).toMatch(/No recording is flagged or marked "not mine"/)
    expect(existsSync(out) ? readdirSync(out).filter((f) => /\.(pdf|txt)$/.test(f)) : []).toEqual([])
  })

  it('refuses facts whose dates cannot be right, naming each (exit 2)', async () => {
    const bad = join(dir, 'bad-dates.json')
    writeFileSync(bad, JSON.stringify({ ...facts, noticeSentDate: '2027-01-01' }))
    const r = await cli('report', archive, '--out', join(dir, 'l-dates'), '--facts', bad)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/noticeSentDate: The notice cannot have been sent on 1 January 2027: that is in the future/)
  })

  it('refuses a bundle of another export (exit 2)', async () => {
    const other = await generateExport({ provider: 'amazon', own: 2, foreign: 1, kind: 'unregistered-device', seed: 'cli-report-other', clips }, join(dir, 'other.zip'))
    const bundle = join(dir, 'other-evidence.zip')
    expect((await cli('bundle', other.paths[0]!, '--out', bundle)).code).toBe(0)
    const r = await cli('report', archive, '--out', join(dir, 'letters-x'), '--facts', factsPath, '--bundle', bundle)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/made from another export/)
  })

  it('writes a facts template and exits 2 without --facts', async () => {
    const out = join(dir, 'letters-nofacts')
    const r = await cli('report', archive, '--out', out)
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/needs --facts/)
    const template = JSON.parse(readFileSync(join(out, 'facts.template.json'), 'utf8'))
    expect(template.controller).toBe('amazon')
    expect(template.requestDate).toBe('YYYY-MM-DD')
  })

  it('exits 2 with one line for incomplete facts, a missing export or a file as --out', async () => {
    const bad = join(dir, 'bad-facts.json')
    writeFileSync(bad, JSON.stringify({ ...facts, requestDate: '1 Sept' }))
    const r1 = await cli('report', archive, '--out', join(dir, 'l1'), '--facts', bad)
    expect(r1.code).toBe(2)
    expect(r1.stderr).toMatch(/requestDate/)
    const r2 = await cli('report', join(dir, 'missing.zip'), '--out', join(dir, 'l2'), '--facts', factsPath)
    expect(r2.code).toBe(2)
    expect(r2.stderr.trim().split('\n')).toHaveLength(1)
    const r3 = await cli('report', archive, '--out', factsPath, '--facts', factsPath)
    expect(r3.code).toBe(2)
    expect(r3.stderr).toMatch(/is a file/)
  })
})
