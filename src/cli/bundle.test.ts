import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive } from '../core/archive'
import { generateExport, type Truth } from '../core/generate'
import { emptyCase, serializeCase } from '../core/review/case-file'
import { parseArgs } from './args'
import { runCli } from './run'

const clips = { sampleRate: 8000, maxSeconds: 0.2 }
const dir = mkdtempSync(join(tmpdir(), 'exportscope-cli-bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const cli = async (...argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {} })
  return { code, stdout: out.join(''), stderr: err.join('') }
}
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const manifestOf = async (bundle: string) => JSON.parse(await (await JSZip.loadAsync(readFileSync(bundle))).file('manifest.json')!.async('string'))

let archive = ''
let truth: Truth
beforeAll(async () => {
  const made = await generateExport({ provider: 'amazon', own: 6, foreign: 9, kind: 'unregistered-device', seed: 'cli-bundle', clips }, join(dir, 'export.zip'))
  archive = made.paths[0]!
  truth = made.truth
}, 60_000)

describe('exportscope bundle and verify: arguments', () => {
  it('parses both commands and refuses what they do not take', () => {
    expect(parseArgs(['bundle', 'a.zip', '--out', 'b.zip', '--case=c.json', '--sealed-originals'])).toEqual({ kind: 'bundle', archive: 'a.zip', out: 'b.zip', casePath: 'c.json', factsPath: null, sealed: true, excerpts: 5 })
    expect(parseArgs(['verify', 'b.zip', '--against', 'a.zip'])).toEqual({ kind: 'verify', bundle: 'b.zip', against: 'a.zip', root: null })
    expect(parseArgs(['verify', 'b.zip', '--root', 'AB'.repeat(32)])).toEqual({ kind: 'verify', bundle: 'b.zip', against: null, root: 'AB'.repeat(32) })
    expect(parseArgs(['verify', 'b.zip', '--root', 'abc'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/64 hex digits/) })
    expect(parseArgs(['bundle', 'a.zip'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/--out/) })
    expect(parseArgs(['bundle', 'a.zip', '--out', 'b.zip', '--excerpts', 'many'])).toMatchObject({ kind: 'usage-error' })
    expect(parseArgs(['verify', 'b.zip', '--json'])).toMatchObject({ kind: 'usage-error', message: 'verify does not know the option --json.' })
    expect(parseArgs(['verify', '--against', 'a.zip'])).toMatchObject({ kind: 'usage-error', message: 'verify needs the path of a bundle.' })
  })
})

describe('exportscope bundle', () => {
  it('writes the bundle for the foreign recordings and prints the manifest and root SHA-256 (exit 0)', async () => {
    const out = join(dir, 'plain.zip')
    const r = await cli('bundle', archive, '--out', out)
    expect(r.code, r.stderr).toBe(0)
    const manifest = await manifestOf(out)
    const foreign = truth.recordings.filter((t) => t.foreign).map((t) => t.audioPath)
    expect(manifest.entries.map((e: { path: string }) => e.path).sort()).toEqual(foreign.sort())
    expect(manifest.archive.sha256).toBe(sha256(readFileSync(archive)))
    const manifestSha = sha256(Buffer.from(await (await JSZip.loadAsync(readFileSync(out))).file('manifest.json')!.async('uint8array')))
    expect(r.stdout).toContain(`Manifest    SHA-256 ${manifestSha}  (the same for the same export and marks)\n`)
    const rootSha = sha256(Buffer.from(await (await JSZip.loadAsync(readFileSync(out))).file('SHA256SUMS')!.async('uint8array')))
    expect(r.stdout).toContain(`Root        SHA256SUMS, SHA-256 ${rootSha}  (print it in every letter)\n`)
    expect(r.stdout).toContain('Listed      9 audio files of 9 recordings, 1 metadata file; no audio, redacted excerpts only\n')
    expect(r.stdout).toContain('Marks       none (no --case given)')
  })

  it("takes the case file's marks and custody log", async () => {
    const opened = await openArchive(archive)
    const fingerprint = opened.fingerprint
    await opened.close()
    const c = emptyCase(fingerprint, '2026-01-01T00:00:00.000Z')
    const own = truth.recordings.find((t) => !t.foreign)!
    const foreign = truth.recordings.find((t) => t.foreign)!
    // Marks are keyed by recording id; the scan report gives each recording's id beside its audio path.
    const scan = await cli('scan', '--json', '--no-hash', archive)
    const ids = new Map(JSON.parse(scan.stdout).recordings.map((r: { audioPath: string; id: string }) => [r.audioPath, r.id]))
    c.recordings[ids.get(own.audioPath) as string] = { mark: 'not-mine', note: 'a man’s voice', time: '2026-01-02T00:00:00.000Z' }
    c.recordings[ids.get(foreign.audioPath) as string] = { mark: 'mine', note: null, time: '2026-01-02T00:00:00.000Z' }
    c.custody.push({ time: '2026-01-01T00:00:00.000Z', tool: 'Exportscope 0.1.0', action: 'opened', detail: 'export.zip' })
    const casePath = join(dir, 'case.json')
    writeFileSync(casePath, serializeCase(c))
    const out = join(dir, 'with-case.zip')
    const r = await cli('bundle', archive, '--out', out, '--case', casePath)
    expect(r.code, r.stderr).toBe(0)
    const paths = (await manifestOf(out)).entries.map((e: { path: string }) => e.path)
    expect(paths).toHaveLength(9)
    expect(paths).toContain(own.audioPath)
    expect(paths).not.toContain(foreign.audioPath)
    expect(r.stdout).toContain('Marks       from case.json: 1 added, 1 left out\n')
    const log = (await (await JSZip.loadAsync(readFileSync(out))).file('custody-log.jsonl')!.async('string')).trim().split('\n')
    expect(log.map((l) => JSON.parse(l).action)).toEqual(['opened', 'exported'])
    // The case file keeps the same 'exported' line, citing the root, for the next bundle's log.
    const kept = JSON.parse(readFileSync(casePath, 'utf8'))
    expect(kept.custody.map((e: { action: string }) => e.action)).toEqual(['opened', 'exported'])
    const rootSha = sha256(await (await JSZip.loadAsync(readFileSync(out))).file('SHA256SUMS')!.async('uint8array'))
    expect(kept.custody[1].time).toBe(JSON.parse(log[1]!).time)
    expect(kept.custody[1].detail).toContain(`root SHA256SUMS SHA-256 ${rootSha}`)
  })

  it('with --facts, puts in the letters printing the root’s SHA-256, or says on stderr why it cannot', async () => {
    const factsPath = join(dir, 'facts.json')
    const facts = { person: { name: 'Anna Berger', country: 'de', region: 'bay' }, accountId: 'anna.berger@example.org', controller: 'amazon', requestDate: '2018-08-01', receiptDate: '2018-08-20', discoveryDate: '2018-08-21' }
    writeFileSync(factsPath, JSON.stringify(facts))
    const out = join(dir, 'with-facts.zip')
    const r = await cli('bundle', archive, '--out', out, '--facts', factsPath)
    expect(r.code, r.stderr).toBe(0)
    const zip = await JSZip.loadAsync(readFileSync(out))
    const letters = Object.keys(zip.files).filter((n) => n.startsWith('letters/') && !n.endsWith('/'))
    const rootSha = sha256(await zip.file('SHA256SUMS')!.async('uint8array'))
    if (letters.length === 0) expect(r.stderr).toMatch(/the bundle goes without letters: .+ Write them with "exportscope report"\.\n/)
    else {
      const texts = letters.filter((n) => n.endsWith('.txt'))
      expect(texts.length).toBeGreaterThanOrEqual(3)
      for (const t of texts) expect(await zip.file(t)!.async('string')).toContain(rootSha)
      const verified = await cli('verify', out)
      expect(verified.code, verified.stdout).toBe(0)
      expect(verified.stdout).toContain(`${texts.length} letter texts citing the root's SHA-256 (${letters.length - texts.length} PDF letters not searched: their text twins are)`)
    }
  })

  it('refuses, with exit 2 and one line, a case file of another export, a missing archive, and an existing --out', async () => {
    const other = join(dir, 'other-case.json')
    writeFileSync(other, serializeCase(emptyCase('fp1-other', '2026-01-01T00:00:00.000Z')))
    for (const argv of [
      ['bundle', archive, '--out', join(dir, 'x1.zip'), '--case', other],
      ['bundle', join(dir, 'missing.zip'), '--out', join(dir, 'x2.zip')],
      ['bundle', archive, '--out', join(dir, 'plain.zip')],
      ['bundle', archive, '--out', join(dir, 'x3.zip'), '--facts', join(dir, 'missing-facts.json')]
    ]) {
      const r = await cli(...argv)
      expect(r.code, argv.join(' ')).toBe(2)
      expect(r.stderr.trim().split('\n'), r.stderr).toHaveLength(1)
      expect(r.stdout).toBe('')
    }
    expect(existsSync(join(dir, 'x1.zip')) || existsSync(join(dir, 'x2.zip')) || existsSync(join(dir, 'x3.zip'))).toBe(false)
  })
})

describe('exportscope verify', () => {
  it('exits 0 when the bundle and the export match, and 3 listing the difference after one byte changes', async () => {
    const out = join(dir, 'to-verify.zip')
    expect((await cli('bundle', archive, '--out', out)).code).toBe(0)
    const own = await cli('verify', out)
    expect(own.code, own.stdout).toBe(0)
    expect(own.stdout).toMatch(/^OK: 7 files against the root SHA256SUMS match\.\nRoot SHA256SUMS, SHA-256 [0-9a-f]{64}: the value the letters print\.\nOK means the bundle is consistent with itself\. .*only the value in the letters already sent tells them apart/s)

    const copy = join(dir, 'copy.zip')
    copyFileSync(archive, copy)
    const good = await cli('verify', out, '--against', copy)
    expect(good.code, good.stdout).toBe(0)
    expect(good.stdout).toContain('OK: 7 files against the root SHA256SUMS; 10 entries of the export and its SHA-256 match.')
    expect(good.stdout).toContain('OK means the bundle is consistent with itself and with the export.')

    // One byte in the last central directory record: the export still opens, its SHA-256 differs.
    const bytes = readFileSync(copy)
    bytes[bytes.length - 30] = bytes[bytes.length - 30]! ^ 0x01
    writeFileSync(copy, bytes)
    const bad = await cli('verify', out, '--against', copy)
    expect(bad.code, bad.stdout + bad.stderr).toBe(3)
    expect(bad.stdout).toMatch(/^DIFFERS: /)
    expect(bad.stdout).toContain(`  archive-hash  copy.zip: The export's SHA-256 is not the one the manifest records`)
    expect(bad.stdout).toContain(`    expected ${sha256(readFileSync(archive))}\n    found    ${sha256(bytes)}`)
  })

  it('exits 2 when the bundle cannot be opened', async () => {
    const r = await cli('verify', join(dir, 'nope.zip'))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/nope\.zip does not exist/)
  })
})
