import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { EntryInfo } from '../../shared/model/archive'
import { scanReportErrors } from '../../../test/helpers/scan-report-schema'
import { combinedSha256 } from './combined-sha256'
import { buildScanReport, recordingId, type ScannedArchive } from './scan-report'

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

describe('buildScanReport', () => {
  const archive = zip([
    info('Alexa/', 'other'),
    info('Alexa/Audio/one.wav', 'audio'),
    info('Alexa/Audio/two.mp3', 'audio'),
    info('Alexa/Alexa.VoiceHistory.csv', 'data'),
    info('Devices.Registration.zip!/registration.csv', 'data'),
    info('Nested.zip!/voice/three.opus', 'audio'),
    info('__MACOSX/Alexa/Audio/._one.wav', 'audio'),
    info('Alexa/Audio/._two.mp3', 'audio')
  ])

  it('lists each audio file as a generic-audio recording with no metadata', () => {
    const report = buildScanReport({ archive, hashes: [{ path: '/exports/amazon.zip', sha256: hex('a') }] })
    expect(report.recordings.map((r) => r.audioPath)).toEqual(['Alexa/Audio/one.wav', 'Alexa/Audio/two.mp3', 'Nested.zip!/voice/three.opus'])
    expect(report.recordings[0]).toMatchObject({ provider: 'generic-audio', time: null, deviceId: null, part: null, verdict: 'own', reasons: [], archiveTime: '2018-12-01T10:00:00' })
    expect(report.providers.map((p) => p.id)).toEqual(['generic-audio'])
    expect(report.devices).toEqual([])
    expect(report.findings).toEqual([])
    expect(report.summary).toEqual({ recordings: 3, foreign: 0, suspect: 0, devices: 0, foreignDevices: 0, audioFilesWithoutMetadata: 3, metadataWithoutAudio: 0 })
    expect(scanReportErrors(report)).toEqual([])
  })

  it('counts files, not folders, and keeps the archive facts', () => {
    const report = buildScanReport({ archive, hashes: [{ path: '/exports/amazon.zip', sha256: hex('a') }] })
    expect(report.archive).toEqual({
      path: '/exports/amazon.zip',
      format: 'zip',
      bytes: 1234,
      entries: 7,
      sha256: hex('a'),
      parts: [{ path: '/exports/amazon.zip', bytes: 1234, sha256: hex('a') }]
    })
  })

  it('gives every recording an id that is the same in every scan and unique within one', () => {
    const first = buildScanReport({ archive, hashes: null }).recordings.map((r) => r.id)
    const again = buildScanReport({ archive: zip([...archive.entries.map((e) => e.info)].reverse()), hashes: null }).recordings.map((r) => r.id)
    expect(new Set(first).size).toBe(first.length)
    expect([...again].sort()).toEqual([...first].sort())
    expect(recordingId('takeout-001.zip', 'a.mp3')).not.toBe(recordingId('takeout-002.zip', 'a.mp3'))
  })

  it('has no sha256 without hashes, or for a folder even when hashes are given', () => {
    expect(buildScanReport({ archive, hashes: null }).archive.sha256).toBeNull()
    const folder = zip([info('a.wav', 'audio')], { format: 'folder', path: '/exports/unpacked', parts: [{ path: '/exports/unpacked', bytes: 10 }] })
    const report = buildScanReport({ archive: folder, hashes: [{ path: '/exports/unpacked', sha256: hex('x') }] })
    expect(report.archive.sha256).toBeNull()
    expect(report.archive.parts[0]!.sha256).toBeNull()
  })

  it('hashes a multipart export over its parts in order, and names each part of a recording', () => {
    const parts = [
      { path: '/t/takeout-001.zip', bytes: 5 },
      { path: '/t/takeout-002.zip', bytes: 7 }
    ]
    const multipart = zip([info('Takeout/a.mp3', 'audio', 'takeout-001.zip'), info('Takeout/a.mp3', 'audio', 'takeout-002.zip')], { format: 'multipart-zip', path: parts[0]!.path, parts, bytes: 12 })
    const hashes = [
      { path: parts[1]!.path, sha256: hex('2') },
      { path: parts[0]!.path, sha256: hex('1') }
    ]
    const report = buildScanReport({ archive: multipart, hashes })
    expect(report.archive.parts.map((p) => p.sha256)).toEqual([hex('1'), hex('2')])
    expect(report.archive.sha256).toBe(combinedSha256([hex('1'), hex('2')]))
    expect(report.recordings.map((r) => r.part)).toEqual(['takeout-001.zip', 'takeout-002.zip'])
    expect(scanReportErrors(report)).toEqual([])

    const missingOne = buildScanReport({ archive: multipart, hashes: hashes.slice(0, 1) })
    expect(missingOne.archive.sha256).toBeNull()
  })

  it('copies the problems, and names no provider when there is no audio', () => {
    const problem = { kind: 'crc-mismatch', path: 'a.csv', message: 'The entry a.csv does not match its CRC-32.' }
    const report = buildScanReport({ archive: zip([info('a.csv', 'data')], { problems: [problem] }), hashes: null, timings: { open: 3 } })
    expect(report.problems).toEqual([problem])
    expect(report.providers).toEqual([])
    expect(report.recordings).toEqual([])
    expect(report.timings).toEqual({ open: 3 })
    expect(scanReportErrors(report)).toEqual([])
  })
})

describe('combinedSha256', () => {
  it('is the SHA-256 of the parts’ hex digests, one per line', () => {
    expect(combinedSha256(['AB', 'cd'])).toBe(hex('ab\ncd\n'))
  })
})
