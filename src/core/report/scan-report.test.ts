import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { EntryInfo } from '../../shared/model/archive'
import { device, reading, readProblem, recording } from '../../../test/helpers/reading'
import { scanReportErrors } from '../../../test/helpers/scan-report-schema'
import { combinedSha256 } from '../archive/combined-sha256'
import type { Judgement } from './judgement'
import { writeReportJson } from './report-json'
import { buildScanReport, buildScanReportParts, type ScannedArchive } from './scan-report'

const info = (path: string, kind: EntryInfo['kind'], part: string | null = null): EntryInfo => ({
  path,
  part,
  size: 10,
  compressedSize: 10,
  crc32: 0,
  localTime: '2018-12-01T10:00:00',
  method: 'stored',
  flags: 0,
  encrypted: false,
  unsafePath: false,
  kind
})

const zip = (entries: EntryInfo[], over: Partial<ScannedArchive> = {}): ScannedArchive => ({
  path: '/exports/amazon.zip',
  format: 'zip',
  bytes: 1234,
  parts: [{ path: '/exports/amazon.zip', bytes: 1234 }],
  entries: entries.map((e) => ({ info: e })),
  problems: [],
  ...over
})

const hex = (s: string) => createHash('sha256').update(s).digest('hex')

const archive = zip([
  info('Alexa/', 'other'),
  info('Alexa/Audio/one.wav', 'audio'),
  info('Alexa/Audio/two.mp3', 'audio'),
  info('Alexa/Alexa.VoiceHistory.csv', 'data'),
  info('Devices.Registration.zip!/registration.csv', 'data'),
  info('Nested.zip!/voice/three.opus', 'audio'),
  info('__MACOSX/Alexa/Audio/._one.wav', 'other'),
  info('Alexa/Audio/._two.mp3', 'other')
])

const kitchen = device({ id: 'd-kitchen', name: 'Echo Küche', serial: 'G0SERIAL1', type: 'A3S5BH2HU6VAYF', registered: false, recordings: 2, firstSeen: '2018-05-02T11:48:12.000Z', lastSeen: '2018-06-01T09:00:00.000Z' })
const dot = device({ id: 'd-dot', name: "Anna's Echo Dot", serial: 'G0SERIAL2', registered: true, registeredAt: '2017-01-01T00:00:00.000Z' })
const amazon = reading({
  providers: [
    { id: 'amazon-alexa', name: 'Amazon Alexa', confidence: 0.95, reason: 'Alexa voice history: Alexa/Alexa.VoiceHistory.csv' },
    { id: 'generic-audio', name: 'Audio files', confidence: 0.5, reason: '3 audio files' }
  ],
  account: { ids: ['A3OWNER7Q2K9ZP'], names: ['Anna Berger'], emails: [] },
  accounts: [{ provider: 'amazon-alexa', role: 'owner', ids: ['A3OWNER7Q2K9ZP'], names: ['Anna Berger'], emails: [], source: 'Digital.CustomerAttributes.1.csv' }],
  devices: [kitchen, dot],
  recordings: [
    recording({ id: 'r1', time: '2018-05-02T11:48:12.000Z', deviceId: 'd-kitchen', transcript: 'wie wird das Wetter', language: 'de-DE', durationMs: 2100 }, 'Alexa/Audio/one.wav'),
    recording({ id: 'r2', time: '2018-06-01T09:00:00.000Z', deviceId: 'd-kitchen', transcript: 'stopp', signals: ['audio-missing'] }),
    recording({ id: 'r3', provider: 'generic-audio', archiveTime: '2018-12-01T10:00:00', signals: ['metadata-missing'] }, 'Nested.zip!/voice/three.opus')
  ],
  problems: [
    readProblem({ kind: 'audio-not-found', path: 'Alexa/Alexa.VoiceHistory.csv', line: 3, message: 'line 3: the audio file "x.wav" is not in the export' }),
    readProblem({ kind: 'bad-time', path: 'Alexa/Alexa.VoiceHistory.csv', line: 7, message: 'cannot read the time "gestern"' }),
    readProblem({ kind: 'missing-file', message: 'The export has no registration.csv (Devices.Registration): it lists no device as registered to the account.' })
  ]
})

