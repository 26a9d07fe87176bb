import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { zipLayout } from '../../../../test/fixtures/archives'
import { STRANGER } from '../../generate/people'
import { generateExport, type Truth } from '../../generate'
import { buildManifest, type BuiltManifest } from './manifest'
import { loadEvidence, type LoadedEvidence } from './load'
import { verifyBundle } from './verify'
import { writeBundle, type WrittenBundle } from './write'

const clips = { sampleRate: 8000, maxSeconds: 0.2 }
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const dir = mkdtempSync(join(tmpdir(), 'exportscope-bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Every file of a ZIP with its bytes, read by jszip: a reader independent of our archive engine. */
async function zipFiles(path: string): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(readFileSync(path))
  const out = new Map<string, Buffer>()
  for (const f of Object.values(zip.files)) if (!f.dir) out.set(f.name, await f.async('nodebuffer'))
  return out
}

/** Flips one byte inside the stored data of `entryPath`, found through its local header. */
function flipByteOf(zipPath: string, entryPath: string): void {
  const buf = readFileSync(zipPath)
  const name = Buffer.from(entryPath)
  let at = buf.indexOf(name)
  while (at >= 0 && buf.readUInt32LE(at - 30) !== 0x04034b50) at = buf.indexOf(name, at + 1)
  if (at < 0) throw new Error(`no local header for ${entryPath}`)
  const dataStart = at + name.length + buf.readUInt16LE(at - 30 + 28)
  buf[dataStart + 20] = buf[dataStart + 20]! ^ 0xff
  writeFileSync(zipPath, buf)
}

describe('the evidence bundle of the seed case (all recordings a stranger’s, no registered device)', () => {
  let path = ''
  let truth: Truth
  let loaded: LoadedEvidence
  let built: BuiltManifest
  let bundle: WrittenBundle
  let files: Map<string, Buffer>

  beforeAll(async () => {
    const made = await generateExport({ provider: 'amazon', own: 0, foreign: 60, kind: 'seed', seed: 'bundle', clips }, join(dir, 'seed.zip'))
    path = made.paths[0]!
    truth = made.truth
    loaded = await loadEvidence(path)
    built = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts, findings: loaded.analysis.findings })
    const custody = [{ time: '2026-01-01T00:00:00.000Z', tool: 'Exportscope test', action: 'opened' as const, detail: 'seed.zip' }]
    bundle = await writeBundle({ manifest: built, custodyLog: custody, letters: async (root) => [{ name: 'letter-controller.txt', bytes: Buffer.from(`Root SHA256SUMS SHA-256 ${root.sha256}\n`) }], out: join(dir, 'out', 'bundle.zip') })
    files = await zipFiles(bundle.path)
  }, 120_000)
  afterAll(() => loaded?.archive.close())

  it('says nothing of unzip failing when the export is whole', () => {
    expect(files.get('README.md')!.toString()).not.toContain('Where unzip cannot follow')
  })

  it('lists exactly the foreign entries, each with the SHA-256 of its bytes', async () => {
    const foreign = truth.recordings.filter((r) => r.foreign && r.audioPath).map((r) => r.audioPath!)
    expect(foreign.length).toBeGreaterThan(50)
    expect(built.manifest.entries.map((e) => e.path).sort()).toEqual([...foreign].sort())
    const original = await zipFiles(path)
    for (const e of built.manifest.entries) {
      expect(e.sha256, e.path).toBe(sha256(original.get(e.path)!))
      expect(e.size).toBe(original.get(e.path)!.length)
      expect(e.crc32).toMatch(/^[0-9a-f]{8}$/)
      expect(e.reasons).toContain('unregistered-device')
      expect(e.timeUtc).toMatch(/Z$/)
      expect(e.archiveTimeLocal).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/)
    }
    expect(built.manifest.archive.sha256).toBe(sha256(readFileSync(path)))
    expect(built.manifest.summary).toMatchObject({ recordings: 60, audioEntries: 60, includedByMark: 0, excludedByMark: 0 })
    // The transcript PDF holds their rows: listed apart, with its own hash.
    expect(built.manifest.sources.map((s) => [s.path, s.rows, s.sha256])).toEqual([['Alexa Transcripts.pdf', 60, sha256(original.get('Alexa Transcripts.pdf')!)]])
  })

  it('writes manifest.json whose SHA-256 is the one returned for the letters, and a CSV with a row per entry', () => {
    expect(sha256(files.get('manifest.json')!)).toBe(built.sha256)
    expect(bundle.manifestSha256).toBe(built.sha256)
    expect(files.get('manifest.sha256')!.toString()).toBe(`${built.sha256}  manifest.json\n`)
    expect(files.get('archive.sha256')!.toString()).toBe(`${sha256(readFileSync(path))}  seed.zip\n`)
    const csv = files.get('manifest.csv')!.toString().trimEnd().split('\r\n')
    expect(csv[0]).toMatch(/^"role","path","part","size","compressed_size","method","crc32","sha256","archive_time_local","time_utc",/)
    expect(csv.filter((l) => l.startsWith('"audio",'))).toHaveLength(60)
    expect(csv.some((l) => l.startsWith('"metadata","Alexa Transcripts.pdf",'))).toBe(true)
  })

  it('holds no audio and no full transcript, only five redacted excerpts', () => {
    const names = [...files.keys()].sort()
    expect(names).toEqual(['README.md', 'SHA256SUMS', 'archive.sha256', 'custody-log.jsonl', 'excerpts.txt', 'letters/letter-controller.txt', 'manifest.csv', 'manifest.json', 'manifest.sha256'])
    for (const [, bytes] of files) {
      expect(bytes.subarray(0, 4).toString('latin1')).not.toBe('RIFF')
      expect(bytes.includes(Buffer.from('%PDF'))).toBe(false)
    }
    const excerpts = files.get('excerpts.txt')!.toString()
    expect(excerpts).toContain('5 of 60 flagged transcripts')
    expect(excerpts.match(/^\d+\. /gm)).toHaveLength(5)
    for (const word of [STRANGER.firstName, STRANGER.lastName, STRANGER.partner, ...STRANGER.friends, STRANGER.home, STRANGER.work]) expect(excerpts).not.toContain(word)
  })

  it('ends the custody log with its own line naming the manifest hash, and says how to verify in the README', () => {
    const log = files.get('custody-log.jsonl')!.toString().trimEnd().split('\n').map((l) => JSON.parse(l))
    expect(log).toHaveLength(2)
    expect(log[1]).toMatchObject({ action: 'exported' })
    expect(log[1].detail).toContain(built.sha256)
    expect(log[1].detail).toContain(`excerpts.txt SHA-256 ${sha256(files.get('excerpts.txt')!)}`)
    const readme = files.get('README.md')!.toString()
    expect(readme).toContain(built.sha256)
    expect(readme).toContain('exportscope verify')
    expect(readme).toContain('sha256sum -c SHA256SUMS')
    expect(readme).toContain('No audio and no full transcript')
    expect(readme).not.toContain('WARNING')
  })

  it('is owner-only, and SHA256SUMS checks out with sha256sum itself', () => {
    expect(statSync(bundle.path).mode & 0o777).toBe(0o600)
    expect(sha256(readFileSync(bundle.path))).toBe(bundle.sha256)
    const unpacked = join(dir, 'unpacked')
    const unzip = spawnSync('unzip', ['-q', bundle.path, '-d', unpacked])
    if (unzip.error) return // no unzip on this machine: the jszip reading above covers the content
    const check = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: unpacked, encoding: 'utf8' })
    expect(check.status, check.stdout + check.stderr).toBe(0)
    // The root lists every file but itself and the letter (which cites it).
    expect(check.stdout.trim().split('\n')).toHaveLength(files.size - 2)
  })

  it('verifies against the export, and fails once one byte of a listed entry is changed', async () => {
    const copy = join(dir, 'copy', 'seed.zip')
    mkdirSync(join(dir, 'copy'))
    copyFileSync(path, copy)
    const good = await verifyBundle(bundle.path, { against: copy })
    expect(good.differences).toEqual([])
    expect(good).toMatchObject({ ok: true, rootSha256: bundle.rootSha256, letters: [{ name: 'letters/letter-controller.txt', citesRoot: true }], checked: { files: files.size - 2, entries: 61, archive: true } })

    const victim = built.manifest.entries[7]!.path
    flipByteOf(copy, victim)
    const bad = await verifyBundle(bundle.path, { against: copy })
    expect(bad.ok).toBe(false)
    // The stored CRC-32 no longer matches, so the read itself fails: the entry is named, the export's hash differs.
    expect(bad.differences.map((d) => `${d.kind} ${d.where}`).sort()).toEqual([`archive-hash seed.zip`, `entry-unreadable ${victim}`])
    expect(bad.differences.find((d) => d.kind === 'archive-hash')).toMatchObject({ expected: built.manifest.archive.sha256, actual: sha256(readFileSync(copy)) })
  })

  it('notices a bundle whose manifest was edited', async () => {
    const zip = await JSZip.loadAsync(readFileSync(bundle.path))
    const text = (await zip.file('manifest.json')!.async('string')).replace(built.manifest.entries[0]!.sha256, '0'.repeat(64))
    zip.file('manifest.json', text)
    const tampered = join(dir, 'tampered.zip')
    writeFileSync(tampered, await zip.generateAsync({ type: 'nodebuffer' }))
    const r = await verifyBundle(tampered)
    expect(r.ok).toBe(false)
    // manifest.csv, left alone, still holds the value the manifest had: the edit shows in it too.
    expect(r.differences.map((d) => `${d.kind} ${d.where}`).sort()).toEqual(['file-hash manifest.json', 'manifest-csv manifest.csv', 'manifest-hash manifest.json'])
    expect(r.differences.find((d) => d.kind === 'manifest-csv')).toMatchObject({ line: 2, column: 'sha256', expected: '0'.repeat(64), actual: built.manifest.entries[0]!.sha256 })
  })

  it('redacts names, e-mail addresses, phone numbers and serials planted in the export’s transcripts', async () => {
    const planted = { names: ['Thomas', 'Krüger'], emails: ['tkrueger.mail@example.net'], phones: ['0341 9876543', '+49 170 1234567'], serials: ['G090ABCD1234EFGH', STRANGER.customerId] }
    const extra = ` ruf Thomas Krüger an unter 0341 9876543 oder +49 170 1234567, Mail tkrueger.mail@example.net, Gerät G090ABCD1234EFGH, Kunde ${STRANGER.customerId}`
    const recordings = loaded.reading.recordings.map((r, i) => (i < 5 ? { ...r, transcript: `${r.transcript}${extra}` } : r))
    const devices = loaded.reading.devices.map((d) => ({ ...d, name: `Thomas's ${d.name}` }))
    const withPii = await buildManifest({ archive: loaded.archive, reading: { ...loaded.reading, recordings, devices }, verdicts: loaded.analysis.recordingVerdicts, partHashes: [built.manifest.archive.sha256!] })
    expect(new Set(withPii.manifest.entries.map((e) => e.device?.name))).toEqual(new Set(['[name]\'s Echo Küche', '[name]\'s Echo Wohnzimmer']))
    expect(withPii.json.toString()).not.toContain('Thomas')
    const out = await writeBundle({ manifest: withPii, custodyLog: [], out: join(dir, 'planted.zip') })
    const excerpts = (await zipFiles(out.path)).get('excerpts.txt')!.toString()
    // The quoted lines only: the header names the markers once.
    const quoted = excerpts.split('\n').filter((l) => l.startsWith('   ')).join('\n')
    expect(quoted.match(/\[name\]/g)!.length).toBeGreaterThanOrEqual(10)
    for (const word of [...planted.names, ...planted.emails, ...planted.phones, ...planted.serials, STRANGER.partner, ...STRANGER.friends, STRANGER.home, STRANGER.work]) expect(excerpts).not.toContain(word)
    expect(quoted.match(/\[e-mail\]/g)).toHaveLength(5)
    expect(quoted.match(/\[phone\]/g)).toHaveLength(10)
    expect(quoted.match(/\[id\]/g)).toHaveLength(10)
  })

  it('leaves nothing behind when cancelled while writing', async () => {
    const outDir = join(dir, 'cancelled')
    const controller = new AbortController()
    const writing = writeBundle({ manifest: built, custodyLog: [], sealedOriginals: true, out: join(outDir, 'b.zip'), signal: controller.signal, onProgress: (p) => p.percent > 10 && controller.abort() })
    await expect(writing).rejects.toThrow(/abort/i)
    expect(readdirSync(outDir)).toEqual([])
  })

  it('adds the originals under sealed/ only when asked, with a warning, and they verify', async () => {
    const sealed = await writeBundle({ manifest: built, custodyLog: [], sealedOriginals: true, excerpts: 0, out: join(dir, 'sealed.zip') })
    const got = await zipFiles(sealed.path)
    const originals = [...got.keys()].filter((n) => n.startsWith('sealed/'))
    expect(originals).toHaveLength(60)
    for (const e of built.manifest.entries) expect(sha256(got.get(`sealed/${e.path}`)!)).toBe(e.sha256)
    expect(got.get('README.md')!.toString()).toMatch(/^## WARNING: this bundle contains sealed originals$/m)
    expect(JSON.parse(got.get('custody-log.jsonl')!.toString()).detail).toContain('sealed originals: yes')
    expect((await verifyBundle(sealed.path, { against: path })).differences).toEqual([])
  })
})

