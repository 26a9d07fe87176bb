import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { scanReportErrors } from '../../../test/helpers/scan-report-schema'
import { runCli } from '../../cli/run'
import { generateExport, type Truth } from '../generate'
import type { ScanReport } from '../report/types'

const dir = mkdtempSync(join(tmpdir(), 'exportscope-voices-scan-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function scan(path: string, voices: boolean): Promise<ScanReport> {
  const out: string[] = []
  const err: string[] = []
  const code = await runCli(['scan', '--json', '--no-hash', ...(voices ? ['--voices'] : []), path], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {} })
  expect(code, err.join('')).toBe(0)
  return JSON.parse(out.join('')) as ScanReport
}

/** The stranger's recordings by id: the truth names audio paths, the report maps them to ids. */
const strangerIds = (report: ScanReport, truth: Truth) => {
  const foreign = new Set(truth.recordings.filter((r) => r.foreign).map((r) => r.audioPath))
  return new Set(report.recordings.filter((r) => foreign.has(r.audioPath)).map((r) => r.id))
}

describe('exportscope scan --voices', () => {
  it('groups the stranger’s voice apart and adds a second reason when it is only heard on unregistered devices', async () => {
    const path = join(dir, 'amazon.zip')
    const { truth } = await generateExport({ provider: 'amazon', own: 40, foreign: 15, kind: 'unregistered-device', seed: 'voices-a', clips: { maxSeconds: 2.5 } }, path)
    const report = await scan(path, true)
    expect(scanReportErrors(report)).toEqual([])
    const stranger = strangerIds(report, truth)
    expect(stranger.size).toBe(15)
    const voiceOfStranger = new Map<string, number>()
    for (const r of report.recordings) if (stranger.has(r.id) && r.voiceId) voiceOfStranger.set(r.voiceId, (voiceOfStranger.get(r.voiceId) ?? 0) + 1)
    const [strangerVoice, heard] = [...voiceOfStranger].sort((a, b) => b[1] - a[1])[0]!
    expect(heard).toBeGreaterThanOrEqual(14)
    const group = report.voices!.find((v) => v.id === strangerVoice)!
    // Nobody else's recording is in the stranger's voice, and its samples are its own recordings.
    expect(report.recordings.filter((r) => r.voiceId === strangerVoice).every((r) => stranger.has(r.id))).toBe(true)
    expect(group.recordings).toBe(heard)
    expect(group.samples).toHaveLength(3)
    for (const id of group.samples) expect(stranger.has(id)).toBe(true)
    const second = report.findings.find((f) => f.rule === 'voice-unregistered-only')!
    expect(second.message).toContain('The same voice, by its sound')
    expect(second.recordingIds.every((id) => stranger.has(id))).toBe(true)
    expect(second.deviceIds).toEqual(group.deviceIds)
  }, 60_000)

  it('on a German Takeout where Google marks half the stranger’s recordings, flags all of that voice and nobody else', async () => {
    const path = join(dir, 'takeout.zip')
    const { truth } = await generateExport({ provider: 'google', own: 30, foreign: 12, kind: 'unrecognized-speaker', seed: 'voices-g', google: { locale: 'de', unrecognizedShare: 0.5 }, clips: { sampleRate: 8000, maxSeconds: 2 } }, path)
    const plain = await scan(path, false)
    const stranger = strangerIds(plain, truth)
    expect(stranger.size).toBe(12)
    // Without voices only Google's own marks are flagged: half of them.
    expect(plain.recordings.filter((r) => r.verdict !== 'own').length).toBe(6)
    expect(plain.voices).toBeUndefined()
    expect(plain.recordings[0]).not.toHaveProperty('voiceId')

    const report = await scan(path, true)
    const flagged = new Set(report.recordings.filter((r) => r.verdict !== 'own').map((r) => r.id))
    expect([...flagged].sort()).toEqual([...stranger].sort())
    const rule = report.findings.find((f) => f.rule === 'voice-unrecognized-speaker')!
    expect(rule.message).toBe(`${rule.recordingIds.length} recordings: the same voice, by its sound, as 6 recordings Google marks as an unrecognized speaker${rule.message.slice(rule.message.indexOf(' speaker') + 8)}`)
    expect(rule.recordingIds.length).toBe(6)
  }, 90_000)
})
