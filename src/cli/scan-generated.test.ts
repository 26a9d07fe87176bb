import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { scanReportErrors } from '../../test/helpers/scan-report-schema'
import { combinedSha256 } from '../core/archive/combined-sha256'
import { generateExport, type Truth } from '../core/generate'
import type { ScanReport } from '../core/report/types'
import { runCli } from './run'

// Tiny clips: the test is about what the scan lists, not about how the audio sounds.
const clips = { sampleRate: 8000, maxSeconds: 0.2 }
const dir = mkdtempSync(join(tmpdir(), 'exportscope-scan-gen-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function scanJson(path: string): Promise<ScanReport> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['scan', '--json', path], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {} })
  expect(code, err.join('')).toBe(0)
  return JSON.parse(out.join('')) as ScanReport
}

const readTruth = (path: string): Truth => JSON.parse(readFileSync(path, 'utf8')) as Truth
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex')
const byTimeAndAudio = <T extends { time: string | null; audio: string | null }>(rows: T[]) => rows.sort((a, b) => `${a.time}${a.audio}`.localeCompare(`${b.time}${b.audio}`))

/** Each recording as the facts a truth file states: time, audio, part, device serial and words. */
const factsOfReport = (report: ScanReport) => {
  const serialOf = new Map(report.devices.map((d) => [d.id, d.serial]))
  return byTimeAndAudio(report.recordings.map((r) => ({ time: r.time, audio: r.audioPath, part: r.part, serial: r.deviceId === null ? null : (serialOf.get(r.deviceId) ?? null), transcript: r.transcript })))
}
const factsOfTruth = (truth: Truth) => byTimeAndAudio(truth.recordings.map((r) => ({ time: r.time, audio: r.audioPath, part: r.part, serial: r.deviceSerial, transcript: r.transcript })))

describe('exportscope scan --json on the seed case (issue 5): 1,700 strangers’ recordings, no registered device', () => {
  let path = ''
  let truth: Truth
  let report: ScanReport
  beforeAll(async () => {
    const made = await generateExport({ provider: 'amazon', own: 0, foreign: 1700, kind: 'seed', seed: 'issue-5', clips }, join(dir, 'seed.zip'))
    path = made.paths[0]!
    truth = readTruth(made.truthPath)
    report = await scanJson(path)
  }, 60_000)

  it('is the export the truth file describes: 1,700 recordings from 2 devices, none registered', () => {
    expect(truth.counts).toMatchObject({ recordings: 1700, foreign: 1700, devices: 2, registeredDevices: 0, withoutAudio: 0, withoutMetadata: 0 })
    expect(truth.layout).toBe('2018')
  })

  it('lists exactly the 1,700 recordings, each with its time, WAV, device and transcript', () => {
    expect(report.recordings).toHaveLength(1700)
    expect(report.summary).toMatchObject({ recordings: 1700, devices: 2, audioFilesWithoutMetadata: 0, metadataWithoutAudio: 0 })
    expect(factsOfReport(report)).toEqual(factsOfTruth(truth))
    expect(report.recordings.every((r) => r.transcript && r.audioPath?.endsWith('.wav') && r.deviceId !== null)).toBe(true)
    expect(new Set(report.recordings.map((r) => r.id)).size).toBe(1700)
  })

  it('lists its 2 devices as not registered, with their counts and first and last recording', () => {
    expect(report.devices.map((d) => [d.serial, d.name, d.registered, d.recordings]).sort()).toEqual(truth.devices.map((d) => [d.serial, d.name, false, d.recordings]).sort())
    for (const d of report.devices) {
      const times = truth.recordings.filter((r) => r.deviceSerial === d.serial).map((r) => r.time!).sort()
      expect([d.firstSeen, d.lastSeen]).toEqual([times[0], times.at(-1)])
    }
  })

  it('calls every one of the 1,700 foreign, for the devices nobody registered, and explains each device', () => {
    expect(report.recordings.every((r) => r.verdict === 'foreign' && r.reasons.includes('unregistered-device'))).toBe(true)
    expect(report.summary).toMatchObject({ foreign: 1700, suspect: 0, foreignDevices: 2 })
    expect(report.devices.every((d) => d.verdict === 'foreign')).toBe(true)
    // No recording is the requester's, so nothing is learnt as usual and no weak rule speaks.
    expect(report.findings.map((f) => [f.rule, f.severity, f.recordingIds.length])).toEqual(report.devices.map((d) => ['unregistered-device', 'strong', d.recordings]))
    const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).replace('Sept', 'Sep')
    const expected = truth.devices.map((d) => {
      const times = truth.recordings.filter((r) => r.deviceSerial === d.serial).map((r) => r.time!).sort()
      return `Device '${d.name}' (serial ${d.serial.slice(0, 4)}…${d.serial.slice(-3)}) is not registered to this account, which has no device registered at all; ${d.recordings.toLocaleString('en-US')} recordings came from it between ${day(times[0]!)} and ${day(times.at(-1)!)}.`
    })
    expect(report.findings.map((f) => f.message).sort()).toEqual(expected.sort())
  })

  it('names Amazon Alexa as the reader, hashes the file, and fits exportscope.scan/1', () => {
    expect(report.providers.map((p) => p.id)).toEqual(['amazon-alexa'])
    // 1,700 WAVs, the PDF, the README, three account files, and Devices.Registration.zip with its registration.csv that lists no device.
    expect(report.archive).toMatchObject({ format: 'zip', entries: 1707, sha256: sha256(path) })
    expect(report.problems).toEqual([])
    expect(scanReportErrors(report)).toEqual([])
  })
})

