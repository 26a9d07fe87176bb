import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ZipFile } from 'yazl'
import { runCli } from '../../../cli/run'
import { openArchive } from '../../archive'
import { generateExport } from '../../generate'
import { buildScanReport } from '../../report/scan-report'
import { scanReportErrors } from '../../../../test/helpers/scan-report-schema'
import { defuseFormulas, manifestCsv } from './csv'
import { loadEvidence, type LoadedEvidence } from './load'
import { buildManifest, manifestJson, type BuiltManifest } from './manifest'
import { bundleReadme } from './readme'
import { verifyBundle } from './verify'
import { manifestCsvDifferences } from './verify-csv'
import { writeBundle, type WrittenBundle } from './write'

/*
 * Issue 16, points 2–6, tried as an attacker would: each test crafts the forged input and checks
 * that verify (or the scan, the CSV, the README) catches it.
 */

const clips = { sampleRate: 8000, maxSeconds: 0.2 }
const sha256 = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex')
const dir = mkdtempSync(join(tmpdir(), 'exportscope-attacks-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

type Files = [string, Buffer][]

/** Every file of a ZIP in its order, read by jszip (a reader apart from our engine). */
async function filesOf(path: string): Promise<Files> {
  const zip = await JSZip.loadAsync(readFileSync(path))
  const out: Files = []
  for (const f of Object.values(zip.files)) if (!f.dir) out.push([f.name, await f.async('nodebuffer')])
  return out
}

/** A ZIP of exactly these entries in this order; yazl writes a second entry of one name as asked. */
function writeEntries(path: string, files: Files): Promise<void> {
  const zip = new ZipFile()
  for (const [name, data] of files) zip.addBuffer(data, name, { mtime: new Date(2026, 0, 1) })
  zip.end()
  return new Promise((resolve, reject) => zip.outputStream.pipe(createWriteStream(path)).on('finish', resolve).on('error', reject))
}

/** The forger's move: change files, then recompute only SHA256SUMS over what the bundle now holds (letters left as they are). */
function resum(files: Files): Files {
  const listed = files.filter(([n]) => n !== 'SHA256SUMS' && !n.startsWith('letters/'))
  const sums = Buffer.from(listed.map(([n, b]) => `${sha256(b)}  ${n}\n`).join(''))
  return files.map(([n, b]) => [n, n === 'SHA256SUMS' ? sums : b])
}

/** The forger's whole move: change files, recompute SHA256SUMS, and rewrite the letters to cite the new root. */
function reroot(files: Files): Files {
  const summed = resum(files)
  const root = sha256(summed.find(([n]) => n === 'SHA256SUMS')![1])
  return summed.map(([n, b]) => [n, n.startsWith('letters/') ? Buffer.from(`SHA-256 of the bundle's root file SHA256SUMS: ${root}\n`) : b])
}

const csvLines = (files: Files) => files.find(([n]) => n === 'manifest.csv')![1].toString().split('\r\n')
const withCsvLines = (files: Files, lines: string[]): Files => files.map(([n, b]) => [n, n === 'manifest.csv' ? Buffer.from(lines.join('\r\n')) : b])

const kinds = (r: { differences: { kind: string; where: string }[] }) => r.differences.map((d) => `${d.kind} ${d.where}`).sort()

let path = ''
let loaded: LoadedEvidence
let built: BuiltManifest
let bundle: WrittenBundle
let original: Files

beforeAll(async () => {
  const made = await generateExport({ provider: 'amazon', own: 4, foreign: 12, kind: 'unregistered-device', seed: 'attacks', layout: 'current', amazon: { nestedAlexa: false }, clips }, join(dir, 'export.zip'))
  path = made.paths[0]!
  loaded = await loadEvidence(path)
  built = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts })
  bundle = await writeBundle({
    manifest: built,
    custodyLog: [{ time: '2026-01-01T00:00:00.000Z', tool: 'Exportscope test', action: 'opened', detail: 'export.zip' }],
    letters: async (root) => [{ name: 'controller-notice.txt', bytes: Buffer.from(`SHA-256 of the bundle's root file SHA256SUMS: ${root.sha256}\n`) }],
    out: join(dir, 'bundle.zip')
  })
  original = await filesOf(bundle.path)
}, 120_000)
afterAll(() => loaded?.archive.close())

