import { describe, expect, it } from 'vitest'
import { device, reading, recording } from '../../../test/helpers/reading'
import type { Recording } from '../../shared/model/recording'
import { readBuilt } from '../providers/testing/read-built'
import { analyze } from './analyze'

const HOUR = 3_600_000
const iso = (ms: number) => new Date(ms).toISOString()
const START = Date.UTC(2023, 0, 2)

/** A deterministic spread of numbers in [0, 1), so rhythm tests do not depend on luck. */
function* uniform(seed: number): Generator<number> {
  let x = seed
  for (;;) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0
    yield x / 2 ** 32
  }
}

/** Recordings on a device at a household's hours (07–09 and 18–22 UTC), shifted by `shift` hours. */
function household(deviceId: string, n: number, shift: number, seed: number): Recording[] {
  const r = uniform(seed)
  return Array.from({ length: n }, (_, i) => {
    const morning = r.next().value! < 0.4
    const hour = morning ? 7 + Math.floor(r.next().value! * 2) : 18 + Math.floor(r.next().value! * 4)
    const t = START + i * 24 * HOUR + (hour + shift) * HOUR + Math.floor(r.next().value! * 59) * 60_000
    return recording({ id: `${deviceId}-${i}`, deviceId, time: iso(t) })
  })
}

describe('outside-registration', () => {
  it('names recordings from before a device was registered and after it was removed, with a day of grace', async () => {
    const dot = device({ id: 'd-dot', name: 'Echo Dot', serial: 'G0DOT', registered: true, registeredAt: '2023-03-01T10:00:00Z', deregisteredAt: '2023-04-01T10:00:00Z' })
    const times = ['2023-02-01T08:00:00Z', '2023-02-10T08:00:00Z', '2023-03-01T02:00:00Z', '2023-03-15T08:00:00Z', '2023-04-01T20:00:00Z', '2023-04-05T08:00:00Z']
    const r = reading({ devices: [dot], recordings: times.map((time, i) => recording({ id: `r${i}`, deviceId: 'd-dot', time })) })
    const { findings, recordingVerdicts, deviceVerdicts } = await analyze(r)
    expect(findings).toEqual([
      { rule: 'outside-registration', severity: 'weak', recordingIds: ['r0', 'r1'], deviceIds: ['d-dot'], message: "2 recordings came from 'Echo Dot' before it was registered to this account on 1 Mar 2023, between 1 Feb and 10 Feb 2023.", text: { key: 'outsideBefore', params: { n: 2, from: '2023-02-01', to: '2023-02-10', device: 'Echo Dot', deviceType: null, serial: expect.any(String), day: '2023-03-01' } } },
      { rule: 'outside-registration', severity: 'weak', recordingIds: ['r5'], deviceIds: ['d-dot'], message: "1 recording came from 'Echo Dot' after it was removed from this account on 1 Apr 2023, on 5 Apr 2023.", text: { key: 'outsideAfter', params: { n: 1, from: '2023-04-05', to: '2023-04-05', device: 'Echo Dot', deviceType: null, serial: expect.any(String), day: '2023-04-01' } } }
    ])
    expect(['r0', 'r1', 'r2', 'r3', 'r4', 'r5'].map((id) => recordingVerdicts.get(id)!.verdict)).toEqual(['suspect', 'suspect', 'own', 'own', 'own', 'suspect'])
    expect(deviceVerdicts.get('d-dot')).toBe('suspect')
  })
})