describe('exportscope scan --json on a two-part Google Takeout', () => {
  let paths: string[] = []
  let truth: Truth
  let report: ScanReport
  beforeAll(async () => {
    const made = await generateExport({ provider: 'google', own: 12, foreign: 5, kind: 'second-account', seed: 'takeout-scan', google: { parts: 2 }, clips }, join(dir, 'takeout-20231120T081500Z-001.zip'))
    paths = made.paths
    truth = readTruth(made.truthPath)
    report = await scanJson(paths[1]!)
  }, 60_000)

  it('lists every recording the truth file names, with the part that holds its audio', () => {
    expect(truth.counts.recordings).toBe(17)
    expect(factsOfReport(report)).toEqual(factsOfTruth(truth))
    expect(new Set(report.recordings.map((r) => r.part))).toEqual(new Set(paths.map((p) => basename(p))))
    expect(report.recordings.every((r) => r.provider === 'google-assistant')).toBe(true)
  })

  it('calls exactly the second account’s 5 recordings foreign, and none of the owner’s', () => {
    const foreign = truth.recordings.filter((r) => r.foreign).map((r) => r.time).sort()
    expect(report.recordings.filter((r) => r.verdict === 'foreign').map((r) => r.time).sort()).toEqual(foreign)
    expect(report.recordings.filter((r) => r.verdict !== 'foreign').every((r) => r.verdict === 'own' && r.reasons.length === 0)).toBe(true)
    expect(report.summary).toMatchObject({ foreign: 5, suspect: 0 })
    expect(report.findings.map((f) => f.rule)).toEqual(['second-account'])
  })

  it('names the owner’s account and Google Assistant, with one SHA-256 over both parts', () => {
    expect(report.account.emails).toEqual([truth.owner.email])
    expect(report.account.names).toEqual([truth.owner.name])
    expect(report.providers.map((p) => p.id)).toEqual(['google-assistant'])
    expect(report.archive).toMatchObject({ format: 'multipart-zip', sha256: combinedSha256(paths.map(sha256)) })
    // One lane per account; Takeout does not list devices, so neither is called unregistered.
    expect(report.devices.map((d) => [d.name, d.registered, d.recordings]).sort()).toEqual([
      [`Google Assistant (${truth.owner.email})`, false, 12],
      [expect.stringMatching(/^Google Assistant \(.+@.+\)$/), false, 5]
    ])
    expect(report.findings.every((f) => f.rule !== 'unregistered-device')).toBe(true)
    expect(report.problems).toEqual([])
    expect(scanReportErrors(report)).toEqual([])
  })
})