describe('point 2: every file of the bundle is anchored by the root the letters cite', () => {
  it('the root lists every file but itself and the letters; the letter cites its SHA-256; verify says so', async () => {
    const root = original.find(([n]) => n === 'SHA256SUMS')![1]
    expect(sha256(root)).toBe(bundle.rootSha256)
    const listed = root.toString().trim().split('\n').map((l) => l.slice(66))
    expect(listed.sort()).toEqual(original.map(([n]) => n).filter((n) => n !== 'SHA256SUMS' && !n.startsWith('letters/')).sort())
    expect(listed).toEqual(expect.arrayContaining(['manifest.json', 'manifest.csv', 'excerpts.txt', 'custody-log.jsonl', 'README.md', 'archive.sha256']))
    const r = await verifyBundle(bundle.path, { expectRoot: bundle.rootSha256 })
    expect(r.differences).toEqual([])
    expect(r).toMatchObject({ ok: true, rootSha256: bundle.rootSha256, letters: [{ name: 'letters/controller-notice.txt', citesRoot: true }] })
  })

  it.each([
    ['a forged line in excerpts.txt', (f: Files): Files => f.map(([n, b]) => [n, n === 'excerpts.txt' ? Buffer.from(`${b}99. 2018-01-01 (UTC)\n   the requester asked for this himself\n`) : b])],
    ['a forged line in the custody log', (f: Files): Files => f.map(([n, b]) => [n, n === 'custody-log.jsonl' ? Buffer.from(`${b}{"time":"2026-01-02T00:00:00.000Z","tool":"x","action":"deleted","detail":"nothing"}\n`) : b])],
    ['a file added under sealed/', (f: Files): Files => [...f, ['sealed/planted.wav', Buffer.from('RIFF planted')]]]
  ])('%s with SHA256SUMS recomputed: the letter inside no longer cites the root, and --root names the change', async (_, forge) => {
    const forged = join(dir, `forged-${sha256(_).slice(0, 8)}.zip`)
    await writeEntries(forged, resum(forge(original)))
    const r = await verifyBundle(forged)
    expect(r.ok).toBe(false)
    expect(kinds(r)).toEqual(['letter-root letters/controller-notice.txt'])
    expect(r.rootSha256).not.toBe(bundle.rootSha256)
    const withRoot = await verifyBundle(forged, { expectRoot: bundle.rootSha256 })
    expect(kinds(withRoot)).toEqual(['letter-root letters/controller-notice.txt', 'root-hash SHA256SUMS'])
    expect(withRoot.differences.find((d) => d.kind === 'root-hash')).toMatchObject({ expected: bundle.rootSha256, actual: r.rootSha256 })

    // A forger who also drops the letters gets a consistent bundle: only the value in the letter already sent tells.
    const noLetters = join(dir, `forged-no-letters-${sha256(_).slice(0, 8)}.zip`)
    await writeEntries(noLetters, resum(forge(original)).filter(([n]) => !n.startsWith('letters/')))
    expect((await verifyBundle(noLetters)).ok).toBe(true)
    expect(kinds(await verifyBundle(noLetters, { expectRoot: bundle.rootSha256 }))).toEqual(['root-hash SHA256SUMS'])
  })

  it('names a file the root does not list, a listed file that is missing, and one that differs (SHA256SUMS left alone)', async () => {
    const forged = join(dir, 'unlisted.zip')
    const files = original.filter(([n]) => n !== 'manifest.csv').map(([n, b]): [string, Buffer] => [n, n === 'README.md' ? Buffer.concat([b, Buffer.from('\nrun this\n')]) : b])
    await writeEntries(forged, [...files, ['sealed/extra.wav', Buffer.from('RIFF')], ['notes.txt', Buffer.from('x')]])
    const r = await verifyBundle(forged)
    expect(kinds(r)).toEqual(['file-hash README.md', 'missing-file manifest.csv', 'unlisted-file notes.txt', 'unlisted-file sealed/extra.wav'])
  })

  it('names a letter that cites another root', async () => {
    const forged = join(dir, 'other-letter.zip')
    await writeEntries(forged, [...original, ['letters/art77-complaint.txt', Buffer.from(`SHA-256 ${'ab'.repeat(32)}\n`)]])
    const r = await verifyBundle(forged)
    expect(kinds(r)).toEqual(['letter-root letters/art77-complaint.txt'])
    expect(r.letters).toEqual([
      { name: 'letters/controller-notice.txt', citesRoot: true },
      { name: 'letters/art77-complaint.txt', citesRoot: false }
    ])
    // A letter as bundles made before the root printed it: citing manifest.json. It fails, and says why.
    const old = join(dir, 'old-letter.zip')
    await writeEntries(old, [...original, ['letters/breach-report.txt', Buffer.from(`Manifest SHA-256 ${built.sha256}\n`)]])
    const o = await verifyBundle(old)
    expect(kinds(o)).toEqual(['letter-root letters/breach-report.txt'])
    expect(o.differences[0]!.message).toContain("It cites manifest.json's SHA-256 instead")
  })
})

