import { describe, expect, it } from 'vitest'
import type { RuleId, Verdict } from '../../shared/model/analysis'
import { KINDS_BY_PROVIDER, type ExportOptions, type TruthRecording } from '../generate'
import { STRANGER } from '../generate/people'
import type { Reason } from '../generate/plan'
import { readBuilt } from '../providers/testing/read-built'
import { analyze } from './analyze'

/** The rule that should name each kind of planted foreign data. */
const RULE_FOR: Record<Reason, RuleId> = {
  'unregistered-device': 'unregistered-device',
  seed: 'unregistered-device',
  'foreign-customer-id': 'foreign-account-id',
  'second-account': 'second-account',
  'unrecognized-speaker': 'unrecognized-speaker',
  'other-language': 'other-language',
  'other-city': 'other-places',
  'unknown-names': 'unknown-names'
}
const STRONG = new Set<Reason>(['unregistered-device', 'seed', 'foreign-customer-id', 'second-account'])

/**
 * Whether a planted recording carries its reason where a rule can see it: a stranger's "set a
 * timer" names no city and no person, and nothing in the export tells it from the owner's.
 */
const shows = (reason: Reason, r: TruthRecording): boolean => {
  const said = r.transcript ?? ''
  if (reason === 'other-city') return said.includes(STRANGER.home) || said.includes(STRANGER.work)
  if (reason === 'unknown-names') return [STRANGER.partner, ...STRANGER.friends].some((n) => said.includes(n))
  return true
}

function expected(r: TruthRecording, layout: string): { verdict: Verdict; reasons: RuleId[] } {
  const seen = r.foreign ? r.reasons.filter((reason) => shows(reason, r)) : []
  const verdict: Verdict = seen.some((x) => STRONG.has(x)) ? 'foreign' : seen.length ? 'suspect' : 'own'
  const rules = seen.map((x) => RULE_FOR[x])
  // The seed's stranger is a whole other customer: today's layout also writes their Customer ID (2018's has no such column).
  if (seen.includes('seed') && layout === 'current') rules.push('foreign-account-id')
  return { verdict, reasons: [...new Set(rules)].sort() }
}

async function judged(o: ExportOptions) {
  const { truth, reading } = await readBuilt(o)
  const analysis = await analyze(reading)
  // Times are unique to the second within one export: they tie the truth to what was read.
  const byTime = new Map(reading.recordings.map((r) => [r.time, r]))
  expect(byTime.size).toBe(truth.recordings.length)
  const rows = truth.recordings.map((t) => {
    const r = byTime.get(t.time)!
    const v = analysis.recordingVerdicts.get(r.id)!
    return { time: t.time, truth: t, got: { verdict: v.verdict, reasons: [...v.reasons].sort() }, want: expected(t, truth.layout) }
  })
  return { truth, reading, analysis, rows }
}

const setOf = (rows: Awaited<ReturnType<typeof judged>>['rows'], side: 'got' | 'want', verdict: Verdict) => rows.filter((x) => x[side].verdict === verdict).map((x) => x.time)

const cases: Array<[string, ExportOptions]> = [
  ...KINDS_BY_PROVIDER.amazon
    .filter((k) => k !== 'seed')
    .map((kind): [string, ExportOptions] => [`amazon ${kind}`, { provider: 'amazon', kind, own: 200, foreign: 20, amazon: { metadataOnly: true } }]),
  ['amazon combined', { provider: 'amazon', kind: 'combined', own: 200, foreign: 20, amazon: { metadataOnly: true } }],
  ...KINDS_BY_PROVIDER.google.map((kind): [string, ExportOptions] => [`google ${kind}`, { provider: 'google', kind, own: 200, foreign: 20, google: { metadataOnly: true } }]),
  ['google combined', { provider: 'google', kind: 'combined', own: 200, foreign: 20, google: { metadataOnly: true } }],
  ['amazon seed, today’s layout', { provider: 'amazon', kind: 'seed', own: 0, foreign: 150, layout: 'current', amazon: { metadataOnly: true } }]
]

describe('the analysis on generated exports with planted foreign data: exact sets per the truth file', () => {
  for (const seed of [1, 2, 3]) {
    it.each(cases)(`%s (seed ${seed})`, async (_, o) => {
      const { rows, truth, reading, analysis } = await judged({ ...o, seed })
      expect(truth.counts.foreign).toBeGreaterThan(0)
      expect(setOf(rows, 'got', 'foreign')).toEqual(setOf(rows, 'want', 'foreign'))
      expect(setOf(rows, 'got', 'suspect')).toEqual(setOf(rows, 'want', 'suspect'))
      for (const row of rows) expect(row.got, `${row.time} ${row.truth.transcript}`).toEqual(row.want)
      // None of the owner's recordings is flagged at all, not even as suspect.
      expect(rows.filter((x) => !x.truth.foreign && x.got.verdict !== 'own')).toEqual([])
      const serialOf = new Map(reading.devices.map((d) => [d.id, d.serial]))
      const foreignDevices = truth.devices.filter((d) => d.foreign).map((d) => d.serial)
      expect([...analysis.deviceVerdicts].filter(([, v]) => v === 'foreign').map(([id]) => serialOf.get(id))).toEqual(expect.arrayContaining(foreignDevices))
      expect([...analysis.deviceVerdicts].filter(([, v]) => v !== 'own').length).toBe(foreignDevices.length)
    })
  }
})