describe('an unpacked folder', () => {
  it('lists and verifies its files, with no archive hash to check', async () => {
    const made = await generateExport({ provider: 'amazon', own: 5, foreign: 3, kind: 'unregistered-device', layout: 'current', amazon: { nestedAlexa: false }, seed: 'folder', clips }, join(dir, 'folder', 'export.zip'))
    const folder = join(dir, 'folder', 'unpacked')
    if (spawnSync('unzip', ['-q', made.paths[0]!, '-d', folder]).status !== 0) return
    const loaded = await loadEvidence(folder)
    try {
      const built = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts })
      expect(built.manifest.archive).toMatchObject({ format: 'folder', sha256: null, parts: [] })
      expect(built.manifest.entries).toHaveLength(3)
      const out = await writeBundle({ manifest: built, custodyLog: [], out: join(dir, 'folder', 'bundle.zip') })
      expect((await zipFiles(out.path)).has('archive.sha256')).toBe(false)
      const r = await verifyBundle(out.path, { against: folder })
      expect(r.differences).toEqual([])
      expect(r.checked).toMatchObject({ entries: 4, archive: false })
    } finally {
      await loaded.archive.close()
    }
  })
})

describe('a damaged export', () => {
  it('names the flagged entries it cannot read under "unreadable" and lists the rest', async () => {
    const made = await generateExport({ provider: 'amazon', own: 0, foreign: 6, kind: 'seed', seed: 'damaged', clips }, join(dir, 'damaged', 'seed.zip'))
    const path = made.paths[0]!
    const victim = made.truth.recordings.find((r) => r.audioPath)!.audioPath!
    flipByteOf(path, victim)
    const loaded = await loadEvidence(path)
    try {
      const built = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts })
      expect(built.manifest.entries.map((e) => e.path)).not.toContain(victim)
      expect(built.manifest.entries).toHaveLength(5)
      expect(built.manifest.unreadable).toEqual([expect.objectContaining({ path: victim, error: expect.stringMatching(/CRC-32/) })])
      expect(built.csv.toString()).toContain(`\r\n"unreadable","${victim}",`)
    } finally {
      await loaded.archive.close()
    }
  })
})