describe('point 3: duplicate and mismatched names', () => {
  it('a forged manifest.json placed before the real one fails verify, naming it', async () => {
    const real = original.find(([n]) => n === 'manifest.json')![1]
    const fake = Buffer.from(real.toString().replace(built.manifest.entries[0]!.sha256, '0'.repeat(64)))
    const forged = join(dir, 'two-manifests.zip')
    await writeEntries(forged, [['manifest.json', fake], ...original])
    // unzip shows the forged one: the attack is real.
    const shown = spawnSync('unzip', ['-p', forged, 'manifest.json'])
    if (!shown.error) expect(shown.stdout.toString().startsWith(fake.toString())).toBe(true)
    const r = await verifyBundle(forged)
    expect(r.ok).toBe(false)
    expect(kinds(r)).toContain('duplicate-entry manifest.json')
  })

  it('an export with two Alexa.VoiceHistory.csv: a problem with both offsets in the scan, and the manifest lists and verifies every copy', async () => {
    const files = await filesOf(path)
    const csvName = files.find(([n]) => n.endsWith('Alexa.VoiceHistory.csv'))![0]
    const csv = files.find(([n]) => n === csvName)![1]
    // The decoy copy comes first (what unzip extracts): the header only, none of the flagged rows.
    const decoy = Buffer.from(`${csv.toString().split('\n')[0]}\n`)
    const twice = join(dir, 'two-csv.zip')
    await writeEntries(twice, [[csvName, decoy], ...files])
    const ev = await loadEvidence(twice)
    try {
      const problem = ev.archive.problems.find((p) => p.kind === 'duplicate-name')
      expect(problem).toMatchObject({ path: csvName, offsets: [0, expect.any(Number)] })
      expect(problem!.offsets![1]).toBeGreaterThan(0)
      // The scan report carries it with both offsets, valid against the project's schema.
      const report = buildScanReport({ archive: ev.archive, reading: ev.reading, hashes: null })
      expect(report.problems.find((p) => p.kind === 'duplicate-name')).toMatchObject({ path: csvName, offsets: problem!.offsets })
      expect(scanReportErrors(JSON.parse(JSON.stringify(report)))).toEqual([])
      const twiceBuilt = await buildManifest({ archive: ev.archive, reading: ev.reading, verdicts: ev.analysis.recordingVerdicts })
      const copies = twiceBuilt.manifest.sources.filter((s) => s.path === csvName)
      expect(copies.map((c) => c.offset).sort((a, b) => a! - b!)).toEqual(problem!.offsets)
      expect(new Set(copies.map((c) => c.sha256))).toEqual(new Set([sha256(decoy), sha256(csv)]))
      expect(twiceBuilt.csv.toString().split('\r\n').filter((l) => l.startsWith(`"metadata","${csvName}"`))).toHaveLength(2)
      const out = await writeBundle({ manifest: twiceBuilt, custodyLog: [], out: join(dir, 'two-csv-bundle.zip') })
      expect((await verifyBundle(out.path, { against: twice })).differences).toEqual([])
    } finally {
      await ev.archive.close()
    }
  })

  it('an export with two copies of a flagged recording: both listed with their offsets, both sealed under their own names, and verified', async () => {
    const files = await filesOf(path)
    const victim = built.manifest.entries[0]!.path
    const twice = join(dir, 'two-wav.zip')
    await writeEntries(twice, [[victim, Buffer.from('RIFF decoy')], ...files])
    const ev = await loadEvidence(twice)
    try {
      const m = await buildManifest({ archive: ev.archive, reading: ev.reading, verdicts: ev.analysis.recordingVerdicts })
      const copies = m.manifest.entries.filter((e) => e.path === victim)
      expect(copies.map((c) => c.offset)).toEqual([0, expect.any(Number)])
      expect(copies.map((c) => c.sha256)).toEqual([sha256('RIFF decoy'), built.manifest.entries[0]!.sha256])
      const sealed = await writeBundle({ manifest: m, custodyLog: [], sealedOriginals: true, excerpts: 0, out: join(dir, 'two-wav-sealed.zip') })
      const names = (await filesOf(sealed.path)).map(([n]) => n).filter((n) => n.startsWith(`sealed/${victim}`))
      expect(names).toEqual([`sealed/${victim}`, `sealed/${victim}.copy-at-${copies[1]!.offset}`])
      expect((await verifyBundle(sealed.path, { against: twice })).differences).toEqual([])
    } finally {
      await ev.archive.close()
    }
  })

  it('a local header whose name differs from the central directory’s is a problem, with its offset', async () => {
    const plain = join(dir, 'renamed.zip')
    await writeEntries(plain, [['a.txt', Buffer.from('first')], ['invoice.wav', Buffer.from('second')]])
    const bytes = readFileSync(plain)
    // The first occurrence of the name is the local header's; the central directory's stays.
    const at = bytes.indexOf('invoice.wav')
    bytes.write('malware.exe', at, 'latin1')
    const renamed = join(dir, 'renamed-local.zip')
    writeFileSync(renamed, bytes)
    const opened = await openArchive(renamed)
    try {
      const problem = opened.problems.find((p) => p.kind === 'name-mismatch')
      expect(problem).toMatchObject({ path: 'invoice.wav', offsets: [at - 30] })
      expect(problem!.message).toContain('malware.exe')
      expect(opened.problems.filter((p) => p.kind === 'name-mismatch')).toHaveLength(1)
    } finally {
      await opened.close()
    }
  })

  it('a bundle whose local header names a file otherwise than its central directory fails verify, naming it', async () => {
    const bytes = readFileSync(bundle.path)
    const at = bytes.indexOf('excerpts.txt')
    expect(bytes.readUInt32LE(at - 30)).toBe(0x04034b50)
    bytes.write('excerptz.txt', at, 'latin1')
    const forged = join(dir, 'renamed-bundle.zip')
    writeFileSync(forged, bytes)
    const r = await verifyBundle(forged)
    expect(kinds(r)).toEqual(['name-mismatch excerpts.txt'])
    expect(r.differences[0]!.message).toContain('excerptz.txt')
  })

  it('a bundle that opens only with problems (its central directory cut off) fails verify', async () => {
    const bytes = readFileSync(bundle.path)
    const forged = join(dir, 'cut-bundle.zip')
    writeFileSync(forged, bytes.subarray(0, bytes.length - 40))
    const r = await verifyBundle(forged)
    expect(r.ok).toBe(false)
    expect(r.differences.some((d) => d.kind === 'bundle-damaged')).toBe(true)
  })
})