describe('other-rhythm', () => {
  const registered = (id: string) => device({ id, name: id, registered: true })
  it('sees a device that keeps the household’s hours six hours later, as if in another time zone', async () => {
    const r = reading({ devices: ['kitchen', 'hall', 'far'].map(registered), recordings: [...household('kitchen', 150, 0, 1), ...household('hall', 100, 0, 2), ...household('far', 80, 6, 3)] })
    const { findings } = await analyze(r)
    expect(findings.map((f) => [f.rule, f.deviceIds, f.recordingIds.length])).toEqual([['other-rhythm', ['far'], 80]])
    expect(findings[0]!.message).toBe("Device 'far' keeps the account's daily rhythm, but 6 hours later than its other devices, as if it were in another time zone (80 recordings between 2 Jan and 22 Mar 2023).")
  })
  it('sees a device busy at night when the household sleeps', async () => {
    const r = uniform(9)
    const night = Array.from({ length: 60 }, (_, i) => recording({ id: `n${i}`, deviceId: 'night', time: iso(START + i * 24 * HOUR + (2 + Math.floor(r.next().value! * 3)) * HOUR) }))
    const { findings } = await analyze(reading({ devices: ['kitchen', 'night'].map(registered), recordings: [...household('kitchen', 200, 0, 4), ...night] }))
    expect(findings.map((f) => [f.rule, f.deviceIds])).toEqual([['other-rhythm', ['night']]])
    expect(findings[0]!.message).toMatch(/^Device 'night' is busiest at 0[2-4]:00–0[5-7]:00 UTC, hours when the account's other recordings are rare \(60 recordings between 2 Jan and 2 Mar 2023\)\.$/)
  })
  it('stays silent for devices of one household, and with too few recordings to tell', async () => {
    const same = reading({ devices: ['kitchen', 'hall'].map(registered), recordings: [...household('kitchen', 150, 0, 5), ...household('hall', 90, 0, 6)] })
    expect((await analyze(same)).findings).toEqual([])
    const few = reading({ devices: ['kitchen', 'far'].map(registered), recordings: [...household('kitchen', 150, 0, 7), ...household('far', 20, 6, 8)] })
    expect((await analyze(few)).findings).toEqual([])
  })
  it('2,000 devices in two rhythms: the half at midnight is set apart, each in a round of its own, without the cube of the device count', async () => {
    // Each round once summed the bins of every device set apart so far, for every device left: 85 s at 2,000.
    const devices = Array.from({ length: 2000 }, (_, d) => registered(`d${d}`))
    const recordings = devices.flatMap(({ id }, d) => Array.from({ length: 40 }, (_, j) => recording({ id: `${id}-${j}`, deviceId: id, time: iso(START + j * 24 * HOUR + (d % 2 ? 12 : 0) * HOUR + j * 60_000) })))
    const { findings } = await analyze(reading({ devices, recordings }))
    const apart = findings.filter((f) => f.rule === 'other-rhythm').map((f) => f.deviceIds)
    expect(apart).toHaveLength(1000)
    expect(apart.every((ids) => ids.length === 1 && Number(ids[0]!.slice(1)) % 2 === 0)).toBe(true)
  })
})

describe('account ids', () => {
  it("40,000 strangers' ids, each on a device of its own: each finding names its one device, found in one pass over the devices", async () => {
    // Each stranger's id once looked at every device: 20,000 took 27 s, and 40,000 four times that.
    const n = 40_000
    const devices = Array.from({ length: n }, (_, i) => device({ id: `d${i}`, name: `Echo ${i}`, registered: true }))
    const recordings = devices.map(({ id }, i) => recording({ id: `r${i}`, deviceId: id, accountId: `C${i}`, time: iso(START + i * 60_000) }))
    const { findings } = await analyze(reading({ account: { ids: ['OWNER'], names: [], emails: [] }, devices, recordings }))
    const foreign = findings.filter((f) => f.rule === 'foreign-account-id')
    expect(foreign).toHaveLength(n)
    expect(foreign.every((f) => f.recordingIds.length === 1 && f.deviceIds.length === 1 && f.deviceIds[0] === `d${f.recordingIds[0]!.slice(1)}`)).toBe(true)
  })

  it('says nothing about ids when the export does not name the owner’s', async () => {
    const r = reading({ recordings: [recording({ id: 'r1', accountId: 'A1' }), recording({ id: 'r2', accountId: 'A2' })] })
    expect((await analyze(r)).findings).toEqual([])
  })
  it('20,000 second accounts of one recording each: each finding names its own, found by id, not by a pass over every recording per account', async () => {
    // Each account once went through all recordings: 20,000 took a minute.
    const n = 20_000
    const accounts = Array.from({ length: n }, (_, i) => ({ provider: 'google-assistant', role: 'other' as const, ids: [`p${i}@example.net`], names: [], emails: [`p${i}@example.net`], source: `Takeout ${i}/Takeout/archive_browser.html` }))
    const recordings = [recording({ id: 'own', accountId: 'anna@example.org' }), ...accounts.map((a, i) => recording({ id: `r${i}`, accountId: i % 2 ? a.ids[0]!.toUpperCase() : a.ids[0]!, time: iso(START + i * 60_000) }))]
    const { findings } = await analyze(reading({ account: { ids: ['anna@example.org'], names: [], emails: ['anna@example.org'] }, accounts, recordings }))
    const second = findings.filter((f) => f.rule === 'second-account')
    expect(second).toHaveLength(n)
    expect(second.every((f, i) => f.recordingIds.length === 1 && f.recordingIds[0] === `r${i}`)).toBe(true)
  })

  it('names a second account even when no recording is tied to it', async () => {
    const r = reading({
      account: { ids: ['anna@example.org'], names: [], emails: ['anna@example.org'] },
      accounts: [{ provider: 'google-assistant', role: 'other', ids: ['tom@example.net'], names: ['Tom'], emails: ['tom@example.net'], source: 'Takeout 2/Takeout/archive_browser.html' }],
      recordings: [recording({ id: 'r1', accountId: 'anna@example.org' })]
    })
    const { findings, recordingVerdicts } = await analyze(r)
    expect(findings).toEqual([{ rule: 'second-account', severity: 'strong', recordingIds: [], deviceIds: [], message: 'The export holds a second account, Tom (tom@example.net), read from Takeout 2/Takeout/archive_browser.html; no recording is tied to it.', text: { key: 'secondAccountUntied', params: { n: 0, from: null, to: null, name: 'Tom', address: 'tom@example.net', source: 'Takeout 2/Takeout/archive_browser.html' } } }])
    expect(recordingVerdicts.get('r1')!.verdict).toBe('own')
  })
})

describe('the person’s marks shape what is usual, never the verdicts directly', () => {
  it('recordings marked not mine leave the usual, and the rest of their kind stands out', async () => {
    // A third of the recordings are a stranger's English: common enough to pass as the household's second language.
    const { reading: r, truth } = await readBuilt({ provider: 'amazon', kind: 'other-language', own: 80, foreign: 40, seed: 'marks', amazon: { metadataOnly: true } })
    expect((await analyze(r)).findings).toEqual([])
    const byTime = new Map(r.recordings.map((x) => [x.time, x.id]))
    const english = truth.recordings.filter((t) => t.foreign).map((t) => byTime.get(t.time)!)
    const marks = Object.fromEntries(english.slice(0, 30).map((id) => [id, 'not-mine' as const]))
    const after = await analyze(r, marks)
    expect(after.findings.map((f) => [f.rule, f.recordingIds.length])).toEqual([['other-language', 40]])
    // The detector's verdict stays its own: the marked ones are suspect too, beside the person's mark.
    expect(english.every((id) => after.recordingVerdicts.get(id)!.verdict === 'suspect')).toBe(true)
  })
  it('in the seed case, recordings the person calls theirs become the usual the others are compared with', async () => {
    const { reading: r } = await readBuilt({ provider: 'amazon', kind: 'seed', own: 0, foreign: 150, layout: 'current', seed: 'mine', amazon: { metadataOnly: true } })
    // Nothing is usual, so nothing is compared: only the strong findings.
    expect(new Set((await analyze(r)).findings.map((f) => f.severity))).toEqual(new Set(['strong']))
    const sabine = r.recordings.filter((x) => x.transcript?.includes('Sabine'))
    const others = r.recordings.filter((x) => !x.transcript?.includes('Sabine'))
    expect(sabine.length).toBeGreaterThan(0)
    const after = await analyze(r, Object.fromEntries(others.map((x) => [x.id, 'mine' as const])))
    expect(after.baseline).toBe(others.length)
    expect(after.findings.filter((f) => f.severity === 'weak').map((f) => [f.rule, f.recordingIds.sort()])).toEqual([['unknown-names', sabine.map((x) => x.id).sort()]])
  })
})
