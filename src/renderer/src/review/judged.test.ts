import { describe, expect, it } from 'vitest'
import type { Finding } from '../../../shared/model/analysis'
import type { Device } from '../../../shared/model/recording'
import type { RecordingSummary } from '../../../shared/model/export'
import { catalogOf, filterOf, orderOf } from './catalog'
import { findingMask, judgedCatalog, reasonBitOf, type Detector } from './judged'
import { TONES } from './tones'

const device = (id: string, registered: boolean): Device => ({
  id,
  provider: 'amazon-alexa',
  name: id,
  serial: `S-${id}`,
  type: null,
  registered,
  registeredAt: null,
  deregisteredAt: null,
  firstSeen: null,
  lastSeen: null,
  recordings: 2
})
const rec = (id: string, deviceId: string, hour: number): RecordingSummary => ({
  id,
  provider: 'amazon-alexa',
  time: `2023-02-01T${String(hour).padStart(2, '0')}:00:00.000Z`,
  deviceId,
  accountId: null,
  audio: null,
  durationMs: 1000,
  transcript: null,
  language: null,
  signals: []
})

const devices = [device('home', true), device('stranger', false)]
const recordings = [rec('a', 'home', 3), rec('b', 'stranger', 1), rec('c', 'home', 2), rec('d', 'stranger', 4)]
const base = catalogOf(recordings, devices)
const unregistered: Finding = { rule: 'unregistered-device', severity: 'strong', message: 'Device stranger…', recordingIds: ['b', 'd'], deviceIds: ['stranger'] }
const language: Finding = { rule: 'other-language', severity: 'weak', message: 'Another language…', recordingIds: ['c', 'd'], deviceIds: [] }
const detector: Detector = {
  findings: [unregistered, language],
  verdicts: { b: 'foreign', c: 'suspect', d: 'foreign' },
  reasons: { b: ['unregistered-device'], c: ['other-language'], d: ['unregistered-device', 'other-language'] },
  deviceVerdicts: { home: 'own', stranger: 'foreign' }
}
const at = (time: string) => ({ mark: null, note: null, time })
const NA = Number.NaN
const tones = (c: typeof base) => recordings.map((r) => TONES[c.tone[c.byId.get(r.id)!]!])

describe('judgedCatalog', () => {
  it('is the plain catalog until the review has loaded', () => {
    expect(judgedCatalog(base, null, {}, {})).toBe(base)
  })

  it('colours by verdict, and the person’s mark wins over it', () => {
    const c = judgedCatalog(base, detector, {}, {})
    expect(tones(c)).toEqual(['own', 'foreign', 'suspect', 'foreign'])
    const marked = judgedCatalog(base, detector, { b: { ...at('t'), mark: 'mine' }, c: { ...at('t'), mark: 'not-mine' }, a: { ...at('t'), note: 'only a note' } }, { stranger: { ...at('t'), mark: 'unsure' } })
    expect(tones(marked)).toEqual(['own', 'own', 'foreign', 'foreign'])
    expect(marked.lanes.find((l) => l.key === 'stranger')!.tone).toBe('suspect')
    expect(marked.lanes.find((l) => l.key === 'home')!.tone).toBe('own')
    // The arrays that do not depend on the review are shared, so sorting is not redone.
    expect(marked.time).toBe(base.time)
    expect(marked.byId).toBe(base.byId)
  })

  it('reads each loaded recording\'s verdict and reasons, whatever else the detector lists, and nothing for ids an object inherits', () => {
    // The detector speaks of recordings not loaded yet ('later'); ids such as 'constructor' have no entry of their own.
    const odd = [rec('constructor', 'home', 1), rec('__proto__', 'home', 2), rec('toString', 'stranger', 3), rec('b', 'stranger', 4)]
    const parsed = JSON.parse(JSON.stringify({ ...detector, verdicts: { b: 'foreign', toString: 'suspect', later: 'foreign' }, reasons: { b: ['unregistered-device'], toString: ['other-language'], later: ['unregistered-device'] } })) as Detector
    const c = judgedCatalog(catalogOf(odd, devices), parsed, {}, {})
    const at = (id: string) => c.byId.get(id)!
    expect(odd.map((r) => TONES[c.tone[at(r.id)]!])).toEqual(['own', 'own', 'suspect', 'foreign'])
    expect(odd.map((r) => c.judged!.reasons[at(r.id)])).toEqual([0, 0, 1 << reasonBitOf('other-language'), 1 << reasonBitOf('unregistered-device')])
  })

  it('filters by reason, verdict, mark and a finding', () => {
    const c = judgedCatalog(base, detector, { d: { ...at('t'), mark: 'not-mine' } }, {})
    const ids = (f: ReturnType<typeof filterOf>) => recordings.filter((_, i) => f.mask[i]).map((r) => r.id)
    expect(ids(filterOf(c, '', null, 'all', NA, NA, reasonBitOf('other-language')))).toEqual(['c', 'd'])
    expect(ids(filterOf(c, '', null, 'all', NA, NA, reasonBitOf('unregistered-device')))).toEqual(['b', 'd'])
    expect(ids(filterOf(c, '', null, 'all', NA, NA, reasonBitOf('second-account')))).toEqual([])
    expect(ids(filterOf(c, '', null, 'all', NA, NA, -1, 'flagged'))).toEqual(['b', 'c', 'd'])
    expect(ids(filterOf(c, '', null, 'all', NA, NA, -1, 'own'))).toEqual(['a'])
    expect(ids(filterOf(c, '', null, 'all', NA, NA, -1, 'foreign', 'unmarked'))).toEqual(['b'])
    expect(ids(filterOf(c, '', null, 'all', NA, NA, -1, 'all', 'not-mine'))).toEqual(['d'])
    expect(ids(filterOf(c, '', 'home', 'all', NA, NA, -1, 'all', 'all', findingMask(c, language)))).toEqual(['c'])
    const shown = filterOf(c, '', null, 'all', NA, NA, -1, 'flagged')
    expect([...orderOf(c, shown, 'time', 'asc').order].map((i) => recordings[i]!.id)).toEqual(['b', 'c', 'd'])
  })
})
