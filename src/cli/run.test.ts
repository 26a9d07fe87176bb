import { createHash } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pkg from '../../package.json'
import { scanReportErrors } from '../../test/helpers/scan-report-schema'
import { runCli } from './run'
import { writeZip } from '../../test/helpers/write-zip'

const cli = async (...argv: string[]) => {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(argv, { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {} })
  return { code, stdout: out.join(''), stderr: err.join('') }
}
const lines = (text: string) => text.trimEnd().split('\n')

let dir: string
let zip: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exportscope-cli-'))
  zip = join(dir, 'amazon export.zip')
  await writeZip(zip, {
    'README.txt': 'Your data',
    'Alexa/Alexa.VoiceHistory.csv': 'Timestamp,Device Name\n',
    'Alexa/Audio/0001.wav': Buffer.alloc(2000, 1),
    'Alexa/Audio/0002.wav': Buffer.alloc(3000, 2),
    'Alexa/Transcripts.pdf': '%PDF-1.4'
  })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('exportscope --help and --version', () => {
  it('prints usage with the scan command and its flags', async () => {
    const r = await cli('--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/exportscope scan <archive\|folder\|any-part> \[--json\] \[--no-hash\]/)
    expect(r.stderr).toBe('')
  })
  it('prints the package version alone', async () => {
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })
  it('refuses an unknown command with exit 2 and one line', async () => {
    const r = await cli('bundle', 'x')
    expect(r.code).toBe(2)
    expect(lines(r.stderr)).toHaveLength(1)
    expect(r.stdout).toBe('')
  })
})

describe('exportscope scan', () => {
  const sha256 = () => createHash('sha256').update(readFileSync(zip)).digest('hex')

  it('prints a summary a person can read', async () => {
    const r = await cli('scan', zip)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Format    zip')
    expect(r.stdout).toContain('Entries   5 files')
    expect(r.stdout).toContain('Audio     2 files')
    expect(r.stdout).toContain(`SHA-256   ${sha256()}`)
    expect(r.stdout).toContain('Problems  none')
    expect(r.stderr).toMatch(/^exportscope: listed 5 entries/)
  })

  it('prints only the report with --json, valid against exportscope.scan/1', async () => {
    const r = await cli('scan', zip, '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(scanReportErrors(report)).toEqual([])
    expect(report.archive).toMatchObject({ path: zip, format: 'zip', entries: 5, bytes: statSync(zip).size, sha256: sha256() })
    expect(report.recordings.map((x: { audioPath: string }) => x.audioPath).sort()).toEqual(['Alexa/Audio/0001.wav', 'Alexa/Audio/0002.wav'])
    expect(report.summary).toMatchObject({ recordings: 2, audioFilesWithoutMetadata: 2, foreign: 0 })
    expect(Object.keys(report.timings)).toEqual(expect.arrayContaining(['open', 'hash', 'total']))
  })

  it('leaves out the hash with --no-hash', async () => {
    const json = await cli('scan', '--no-hash', '--json', zip)
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report.archive.sha256).toBeNull()
    expect(report.timings.hash).toBeUndefined()
    expect(scanReportErrors(report)).toEqual([])
    expect((await cli('scan', zip, '--no-hash')).stdout).toContain('SHA-256   not computed (--no-hash)')
  })

  it('leaves the archive’s bytes and modification time as they were', async () => {
    const before = { sha: sha256(), mtime: statSync(zip).mtimeMs }
    await cli('scan', zip)
    expect({ sha: sha256(), mtime: statSync(zip).mtimeMs }).toEqual(before)
  })

  it('reads an unpacked folder, which has no hash', async () => {
    const folder = join(dir, 'unpacked')
    mkdirSync(join(folder, 'Audio'), { recursive: true })
    writeFileSync(join(folder, 'Audio', 'a.mp3'), Buffer.alloc(100))
    writeFileSync(join(folder, 'README.txt'), 'hi')
    const r = await cli('scan', folder, '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.archive).toMatchObject({ format: 'folder', entries: 2, sha256: null })
    expect(report.recordings.map((x: { audioPath: string }) => x.audioPath)).toEqual(['Audio/a.mp3'])
    expect(scanReportErrors(report)).toEqual([])
  })

  it('reads a multipart export from any one part, with each part hashed', async () => {
    const parts = join(dir, 'takeout')
    mkdirSync(parts)
    await writeZip(join(parts, 'takeout-20240102T030405Z-001.zip'), { 'Takeout/My Activity/Assistant/2024-01-02_03_04_05_000_UTC.mp3': Buffer.alloc(500, 3) })
    await writeZip(join(parts, 'takeout-20240102T030405Z-002.zip'), { 'Takeout/My Activity/Assistant/MyActivity.json': '[]' })
    const r = await cli('scan', join(parts, 'takeout-20240102T030405Z-002.zip'), '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(scanReportErrors(report)).toEqual([])
    expect(report.archive.format).toBe('multipart-zip')
    expect(report.archive.parts.map((p: { sha256: string }) => p.sha256)).toEqual(expect.arrayContaining([expect.stringMatching(/^[0-9a-f]{64}$/)]))
    expect(report.archive.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(report.recordings).toMatchObject([{ audioPath: 'Takeout/My Activity/Assistant/2024-01-02_03_04_05_000_UTC.mp3', part: 'takeout-20240102T030405Z-001.zip' }])
  })

  it('lists the audio inside a nested ZIP by its outer!/inner path', async () => {
    const inner = join(dir, 'inner.zip')
    await writeZip(inner, { 'Audio/0001.wav': Buffer.alloc(800, 4) })
    const outer = join(dir, 'nested.zip')
    await writeZip(outer, { 'Alexa.zip': readFileSync(inner), 'README.txt': 'x' })
    const report = JSON.parse((await cli('scan', outer, '--json', '--no-hash')).stdout)
    expect(report.recordings.map((x: { audioPath: string }) => x.audioPath)).toEqual(['Alexa.zip!/Audio/0001.wav'])
  })

  it('reads what it can of a damaged archive, exit 0 with the problem listed', async () => {
    const whole = readFileSync(zip)
    const cut = join(dir, 'cut.zip')
    writeFileSync(cut, whole.subarray(0, whole.length - 120))
    const r = await cli('scan', cut)
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/Problems  [1-9]/)
    expect(r.stdout).toMatch(/\n  \S.*: [A-Z].*\.\n/)
    const report = JSON.parse((await cli('scan', cut, '--json', '--no-hash')).stdout)
    expect(scanReportErrors(report)).toEqual([])
    expect(report.problems.length).toBeGreaterThan(0)
  })

  it('stops with exit 130 when cancelled', async () => {
    const err: string[] = []
    const code = await runCli(['scan', zip], { stdout: { write: () => true }, stderr: { write: (s: string) => err.push(s) }, env: {}, signal: AbortSignal.abort() })
    expect(code).toBe(130)
    expect(err.join('')).toBe('exportscope: cancelled.\n')
  })

  it('exits 2 with one line naming the file when it does not exist', async () => {
    const r = await cli('scan', join(dir, 'missing-export.zip'), '--json')
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toHaveLength(1)
    expect(r.stderr).toMatch(/^exportscope: .*missing-export\.zip/)
  })

  it('exits 2 with one line when the file is not an archive', async () => {
    const notes = join(dir, 'notes.zip')
    writeFileSync(notes, 'These are my notes, not an archive.\n'.repeat(50))
    const r = await cli('scan', notes)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(lines(r.stderr)).toHaveLength(1)
    expect(r.stderr).toMatch(/notes\.zip/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })
})