describe('the seed case of 2018: the requester owns no device, every recording is a stranger’s', () => {
  it('calls all of them foreign for their unregistered devices, and learns nothing from them as usual', async () => {
    const { rows, analysis, reading } = await judged({ provider: 'amazon', kind: 'seed', own: 0, foreign: 120, seed: 'seed-2018', clips: { maxSeconds: 0.1 } })
    expect(rows.every((x) => x.got.verdict === 'foreign')).toBe(true)
    expect(analysis.baseline).toBe(0)
    // Leipzig, Sabine and the stranger's habits are everywhere, yet no weak rule takes them as the owner's usual and turns on the rest.
    expect(analysis.findings.map((f) => f.rule)).toEqual(['unregistered-device', 'unregistered-device'])
    const perDevice = new Map(reading.devices.map((d) => [d.id, d]))
    for (const f of analysis.findings) {
      const d = perDevice.get(f.deviceIds[0]!)!
      expect(f.severity).toBe('strong')
      expect(f.recordingIds).toHaveLength(d.recordings)
      expect(f.message).toMatch(new RegExp(`^Device '${d.name}' \\(serial ${d.serial!.slice(0, 4)}…${d.serial!.slice(-3)}\\) is not registered to this account, which has no device registered at all; ${d.recordings} recordings came from it between \\d+ May and \\d+ \\w{3} 2018\\.$`))
    }
  })
})

describe('an Amazon export without registration.csv: which devices are the account\'s is unknown', () => {
  it('calls no device unregistered and nothing foreign for it, while the same export with the file does', async () => {
    const o: ExportOptions = { provider: 'amazon', kind: 'unregistered-device', own: 200, foreign: 20, seed: 'no-registration', amazon: { metadataOnly: true } }
    const without = await judged({ ...o, amazon: { metadataOnly: true, missing: ['registration'] } })
    expect(without.reading.devices.length).toBeGreaterThan(1)
    expect(without.reading.devices.every((d) => !d.registered && d.registrationKnown === false)).toBe(true)
    expect(without.analysis.findings.filter((f) => f.rule === 'unregistered-device' || f.severity === 'strong')).toEqual([])
    expect([...without.analysis.recordingVerdicts.values()].filter((v) => v.verdict === 'foreign')).toEqual([])
    expect([...without.analysis.deviceVerdicts.values()].filter((v) => v === 'foreign')).toEqual([])

    const withFile = await judged(o)
    expect(withFile.analysis.findings.filter((f) => f.rule === 'unregistered-device')).toHaveLength(1)
    expect(setOf(withFile.rows, 'got', 'foreign')).toHaveLength(20)
  })
})

describe('an export with nothing foreign', () => {
  it.each([
    ['amazon', { provider: 'amazon', kind: 'none', own: 200, foreign: 0, amazon: { metadataOnly: true } }],
    ['google', { provider: 'google', kind: 'none', own: 200, foreign: 0, google: { metadataOnly: true } }]
  ] as Array<[string, ExportOptions]>)('%s: no finding, every recording and device its own', async (_, o) => {
    const { analysis, reading } = await judged({ ...o, seed: 'clean' })
    expect(analysis.findings).toEqual([])
    expect([...analysis.recordingVerdicts.values()].every((v) => v.verdict === 'own' && v.reasons.length === 0)).toBe(true)
    expect([...analysis.deviceVerdicts.values()].every((v) => v === 'own')).toBe(true)
    expect(analysis.baseline).toBe(reading.recordings.length)
  })
})

describe('messages name the evidence', () => {
  it('an unregistered device among registered ones, as in the issue', async () => {
    const { analysis, reading, truth } = await judged({ provider: 'amazon', kind: 'unregistered-device', own: 200, foreign: 20, seed: 1, amazon: { metadataOnly: true } })
    const stranger = reading.devices.find((d) => !d.registered)!
    const registered = truth.devices.filter((d) => d.registered).length
    expect(analysis.findings).toHaveLength(1)
    expect(analysis.findings[0]).toMatchObject({ rule: 'unregistered-device', severity: 'strong', deviceIds: [stranger.id] })
    expect(analysis.findings[0]!.message).toMatch(new RegExp(`^Device 'Echo Küche' \\(serial ${stranger.serial!.slice(0, 4)}…${stranger.serial!.slice(-3)}\\) is not among the ${registered} devices registered to this account; 20 recordings came from it between \\d+ \\w{3} and \\d+ \\w{3} 2023\\.$`))
  })
  it('a foreign customer id, another language, other places and unknown names', async () => {
    const { analysis } = await judged({ provider: 'amazon', kind: 'combined', own: 200, foreign: 20, seed: 1, amazon: { metadataOnly: true } })
    const byRule = new Map(analysis.findings.map((f) => [f.rule, f]))
    expect(byRule.get('foreign-account-id')!.message).toMatch(/^20 recordings carry the account id A1STRANGR8M4XW, which is not this account's \(A3OWNER7Q2K9ZP\), between \d+ \w{3} and \d+ \w{3} 2023\.$/)
    expect(byRule.get('other-language')!.message).toMatch(/^20 recordings are in English \((judged from the transcript's words|as the export states)\), while the account's other recordings are in German, between /)
    expect(byRule.get('other-places')!.message).toMatch(/^\d+ recordings ask about (Halle \(Saale\) and Leipzig|Leipzig and Halle \(Saale\)), far from the places the account's other recordings ask about \((Hamburg and Lübeck|Lübeck and Hamburg)\), between /)
    expect(byRule.get('unknown-names')!.message).toMatch(/^\d+ recordings name (Sabine|Heiko|Birgit)(, (Sabine|Heiko|Birgit))*( and (Sabine|Heiko|Birgit))?, whom the account's other recordings rarely or never name \(they name (Jonas|Mia|Lukas), (Jonas|Mia|Lukas) and (Jonas|Mia|Lukas)\), between /)
  })
})
