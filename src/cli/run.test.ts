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

const VOICE_HISTORY_HEADER = 'Timestamp,Device Name,Device Serial Number,Utterance,Audio File'
let dir: string
let zip: string
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'exportscope-cli-'))
  zip = join(dir, 'amazon export.zip')
  await writeZip(zip, {
    'README.txt': 'Your data',
    'Alexa/Alexa.VoiceHistory.csv': `${VOICE_HISTORY_HEADER}\n2018-12-01T09:00:00Z,Küche,G0KITCHEN,wie spät ist es,0001.wav\n2018-12-01T09:05:30Z,Küche,G0KITCHEN,stopp,0002.wav\n`,
    'Alexa/Audio/0001.wav': Buffer.alloc(2000, 1),
    'Alexa/Audio/0002.wav': Buffer.alloc(3000, 2),
    'Devices.Registration/registration.csv': 'DeviceSerialNumber,DeviceName\nG0DOT,Annas Echo Dot\n'
  })
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('exportscope --help and --version', () => {
  it('prints usage with the scan command and its flags', async () => {
    const r = await cli('--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/exportscope scan <archive\|folder\|any-part> \[--json\] \[--no-hash\] \[--mapping <file\.json>\]/)
    expect(r.stdout).toContain('"schema": "exportscope.mapping/1"')
    expect(r.stderr).toBe('')
  })
  it('prints the package version alone', async () => {
    expect(await cli('--version')).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' })
  })
  it('refuses an unknown command with exit 2 and one line', async () => {
    const r = await cli('frobnicate', 'x')
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
    expect(r.stdout).toContain('Format      zip\n')
    expect(r.stdout).toContain('Entries     5 files\n')
    expect(r.stdout).toContain(`SHA-256     ${sha256()}\n`)
    expect(r.stdout).toContain('Providers   Amazon Alexa: Alexa voice history: Alexa/Alexa.VoiceHistory.csv\n')
    expect(r.stdout).toContain('Recordings  2 (2 with a transcript; 2 foreign)\n')
    expect(r.stdout).toContain("Findings    1\n  strong: Device 'Küche' (serial G0KITCHEN) is not the one device registered to this account; 2 recordings came from it on 1 Dec 2018.\n")
    expect(r.stdout).toContain('Devices     2 (1 registered to the account)\n')
    expect(r.stdout).toMatch(/\n  Küche +G0KITCHEN +NO +2  2018-12-01 09:00 – 2018-12-01 09:05\n/)
    expect(r.stdout).toMatch(/\n  Annas Echo Dot +G0DOT +yes +0  -\n/)
    expect(r.stdout).toContain('Problems    none\n')
    expect(r.stderr).toMatch(/^exportscope: listed 5 entries/)
    expect(r.stderr).toMatch(/\nexportscope: read 2 recordings and 2 devices with Amazon Alexa in [\d.]+ s\n/)
  })

  it('prints only the report with --json, valid against exportscope.scan/1', async () => {
    const r = await cli('scan', zip, '--json')
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(scanReportErrors(report)).toEqual([])
    expect(report.archive).toMatchObject({ path: zip, format: 'zip', entries: 5, bytes: statSync(zip).size, sha256: sha256() })
    expect(report.providers).toMatchObject([{ id: 'amazon-alexa', name: 'Amazon Alexa' }])
    const kitchen = report.devices.find((d: { serial: string }) => d.serial === 'G0KITCHEN')
    // Its serial is not in registration.csv: the analysis calls the device and its recordings foreign.
    expect(kitchen).toMatchObject({ name: 'Küche', registered: false, recordings: 2, firstSeen: '2018-12-01T09:00:00.000Z', lastSeen: '2018-12-01T09:05:30.000Z', verdict: 'foreign' })
    expect(report.devices.find((d: { serial: string }) => d.serial === 'G0DOT')).toMatchObject({ registered: true, recordings: 0 })
    expect(report.recordings.map((x: { audioPath: string; transcript: string; deviceId: string; time: string }) => [x.audioPath, x.transcript, x.deviceId, x.time])).toEqual([
      ['Alexa/Audio/0001.wav', 'wie spät ist es', kitchen.id, '2018-12-01T09:00:00.000Z'],
      ['Alexa/Audio/0002.wav', 'stopp', kitchen.id, '2018-12-01T09:05:30.000Z']
    ])
    expect(report.recordings.map((x: { verdict: string; reasons: string[] }) => [x.verdict, x.reasons])).toEqual([
      ['foreign', ['unregistered-device']],
      ['foreign', ['unregistered-device']]
    ])
    expect(report.findings).toEqual([
      {
        rule: 'unregistered-device',
        severity: 'strong',
        message: "Device 'Küche' (serial G0KITCHEN) is not the one device registered to this account; 2 recordings came from it on 1 Dec 2018.",
        recordingIds: report.recordings.map((x: { id: string }) => x.id),
        deviceIds: [kitchen.id]
      }
    ])
    expect(report.summary).toMatchObject({ recordings: 2, devices: 2, audioFilesWithoutMetadata: 0, metadataWithoutAudio: 0, foreign: 2, suspect: 0, foreignDevices: 1 })
    expect(report.problems).toEqual([])
    expect(Object.keys(report.timings)).toEqual(expect.arrayContaining(['open', 'read', 'analyze', 'hash', 'total']))
  })

  it('leaves out the hash with --no-hash', async () => {
    const json = await cli('scan', '--no-hash', '--json', zip)
    expect(json.code).toBe(0)
    const report = JSON.parse(json.stdout)
    expect(report.archive.sha256).toBeNull()
    expect(report.timings.hash).toBeUndefined()
    expect(scanReportErrors(report)).toEqual([])
    expect((await cli('scan', zip, '--no-hash')).stdout).toContain('SHA-256     not computed (--no-hash)\n')
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
    expect(r.stdout).toMatch(/\nProblems    [1-9]/)
    expect(r.stdout).toMatch(/\n  \(the archive\): The ZIP ends early, as after an interrupted download or copy: its table of contents .* is missing, so [1-5] entries were recovered by reading the file from the start\.\n/)
    const report = JSON.parse((await cli('scan', cut, '--json', '--no-hash')).stdout)
    expect(scanReportErrors(report)).toEqual([])
    expect(report.problems.length).toBeGreaterThan(0)
  })

  it('reads a voice history with an unknown header once --mapping names its columns', async () => {
    const german = join(dir, 'german.zip')
    await writeZip(german, { 'Alexa/Alexa.VoiceHistory.csv': 'Zeitpunkt;Gerät;Gesagt\n2023-03-01 10:00:00;Küche;hallo\n2023-03-01 10:05:00;Küche;tschüss\n' })
    const unmapped = await cli('scan', german, '--no-hash')
    expect(unmapped.code).toBe(0)
    expect(unmapped.stdout).toContain('Recordings  0\n')
    expect(unmapped.stdout).toContain('  Alexa/Alexa.VoiceHistory.csv: Line 1: voice history with a header we do not know: Zeitpunkt, Gerät, Gesagt.\n')
    expect(unmapped.stdout).toContain('scan again with --mapping <file.json>')

    const mapping = join(dir, 'mapping.json')
    writeFileSync(mapping, JSON.stringify({ schema: 'exportscope.mapping/1', mappings: [{ file: 'Alexa/Alexa.VoiceHistory.csv', columns: { time: 'Zeitpunkt', deviceName: 'Gerät', transcript: 'Gesagt' } }] }))
    const r = await cli('scan', german, '--no-hash', '--json', '--mapping', mapping)
    expect(r.code).toBe(0)
    const report = JSON.parse(r.stdout)
    expect(report.recordings.map((x: { time: string; transcript: string }) => [x.time, x.transcript])).toEqual([
      ['2023-03-01T10:00:00.000Z', 'hallo'],
      ['2023-03-01T10:05:00.000Z', 'tschüss']
    ])
    expect(report.devices).toMatchObject([{ name: 'Küche', registered: false, recordings: 2 }])
    expect(report.problems.map((p: { kind: string }) => p.kind)).not.toContain('unknown-header')
    expect(scanReportErrors(report)).toEqual([])
  })

  it('exits 2 with one line naming a mapping file it cannot use, before reading the export', async () => {
    const notJson = join(dir, 'not-json.json')
    writeFileSync(notJson, '{ "schema": \n')
    const noTime = join(dir, 'no-time.json')
    writeFileSync(noTime, JSON.stringify({ schema: 'exportscope.mapping/1', mappings: [{ signature: 'a|b', columns: { transcript: 'b' } }] }))
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'absent.json'), /absent\.json: The mapping file cannot be read: it does not exist\.$/],
      [dir, /: The mapping file cannot be read: it is a folder\.$/],
      [notJson, /not-json\.json: The mapping file is not JSON: /],
      [noTime, /no-time\.json: The mapping file does not fit exportscope\.mapping\/1: .*a mapping must name the time column$/]
    ]
    for (const [file, message] of cases) {
      const r = await cli('scan', join(dir, 'missing-export.zip'), '--mapping', file)
      expect(r.code, file).toBe(2)
      expect(r.stdout).toBe('')
      expect(lines(r.stderr), file).toHaveLength(1)
      expect(r.stderr.trimEnd()).toMatch(/^exportscope: /)
      expect(r.stderr.trimEnd()).toMatch(message)
    }
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