describe('buildScanReport', () => {
  it('reports what the providers read: providers, account, devices and their counts', () => {
    const report = buildScanReport({ archive, reading: amazon, hashes: null })
    expect(report.providers).toEqual([
      { id: 'amazon-alexa', name: 'Amazon Alexa', confidence: 0.95, reason: 'Alexa voice history: Alexa/Alexa.VoiceHistory.csv' },
      { id: 'generic-audio', name: 'Audio files', confidence: 0.5, reason: '3 audio files' }
    ])
    expect(report.account).toEqual({ ids: ['A3OWNER7Q2K9ZP'], names: ['Anna Berger'], emails: [] })
    expect(report.devices).toEqual([
      { id: 'd-kitchen', provider: 'amazon-alexa', name: 'Echo Küche', serial: 'G0SERIAL1', type: 'A3S5BH2HU6VAYF', registered: false, recordings: 2, firstSeen: '2018-05-02T11:48:12.000Z', lastSeen: '2018-06-01T09:00:00.000Z', verdict: 'own' },
      { id: 'd-dot', provider: 'amazon-alexa', name: "Anna's Echo Dot", serial: 'G0SERIAL2', type: null, registered: true, recordings: 0, firstSeen: null, lastSeen: null, verdict: 'own' }
    ])
    expect(report.findings).toEqual([])
    expect(scanReportErrors(report)).toEqual([])
  })

  it('lists each recording with its audio, time, device and words, and counts what lacks audio or metadata', () => {
    const report = buildScanReport({ archive, reading: amazon, hashes: null })
    expect(report.recordings).toEqual([
      { id: 'r1', provider: 'amazon-alexa', time: '2018-05-02T11:48:12.000Z', deviceId: 'd-kitchen', audioPath: 'Alexa/Audio/one.wav', part: null, archiveTime: null, durationMs: 2100, transcript: 'wie wird das Wetter', language: 'de-DE', verdict: 'own', reasons: [], signals: [] },
      { id: 'r2', provider: 'amazon-alexa', time: '2018-06-01T09:00:00.000Z', deviceId: 'd-kitchen', audioPath: null, part: null, archiveTime: null, durationMs: null, transcript: 'stopp', language: null, verdict: 'own', reasons: [], signals: ['audio-missing'] },
      { id: 'r3', provider: 'generic-audio', time: null, deviceId: null, audioPath: 'Nested.zip!/voice/three.opus', part: null, archiveTime: '2018-12-01T10:00:00', durationMs: null, transcript: null, language: null, verdict: 'own', reasons: [], signals: ['metadata-missing'] }
    ])
    expect(report.summary).toEqual({ recordings: 3, foreign: 0, suspect: 0, devices: 2, foreignDevices: 0, audioFilesWithoutMetadata: 1, metadataWithoutAudio: 1 })
  })

  it('takes every verdict, reason and finding from the judgement it is given', () => {
    const finding = { rule: 'unregistered-device', severity: 'strong' as const, message: 'Echo Küche is not registered to the account.', recordingIds: ['r1', 'r2'], deviceIds: ['d-kitchen'] }
    const judgement: Judgement = {
      recording: (r) => (r.deviceId === 'd-kitchen' ? { verdict: 'foreign', reasons: ['unregistered-device'] } : r.provider === 'generic-audio' ? { verdict: 'suspect', reasons: ['metadata-missing'] } : { verdict: 'own', reasons: [] }),
      device: (d) => (d.registered ? 'own' : 'foreign'),
      findings: [finding]
    }
    const report = buildScanReport({ archive, reading: amazon, hashes: null, judgement })
    expect(report.recordings.map((r) => [r.id, r.verdict, r.reasons])).toEqual([
      ['r1', 'foreign', ['unregistered-device']],
      ['r2', 'foreign', ['unregistered-device']],
      ['r3', 'suspect', ['metadata-missing']]
    ])
    expect(report.devices.map((d) => [d.id, d.verdict])).toEqual([
      ['d-kitchen', 'foreign'],
      ['d-dot', 'own']
    ])
    expect(report.findings).toEqual([finding])
    expect(report.summary).toMatchObject({ foreign: 2, suspect: 1, foreignDevices: 1 })
    expect(scanReportErrors(report)).toEqual([])
  })

  it('reads the answers by place where the judgement has them for this very list, the same report either way', async () => {
    const answers = amazon.recordings.map((r, i) => (i === 1 ? { verdict: 'foreign' as const, reasons: ['unregistered-device'] } : { verdict: 'own' as const, reasons: [] }))
    const asked: string[] = []
    const byCall: Judgement = {
      recording: (r) => (asked.push(r.id), answers[amazon.recordings.indexOf(r)]!),
      device: () => 'own',
      findings: []
    }
    const json = async (judgement: Judgement) => {
      const { report, recordings } = buildScanReportParts({ archive, reading: amazon, hashes: null, judgement })
      const chunks: Buffer[] = []
      await writeReportJson(report, (b) => void chunks.push(Buffer.from(b)), recordings)
      return Buffer.concat(chunks).toString('utf8')
    }
    const expected = await json(byCall)
    expect(asked.length).toBeGreaterThan(0)
    asked.length = 0
    const byPlace: Judgement = { ...byCall, byPlace: (list) => (list === amazon.recordings ? answers : null) }
    expect(await json(byPlace)).toBe(expected)
    expect(asked).toEqual([])
    expect(JSON.parse(expected).summary.foreign).toBe(1)
    // Answers for another list are not taken: each recording is asked for.
    expect(await json({ ...byCall, byPlace: () => null })).toBe(expected)
    expect(asked.length).toBeGreaterThan(0)
  })

  it('puts the archive’s problems first, then the providers’, each a sentence with its line', () => {
    const crc = { kind: 'crc-mismatch', path: 'a.csv', message: 'The entry a.csv does not match its CRC-32.' }
    const report = buildScanReport({ archive: { ...archive, problems: [crc] }, reading: amazon, hashes: null })
    expect(report.problems).toEqual([
      crc,
      { kind: 'audio-not-found', path: 'Alexa/Alexa.VoiceHistory.csv', message: 'Line 3: the audio file "x.wav" is not in the export.' },
      { kind: 'bad-time', path: 'Alexa/Alexa.VoiceHistory.csv', message: 'Line 7: cannot read the time "gestern".' },
      { kind: 'missing-file', path: null, message: 'The export has no registration.csv (Devices.Registration): it lists no device as registered to the account.' }
    ])
  })

  it('counts files, not folders, and keeps the archive facts', () => {
    const report = buildScanReport({ archive, reading: amazon, hashes: [{ path: '/exports/amazon.zip', sha256: hex('a') }] })
    expect(report.archive).toEqual({
      path: '/exports/amazon.zip',
      format: 'zip',
      bytes: 1234,
      entries: 7,
      sha256: hex('a'),
      parts: [{ path: '/exports/amazon.zip', bytes: 1234, sha256: hex('a') }]
    })
  })

  it('has no sha256 without hashes, or for a folder even when hashes are given', () => {
    expect(buildScanReport({ archive, reading: amazon, hashes: null }).archive.sha256).toBeNull()
    const folder = zip([info('a.wav', 'audio')], { format: 'folder', path: '/exports/unpacked', parts: [{ path: '/exports/unpacked', bytes: 10 }] })
    const report = buildScanReport({ archive: folder, reading: reading(), hashes: [{ path: '/exports/unpacked', sha256: hex('x') }] })
    expect(report.archive.sha256).toBeNull()
    expect(report.archive.parts[0]!.sha256).toBeNull()
  })

  it('hashes a multipart export over its parts in order, and names the part that holds each recording’s audio', () => {
    const parts = [
      { path: '/t/takeout-001.zip', bytes: 5 },
      { path: '/t/takeout-002.zip', bytes: 7 }
    ]
    const multipart = zip([info('Takeout/a.mp3', 'audio', 'takeout-001.zip'), info('Takeout/a.mp3', 'audio', 'takeout-002.zip')], { format: 'multipart-zip', path: parts[0]!.path, parts, bytes: 12 })
    const takeout = reading({
      recordings: [
        recording({ id: 'g1', provider: 'google-assistant' }, 'Takeout/a.mp3', 'takeout-001.zip'),
        recording({ id: 'g2', provider: 'google-assistant' }, 'Takeout/a.mp3', 'takeout-002.zip'),
        recording({ id: 'g3', provider: 'google-assistant', source: { file: 'Takeout/My Activity/Assistant/MyActivity.json', part: 'takeout-002.zip', line: null, fields: {} } })
      ]
    })
    const hashes = [
      { path: parts[1]!.path, sha256: hex('2') },
      { path: parts[0]!.path, sha256: hex('1') }
    ]
    const report = buildScanReport({ archive: multipart, reading: takeout, hashes })
    expect(report.archive.parts.map((p) => p.sha256)).toEqual([hex('1'), hex('2')])
    expect(report.archive.sha256).toBe(combinedSha256([hex('1'), hex('2')]))
    expect(report.recordings.map((r) => [r.audioPath, r.part])).toEqual([
      ['Takeout/a.mp3', 'takeout-001.zip'],
      ['Takeout/a.mp3', 'takeout-002.zip'],
      [null, null]
    ])
    expect(scanReportErrors(report)).toEqual([])

    const missingOne = buildScanReport({ archive: multipart, reading: takeout, hashes: hashes.slice(0, 1) })
    expect(missingOne.archive.sha256).toBeNull()
  })

  it('names no provider, device or account when the export had nothing to read, and keeps the timings', () => {
    const report = buildScanReport({ archive: zip([info('a.csv', 'data')]), reading: reading(), hashes: null, timings: { open: 3 } })
    expect(report.providers).toEqual([])
    expect(report.account).toEqual({ ids: [], names: [], emails: [] })
    expect(report.devices).toEqual([])
    expect(report.recordings).toEqual([])
    expect(report.summary).toEqual({ recordings: 0, foreign: 0, suspect: 0, devices: 0, foreignDevices: 0, audioFilesWithoutMetadata: 0, metadataWithoutAudio: 0 })
    expect(report.timings).toEqual({ open: 3 })
    expect(scanReportErrors(report)).toEqual([])
  })
})