describe('an export cut off before its table of contents (an interrupted download)', () => {
  it('is bundled from the recovered entries, and the README says unzip cannot check it and what can', async () => {
    const made = await generateExport({ provider: 'amazon', own: 0, foreign: 4, kind: 'seed', seed: 'cut', clips }, join(dir, 'cut', 'seed.zip'))
    const path = made.paths[0]!
    const whole = readFileSync(path)
    writeFileSync(path, whole.subarray(0, zipLayout(whole).centralStart))
    const loaded = await loadEvidence(path)
    try {
      const built = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts })
      expect(built.manifest.entries).toHaveLength(4)
      const written = await writeBundle({ manifest: built, custodyLog: [], out: join(dir, 'cut', 'bundle.zip') })
      const readme = (await zipFiles(written.path)).get('README.md')!.toString()
      expect(readme).toContain('Where unzip cannot follow: the export seed.zip has a missing or damaged table of contents')
      expect(readme).toContain('`exportscope verify --against` reads it the same way.')
      expect((await verifyBundle(written.path, { against: path })).ok).toBe(true)
    } finally {
      await loaded.archive.close()
    }
  })
})

describe('the person’s marks decide over the detector', () => {
  it("includes an own recording marked 'not mine' and leaves out a foreign one marked 'mine'", async () => {
    const made = await generateExport({ provider: 'amazon', own: 12, foreign: 5, kind: 'unregistered-device', seed: 'marks', clips }, join(dir, 'marks.zip'))
    const loaded = await loadEvidence(made.paths[0]!)
    try {
      const { recordings } = loaded.reading
      const verdictOf = (id: string) => loaded.analysis.recordingVerdicts.get(id)?.verdict
      const foreign = recordings.filter((r) => verdictOf(r.id) === 'foreign')
      const own = recordings.filter((r) => verdictOf(r.id) === 'own')
      expect(foreign).toHaveLength(5)
      const time = '2026-01-01T00:00:00.000Z'
      const marks = { [foreign[0]!.id]: { mark: 'mine' as const, note: null, time }, [own[0]!.id]: { mark: 'not-mine' as const, note: 'not my voice', time }, [foreign[1]!.id]: { mark: 'unsure' as const, note: null, time } }
      const built = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts, marks })
      const paths = built.manifest.entries.map((e) => e.path)
      expect(paths).toHaveLength(5)
      expect(paths).not.toContain(foreign[0]!.audio!.path)
      expect(paths).toContain(foreign[1]!.audio!.path)
      const added = built.manifest.entries.find((e) => e.path === own[0]!.audio!.path)
      expect(added).toMatchObject({ verdict: 'own', mark: 'not-mine', note: 'not my voice' })
      expect(built.manifest.summary).toMatchObject({ includedByMark: 1, excludedByMark: 1 })
    } finally {
      await loaded.archive.close()
    }
  })
})