describe('point 4: the same export and marks give the same manifest', () => {
  it('two runs, a day apart on the clock, give byte-identical manifest.json, and different roots (the custody log dates each export)', async () => {
    const again = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts, partHashes: [built.manifest.archive.sha256!] })
    expect(again.json.equals(built.json)).toBe(true)
    expect(again.sha256).toBe(built.sha256)
    expect(built.manifest.createdFrom).toBe('export')
    expect(built.manifest.createdAt).toBe(loaded.reading.recordings.map((r) => r.time!).sort().at(-1))
    const one = await writeBundle({ manifest: built, custodyLog: [], out: join(dir, 'day1.zip'), now: () => '2026-03-01T10:00:00.000Z' })
    const two = await writeBundle({ manifest: again, custodyLog: [], out: join(dir, 'day2.zip'), now: () => '2026-03-02T10:00:00.000Z' })
    expect(one.manifestSha256).toBe(two.manifestSha256)
    expect(one.rootSha256).not.toBe(two.rootSha256)
    const log = (await filesOf(two.path)).find(([n]) => n === 'custody-log.jsonl')![1].toString()
    expect(JSON.parse(log.trim())).toMatchObject({ time: '2026-03-02T10:00:00.000Z', action: 'exported' })
  })

  it("takes the time of the person's latest mark when there are marks", async () => {
    const id = loaded.reading.recordings[0]!.id
    const marks = { [id]: { mark: 'not-mine' as const, note: null, time: '2026-02-03T04:05:06.000Z' } }
    const a = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts, marks, partHashes: [built.manifest.archive.sha256!] })
    const b = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts, marks: { ...marks }, partHashes: [built.manifest.archive.sha256!] })
    expect(a.manifest).toMatchObject({ createdAt: '2026-02-03T04:05:06.000Z', createdFrom: 'marks' })
    expect(a.json.equals(b.json)).toBe(true)
  })
})

