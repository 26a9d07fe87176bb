import type { Device, Recording } from '../../src/shared/model/recording'
import type { VoiceSummary } from '../../src/shared/model/voices'
import { catalogOf, filterOf } from '../../src/renderer/src/review/catalog'
import { byVoice, relaned, voiceCodes, voiceMask, voiceOrder } from '../../src/renderer/src/review/voice-lanes'

/**
 * What the voice filter and the voice lanes cost the review at 100,000 recordings, against a
 * baseline in the same run: building the device catalog (the lanes by device) and filtering it
 * with no voice. Synthetic recordings and voices (12 devices, 40 voices, a tenth in no group).
 * Prints one table; asserts nothing. Run: npm run bench:voice-lanes
 */
const N = 100_000
const DEVICES = 12
const VOICES = 40
const RUNS = 7

let seed = 7
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed / 2 ** 31)

const devices: Device[] = Array.from({ length: DEVICES }, (_, d) => ({
  id: `d${d}`,
  provider: 'amazon-alexa',
  name: `Echo ${d}`,
  serial: null,
  type: 'ECHO',
  registered: d > 0,
  registeredAt: null,
  deregisteredAt: null,
  firstSeen: null,
  lastSeen: null,
  recordings: 0
}))
const start = Date.parse('2021-01-01T00:00:00Z')
const recordings: Recording[] = Array.from({ length: N }, (_, i) => ({
  id: `r${i}`,
  provider: 'amazon-alexa',
  time: new Date(start + Math.floor(random() * 3 * 365 * 86_400_000)).toISOString(),
  archiveTime: null,
  deviceId: `d${Math.floor(random() * DEVICES)}`,
  accountId: null,
  audio: null,
  durationMs: 2000,
  transcript: null,
  response: null,
  language: null,
  signals: [],
  source: { file: 'x.csv', part: null, line: i, fields: {} }
}))
const voiceOf: Record<string, string> = {}
const sizes = new Array<number>(VOICES).fill(0)
for (const r of recordings) {
  if (random() < 0.1) continue
  const v = Math.floor(random() ** 2 * VOICES)
  voiceOf[r.id] = `v${v}`
  sizes[v]!++
}
const voices: VoiceSummary[] = sizes.map((n, v) => ({ id: `v${v}`, recordings: n, deviceIds: [], firstSeen: null, lastSeen: null, samples: [], mark: null }))

/** Median of RUNS timings in ms; each run gets fresh arguments, so no memo answers it. */
function time(fn: () => unknown): number {
  const t: number[] = []
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now()
    fn()
    t.push(performance.now() - t0)
  }
  return t.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!
}

const fresh = <T>(a: readonly T[]): T[] => [...a]
const rows: [string, number][] = []
rows.push(['baseline: device catalog (lanes by device)', time(() => catalogOf(fresh(recordings), devices))])
const c = catalogOf(recordings, devices)
rows.push(['baseline: filter, no voice', time(() => filterOf({ ...c }, '', null, 'all', Number.NaN, Number.NaN))])
rows.push(['voice codes per recording', time(() => voiceCodes(fresh(c.recordings), voiceOrder(voices), voiceOf))])
const codes = voiceCodes(c.recordings, voiceOrder(voices), voiceOf)
rows.push(['voice lanes, first time (sorted per voice)', time(() => byVoice({ ...c, time: c.time.slice() }, codes, fresh(voices)))])
// After a voice mark: new voice summaries (marks), the same times and codes.
rows.push(['voice lanes after a voice mark', time(() => byVoice({ ...c }, codes, voices.map((x, k) => ({ ...x, mark: k === 3 ? ('not-known' as const) : null }))))])
const v = byVoice(c, codes, voices)
rows.push(['voice filter mask', time(() => voiceMask(codes.slice(), voices, 'v3'))])
const mask = voiceMask(codes, voices, 'v3')
rows.push(['filter with one voice', time(() => filterOf({ ...c }, '', null, 'all', Number.NaN, Number.NaN, -1, 'all', 'all', null, mask))])
const f = filterOf(c, '', null, 'all', Number.NaN, Number.NaN)
rows.push(['lane counts for voice lanes', time(() => relaned({ ...v }, f))])

const base = rows[0]![1]
console.log(`voice filter and lanes, ${N.toLocaleString('en')} recordings, ${DEVICES} devices, ${VOICES} voices (median of ${RUNS})`)
console.log('| step | ms | × device catalog |')
console.log('|---|---|---|')
for (const [name, ms] of rows) console.log(`| ${name} | ${ms.toFixed(1)} | ${(ms / base).toFixed(2)} |`)