describe('bundles of nested and multipart exports', () => {
  it.each([
    ['Amazon today: audio inside a nested Alexa.zip', { provider: 'amazon' as const, own: 8, foreign: 4, kind: 'unregistered-device' as const, seed: 'nested', clips }, 'nested.zip'],
    ['Google Takeout in two parts, with a second account', { provider: 'google' as const, own: 8, foreign: 4, kind: 'second-account' as const, seed: 'parts', google: { parts: 2 }, clips }, 'takeout-20240101T000000Z-001.zip']
  ])('%s: lists the entries as the scan report names them and verifies against any part', async (_, options, name) => {
    const made = await generateExport(options, join(dir, 'more', name))
    const loaded = await loadEvidence(made.paths[0]!)
    try {
      const built = await buildManifest({ archive: loaded.archive, reading: loaded.reading, verdicts: loaded.analysis.recordingVerdicts })
      const foreign = made.truth.recordings.filter((r) => r.foreign && r.audioPath)
      expect(built.manifest.entries.map((e) => [e.part, e.path]).sort()).toEqual(foreign.map((r) => [r.part, r.audioPath]).sort())
      const parts = made.paths.map((p) => ({ name: p.split('/').pop(), sha256: sha256(readFileSync(p)) }))
      expect(built.manifest.archive.parts.map((p) => ({ name: p.name, sha256: p.sha256 }))).toEqual(parts)
      if (parts.length > 1) expect(built.manifest.archive.sha256).toBe(sha256(Buffer.from(parts.map((p) => `${p.sha256}\n`).join(''))))
      else expect(built.manifest.entries.every((e) => e.path.includes('.zip!/'))).toBe(true)
      const out = await writeBundle({ manifest: built, custodyLog: [], out: join(dir, 'more', `${name}.bundle.zip`) })
      expect((await zipFiles(out.path)).get('archive.sha256')!.toString()).toBe(parts.map((p) => `${p.sha256}  ${p.name}\n`).join(''))
      const r = await verifyBundle(out.path, { against: made.paths.at(-1)! })
      expect(r.differences).toEqual([])
      expect(r.checked.entries).toBe(built.manifest.entries.length + built.manifest.sources.length)
      // Sealed originals of nested entries sit in plain folders: 'Alexa.zip!/x.wav' → 'sealed/Alexa.zip/x.wav'.
      const sealed = await writeBundle({ manifest: built, custodyLog: [], sealedOriginals: true, out: join(dir, 'more', `${name}.sealed.zip`) })
      const names = [...(await zipFiles(sealed.path)).keys()].filter((n) => n.startsWith('sealed/'))
      expect(names).toHaveLength(built.manifest.entries.length)
      expect(names.every((n) => !n.includes('!'))).toBe(true)
      expect((await verifyBundle(sealed.path)).differences).toEqual([])
    } finally {
      await loaded.archive.close()
    }
  })
})