describe('point 5: CSV cells', () => {
  it('quotes every cell and defuses a formula wherever a spreadsheet could start a cell', async () => {
    const evil = "Kitchen;=cmd|'/c calc'!A1"
    const devices = loaded.reading.devices.map((d) => ({ ...d, name: evil }))
    const m = await buildManifest({ archive: loaded.archive, reading: { ...loaded.reading, devices }, verdicts: loaded.analysis.recordingVerdicts, partHashes: [built.manifest.archive.sha256!] })
    const rows = m.csv.toString().trimEnd().split('\r\n')
    // The device name keeps its words (only a person's name in it would go); the formula is defused.
    expect(rows[1]).toContain(`"Kitchen;'=cmd|'/c calc'!A1"`)
    expect(m.csv.toString()).not.toMatch(/(^|[,;\t\n"])\s*[=+\-@]/m)
    // Every cell is quoted: split on '","' and each row starts and ends with a quote.
    for (const row of rows) expect(row).toMatch(/^".*"$/)
    expect(manifestCsv({ ...m.manifest, entries: [], sources: [], unreadable: [] }).toString().split('\r\n')[0]!.startsWith('"role","path"')).toBe(true)
  })

  it.each([
    ['=1+1', "'=1+1"],
    ['a,=b', "a,'=b"],
    ['a;+b', "a;'+b"],
    ['a\t-b', "a\t'-b"],
    ['x\n@SUM(A1)', "x\n'@SUM(A1)"],
    ['  =HYPERLINK("x")', "  '=HYPERLINK(\"x\")"],
    ['\uFF1D1+1', "'\uFF1D1+1"],
    ['Echo-Dot 3 - Küche', 'Echo-Dot 3 - Küche']
  ])('defuses %j', (input, output) => {
    expect(defuseFormulas(input)).toBe(output)
  })

  it('defuses a note of 200,000 tabs and one formula after them at once (a pattern scanned the run again from each tab)', () => {
    const note = `a,${'\t\v'.repeat(100_000)}=1+1`
    expect(defuseFormulas(note)).toBe(`a,${'\t\v'.repeat(100_000)}'=1+1`)
  })
})

describe('manifest.csv says what manifest.json says', () => {
  const cli = async (...argv: string[]) => {
    const out: string[] = []
    const code = await runCli(argv, { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => undefined }, env: {} })
    return { code, stdout: out.join('') }
  }

  it('the untouched bundle, and the forger\'s moves with manifest.csv left as it is, verify', async () => {
    expect((await verifyBundle(bundle.path)).differences).toEqual([])
    const redone = join(dir, 'csv-redone.zip')
    await writeEntries(redone, reroot(original))
    const r = await verifyBundle(redone)
    expect(r.differences).toEqual([])
    expect(r.letters).toEqual([{ name: 'letters/controller-notice.txt', citesRoot: true }])
  })

  it('one audio row\'s sha256 changed, with SHA256SUMS and the letter redone: one difference naming its line and column', async () => {
    const victim = built.manifest.entries[2]!
    const lines = csvLines(original)
    // Line 4: the header, then entries 0 and 1, none spanning lines.
    expect(lines[3]).toContain(`"${victim.sha256}"`)
    const forgedSha = victim.sha256.replace(/^./, (c) => (c === 'f' ? '0' : 'f'))
    lines[3] = lines[3]!.replace(victim.sha256, forgedSha)
    const forged = join(dir, 'csv-sha.zip')
    await writeEntries(forged, reroot(withCsvLines(original, lines)))
    const r = await verifyBundle(forged)
    expect(r.ok).toBe(false)
    expect(r.letters).toEqual([{ name: 'letters/controller-notice.txt', citesRoot: true }])
    expect(r.differences).toEqual([
      { kind: 'manifest-csv', where: 'manifest.csv', line: 4, column: 'sha256', expected: victim.sha256, actual: forgedSha, message: `Line 4 of manifest.csv, column sha256, is not what manifest.json lists for ${victim.path}.` }
    ])
    const printed = await cli('verify', forged)
    expect(printed.code).toBe(3)
    expect(printed.stdout).toContain(`  manifest-csv  manifest.csv: Line 4 of manifest.csv, column sha256, is not what manifest.json lists for ${victim.path}.\n    expected ${victim.sha256}\n    found    ${forgedSha}\n`)
  })

  it('a row dropped: the rows after it and the count differ', async () => {
    const { entries, sources } = built.manifest
    const lines = csvLines(original)
    lines.splice(2, 1)
    const forged = join(dir, 'csv-dropped.zip')
    await writeEntries(forged, reroot(withCsvLines(original, lines)))
    const r = await verifyBundle(forged)
    expect(r.ok).toBe(false)
    expect(new Set(r.differences.map((d) => d.kind))).toEqual(new Set(['manifest-csv']))
    expect(r.differences[0]).toMatchObject({ line: 3, column: 'path', expected: defuseFormulas(entries[1]!.path), actual: defuseFormulas(entries[2]!.path) })
    expect(r.differences.at(-1)).toMatchObject({ expected: String(entries.length + sources.length), actual: String(entries.length + sources.length - 1) })
    expect(r.differences.at(-1)!.message).toContain(`has ${entries.length + sources.length - 1} rows after its header`)
  })

  it('names the line csv-parse cannot read, and a header that is not the one written', () => {
    const lines = csvLines(original)
    const broken = [...lines]
    broken[4] = broken[4]!.replace(/^"audio"/, '"audio"x')
    const unreadable = manifestCsvDifferences(Buffer.from(broken.join('\r\n')), built.manifest)
    expect(unreadable).toEqual([{ kind: 'manifest-csv', where: 'manifest.csv', line: 5, message: expect.stringMatching(/^manifest\.csv cannot be read as CSV from the row starting on line 5 \(csv-parse: Invalid Closing Quote/) }])
    const renamed = [lines[0]!.replace('"sha256"', '"sha-256"'), ...lines.slice(1)]
    expect(manifestCsvDifferences(Buffer.from(renamed.join('\r\n')), built.manifest)).toEqual([expect.objectContaining({ kind: 'manifest-csv', line: 1, expected: expect.stringContaining('sha256') })])
    expect(manifestCsvDifferences(Buffer.alloc(0), built.manifest)).toHaveLength(1)
  })

  it('a forged CSV of many rows is named in at most 20 differences, a count of the rest and the row count', () => {
    const e = built.manifest.entries[0]!
    const many = { ...built.manifest, entries: Array.from({ length: 60 }, (_, i) => ({ ...e, path: `Audio/${i}.wav` })), sources: [], unreadable: [] }
    const lines = manifestCsv({ ...many, entries: many.entries.map((x) => ({ ...x, sha256: '0'.repeat(64) })) }).toString().trimEnd().split('\r\n')
    const extra = Array.from({ length: 5000 }, (_, i) => lines[1]!.replace('Audio/0.wav', `Audio/extra-${i}.wav`))
    const found = manifestCsvDifferences(Buffer.from(`${[...lines, ...extra].join('\r\n')}\r\n`), many)
    expect(found).toHaveLength(22)
    expect(found.slice(0, 20).map((d) => `${d.line} ${d.column} ${d.actual}`)).toEqual(Array.from({ length: 20 }, (_, i) => `${i + 2} sha256 ${'0'.repeat(64)}`))
    expect(found[20]!.message).toBe('…and 40 more rows of manifest.csv differ from manifest.json as well; they are not listed one by one.')
    expect(found[21]).toMatchObject({ line: 62, expected: '60', actual: '5060' })
  })

  it('a note holding a formula, a path with quotes and commas, a note spanning two lines and a lone surrogate verify: the defusing is not taken for a forgery', async () => {
    const { entries } = built.manifest
    const first = entries[0]!
    const tricky = {
      ...built.manifest,
      entries: entries.map((x, i) =>
        i === 0 ? { ...x, path: '-Alexa/"quoted", path;=1+1.wav', note: '=HYPERLINK("http://example.invalid/","open")\r\n@second line', device: { name: '+Kitchen, "big"', serialEnd: '-42' } } : i === 2 ? { ...x, path: 'Alexa/lone-\uD800.wav' } : x
      )
    }
    const json = manifestJson(tricky)
    const written = await writeBundle({ manifest: { ...built, manifest: tricky, json, csv: manifestCsv(tricky), sha256: sha256(json) }, custodyLog: [], letters: async (root) => [{ name: 'controller-notice.txt', bytes: Buffer.from(`SHA-256 of the bundle's root file SHA256SUMS: ${root.sha256}\n`) }], out: join(dir, 'csv-tricky.zip') })
    const files = await filesOf(written.path)
    const lines = csvLines(files)
    // The CSV does hold the defused forms, not the manifest's text.
    expect(lines[1]).toContain(`"'-Alexa/""quoted"", path;'=1+1.wav"`)
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://example.invalid/"",""open"")`)
    expect(lines[2]).toMatch(/^'@second line",/)
    // UTF-8 has no lone surrogate: the CSV holds U+FFFD where the manifest holds one.
    expect(lines[4]).toContain('"Alexa/lone-\uFFFD.wav"')
    expect((await verifyBundle(written.path)).differences).toEqual([])

    // After the note that spans two lines, the next row starts on line 4: spreadsheet row 3.
    const next = entries[1]!
    expect(lines[3]).toContain(`"${next.sha256}"`)
    lines[3] = lines[3]!.replace(next.sha256, first.sha256)
    const forged = join(dir, 'csv-tricky-forged.zip')
    await writeEntries(forged, reroot(withCsvLines(files, lines)))
    expect((await verifyBundle(forged)).differences).toEqual([
      expect.objectContaining({ kind: 'manifest-csv', line: 4, column: 'sha256', expected: next.sha256, actual: first.sha256, message: expect.stringMatching(/^Line 4 \(row 3 in a spreadsheet\) of manifest\.csv/) })
    ])
    // An unreadable row there is named by the line it starts on too (csv-parse itself counts 5).
    lines[3] = lines[3]!.replace(/^"audio"/, '"audio"x')
    expect(manifestCsvDifferences(Buffer.from(lines.join('\r\n')), tricky)).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('line 4 (csv-parse: Invalid Closing Quote') })])
  })
})

describe('point 6: README commands, bounded reads, owner-only folders', () => {
  it('shell-quotes the export’s name in the README so pasting a command runs no other', () => {
    const name = "x'; touch pwned; echo '.zip"
    const readme = bundleReadme({ manifest: { ...built.manifest, archive: { ...built.manifest.archive, name, parts: [{ ...built.manifest.archive.parts[0]!, name }] } }, manifestSha256: built.sha256, archiveName: name, letters: true, excerpts: 5, sealed: false })
    const line = readme.split('\n').find((l) => l.includes('--against'))!.trim()
    const cwd = mkdtempSync(join(dir, 'sh-'))
    // The command as pasted, with the program swapped for printf: the arguments it gets, and nothing run.
    const run = spawnSync('sh', ['-c', line.replace(/^exportscope verify/, "printf '%s\\n'")], { cwd, encoding: 'utf8' })
    expect(run.stdout).toBe(`<this bundle>.zip\n--against\n${name}\n`)
    expect(existsSync(join(cwd, 'pwned'))).toBe(false)
    const unzipLine = readme.split('\n').find((l) => l.includes('unzip -p') && l.includes('<path from the manifest>'))!.trim()
    expect(unzipLine).toContain(`'x'\\''; touch pwned; echo '\\''.zip'`)
    // A name with a line break cannot be quoted safely in a pasted line: a placeholder stands in.
    const broken = bundleReadme({ manifest: built.manifest, manifestSha256: built.sha256, archiveName: 'a\nrm -rf ~\n.zip', letters: false, excerpts: 0, sealed: false })
    expect(broken).not.toContain('rm -rf')
    expect(broken).toContain("--against '<the export>'")
  })

  it('a 577 MB SHA256SUMS is a difference naming it (exit 3), never an internal error', async () => {
    const huge = join(dir, 'huge-sums.zip')
    const zip = new ZipFile()
    for (const [n, b] of original) if (n !== 'SHA256SUMS') zip.addBuffer(b, n)
    const zeros = new PassThrough()
    zip.addReadStream(zeros, 'SHA256SUMS', { compressionLevel: 1 })
    zip.end()
    const done = new Promise<void>((resolve, reject) => zip.outputStream.pipe(createWriteStream(huge)).on('finish', () => resolve()).on('error', reject))
    const chunk = Buffer.alloc(1024 * 1024, 0x30)
    for (let i = 0; i < 577; i++) if (!zeros.write(chunk)) await new Promise<void>((r) => zeros.once('drain', () => r()))
    zeros.end()
    await done
    expect(statSync(huge).size).toBeLessThan(20 * 1024 * 1024)
    const r = await verifyBundle(huge)
    expect(r.ok).toBe(false)
    // Named twice: the archive engine calls its ratio a zip bomb, and verify will not read it whole.
    expect(r.differences.filter((d) => d.where === 'SHA256SUMS').map((d) => d.kind).sort()).toEqual(['bundle-damaged', 'too-large'])
    const out: string[] = []
    const code = await runCli(['verify', huge], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: () => undefined }, env: {} })
    expect(code).toBe(3)
    expect(out.join('')).toMatch(/too-large {2}SHA256SUMS: SHA256SUMS is larger than/)
  }, 60_000)

  it('reads no small file whole past its limit, even when its size is understated', async () => {
    const r = await verifyBundle(bundle.path, { limits: { text: 64 } })
    expect(kinds(r)).toEqual(expect.arrayContaining(['too-large SHA256SUMS']))
    expect(r.rootSha256).toBeNull()
  })

  it('a bundle with random bytes flipped gives a clear result or ArchiveOpenError, never another error', async () => {
    const clean = readFileSync(bundle.path)
    let state = 0x2545f491
    const next = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0)
    let caught = 0
    for (let round = 0; round < 25; round++) {
      const bytes = Buffer.from(clean)
      for (let k = 0; k < 1 + (round % 4); k++) {
        const at = next() % bytes.length
        bytes[at] = bytes[at]! ^ (1 + (next() % 255))
      }
      const flipped = join(dir, `flip-${round}.zip`)
      writeFileSync(flipped, bytes)
      try {
        const r = await verifyBundle(flipped, { expectRoot: bundle.rootSha256 })
        expect(r.ok || r.differences.length > 0).toBe(true)
        if (!r.ok) caught++
      } catch (err) {
        expect((err as Error).name).toBe('ArchiveOpenError')
        caught++
      }
    }
    // Most flips land in compressed data or a header and are caught; one in a DOS time field is not content.
    expect(caught).toBeGreaterThan(15)
  })

  it('writes the bundle into new folders that are the owner’s alone', async () => {
    const out = join(dir, 'new', 'deeper', 'b.zip')
    await writeBundle({ manifest: built, custodyLog: [], out })
    expect(statSync(join(dir, 'new', 'deeper')).mode & 0o777).toBe(0o700)
    expect(statSync(join(dir, 'new')).mode & 0o777).toBe(0o700)
    expect(statSync(out).mode & 0o777).toBe(0o600)
  })
})
