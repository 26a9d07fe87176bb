import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { recordingOf } from '../../../test/fixtures/recording'
import { reading } from '../../../test/helpers/reading'
import type { Recording } from '../../shared/model/recording'
import { StableIds } from '../providers/ids'
import { plainRecording, RecordingColumns } from '../providers/csv/recording-columns'
import { JsonBytes } from './json-bytes'
import type { Judgement } from './judgement'
import { writeReportJson } from './report-json'
import { buildScanReport, buildScanReportParts, type ScannedArchive } from './scan-report'
import type { ScanReport } from './types'

const row = (i: number) => ({
  id: `r${i}`,
  provider: 'amazon-alexa',
  time: '2023-01-01T00:00:00.000Z',
  deviceId: null,
  audioPath: i % 2 ? `Alexa/Audio/${i}.wav` : null,
  part: null,
  archiveTime: null,
  durationMs: null,
  transcript: i % 3 ? 'say "hi"\nnow' : null,
  language: null,
  verdict: i % 5 ? 'own' : 'suspect',
  reasons: i % 5 ? [] : ['other-language'],
  signals: i % 7 ? [] : ['audio-missing']
})

const report = (n: number) =>
  ({
    schema: 'exportscope.scan/1',
    archive: { path: '/x/export.zip', format: 'zip', bytes: 1, entries: 1, sha256: null, parts: [] },
    providers: [],
    account: { ids: ['A1'], names: [], emails: [] },
    devices: [],
    recordings: Array.from({ length: n }, (_, i) => row(i)),
    findings: [],
    summary: { recordings: n },
    problems: [{ kind: 'x', path: null, message: 'm' }]
  }) as unknown as ScanReport

/** Collects what the writer hands over; `late` copies each piece only a few turns later, as a busy pipe would. */
function collector(late = false) {
  const pieces: Buffer[] = []
  const sink = late
    ? (bytes: Uint8Array) => new Promise<void>((resolve) => setImmediate(() => (pieces.push(Buffer.from(bytes)), resolve())))
    : (bytes: Uint8Array) => void pieces.push(Buffer.from(bytes))
  return { sink, text: () => Buffer.concat(pieces).toString('utf8'), pieces }
}

const written = async (r: ScanReport, recordings?: Parameters<typeof writeReportJson>[2]) => {
  const c = collector()
  await writeReportJson(r, c.sink, recordings)
  return c.text()
}

/** Any UTF-16 text, lone surrogates and controls included. */
const anyText = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 40 }).map((units) => String.fromCharCode(...units))
const someText = fc.oneof(anyText, fc.string(), fc.string({ unit: 'grapheme' }), fc.constantFrom('', 'stop', 'Wie wird das Wetter in München?', '"\\\u2028\u202e\ud83d\ude00'))

describe('JsonBytes', () => {
  it('writes every string as JSON.stringify and then UTF-8 would', () => {
    fc.assert(
      fc.property(someText, (s) => {
        const c = collector()
        const out = new JsonBytes(c.sink, 64)
        out.string(s)
        void out.end()
        expect(Buffer.concat(c.pieces).equals(Buffer.from(JSON.stringify(s), 'utf8'))).toBe(true)
      }),
      { numRuns: 2000 }
    )
  })

  it('writes numbers as JSON does', () => {
    for (const n of [0, -0, 1, -17, 2100, 1.5, 1e21, 123456789012, Number.NaN, Number.POSITIVE_INFINITY]) {
      const c = collector()
      const out = new JsonBytes(c.sink, 64)
      out.number(n)
      void out.end()
      expect(Buffer.concat(c.pieces).toString()).toBe(JSON.stringify(n))
    }
  })

  it('fills a buffer again only once the sink has taken it', async () => {
    const c = collector(true)
    const out = new JsonBytes(c.sink, 4096)
    const parts: string[] = []
    for (let i = 0; i < 3000; i++) {
      const s = `${i}:${'ü'.repeat(i % 50)}${i % 97 === 0 ? 'x'.repeat(9000) : ''}`
      parts.push(JSON.stringify(s))
      out.string(s)
      if (out.full) await out.flush()
    }
    await out.end()
    expect(c.text()).toBe(parts.join(''))
    expect(c.pieces.length).toBeGreaterThan(10)
  })
})

describe('writeReportJson', () => {
  it('writes exactly what JSON.stringify(report, null, 2) does, for rows given as an array', async () => {
    for (const n of [0, 1, 2, 999, 1000, 1001, 2345]) expect(await written(report(n))).toBe(`${JSON.stringify(report(n), null, 2)}\n`)
  })

  it('asks a lazy sequence for a batch at a time and writes the same text as the whole array', async () => {
    const whole = report(2345)
    const rows = whole.recordings
    const asked: Array<[number, number]> = []
    const lazy = { length: rows.length, slice: (s: number, e: number) => (asked.push([s, e]), rows.slice(s, e)) }
    expect(await written({ ...whole, recordings: [] }, lazy)).toBe(`${JSON.stringify(whole, null, 2)}\n`)
    expect(asked.length).toBeGreaterThan(2)
    expect(Math.max(...asked.map(([s, e]) => e - s))).toBeLessThan(rows.length)
  })
})

const archive: ScannedArchive = { path: '/x/ä export.zip', format: 'zip', bytes: 10, parts: [{ path: '/x/ä export.zip', bytes: 10 }], entries: [], problems: [] }
const readingOf = (recordings: Recording[]) => reading({ providers: [{ id: 'amazon-alexa', name: 'Amazon Alexa', confidence: 1, reason: 'r' }], account: { ids: ['A1'], names: [], emails: [] }, recordings })
const judged: Judgement = {
  recording: (r) => (String(r.id).endsWith('3') ? { verdict: 'foreign', reasons: ['unregistered-device', 'other-language'] } : String(r.id).endsWith('5') ? { verdict: 'suspect', reasons: ['other-places'] } : { verdict: 'own', reasons: [] }),
  device: () => 'own',
  findings: []
}

/** A recording with any text in every text field, some left null, and some fields missing altogether. */
const anyRecording = fc
  .record({
    id: someText,
    // Any text too: the writer bakes the provider's text into its cached row pieces.
    provider: fc.oneof(fc.constantFrom('amazon-alexa', 'google-assistant', 'generic-audio'), someText),
    time: fc.option(someText),
    archiveTime: fc.option(someText),
    deviceId: fc.option(someText),
    audio: fc.option(fc.record({ path: someText, part: fc.option(someText), size: fc.nat() })),
    durationMs: fc.option(fc.oneof(fc.nat(), fc.double())),
    transcript: fc.option(someText),
    language: fc.option(fc.constantFrom('de-DE', 'en', 'x\u0000')),
    signals: fc.subarray(['unrecognized-speaker', 'not-device-directed', 'metadata-missing', 'audio-missing'] as const),
    missing: fc.subarray(['time', 'transcript', 'language', 'durationMs', 'id'] as const, { maxLength: 2 })
  })
  .map(({ missing, ...r }) => {
    const out: Record<string, unknown> = { ...recordingOf(), ...r }
    for (const key of missing) out[key] = undefined
    return out as unknown as Recording
  })

describe('the report rows written straight from the recordings', () => {
  it('are byte for byte the rows buildScanReport makes, through JSON.stringify', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyRecording, { maxLength: 30 }), async (recordings) => {
        const input = { archive, reading: readingOf(recordings.map((r, i) => (r.id === undefined ? r : { ...r, id: `${r.id}${i}` }))), hashes: null, judgement: judged }
        const { report: r, recordings: rows } = buildScanReportParts(input)
        expect(rows.writeRow).toBeDefined()
        expect(await written(r, rows)).toBe(`${JSON.stringify(buildScanReport(input), null, 2)}\n`)
      }),
      { numRuns: 300 }
    )
  })

  /** The report of `recordings`, written through a sink that takes its time, is JSON.stringify's text, in more than one piece. */
  async function expectWholeThroughSlowSink(recordings: Parameters<typeof readingOf>[0]): Promise<void> {
    const input = { archive, reading: readingOf(recordings), hashes: null, judgement: judged }
    const { report: r, recordings: rows } = buildScanReportParts(input)
    const c = collector(true)
    await writeReportJson(r, c.sink, rows)
    expect(c.text()).toBe(`${JSON.stringify(buildScanReport(input), null, 2)}\n`)
    expect(c.pieces.length).toBeGreaterThan(1)
  }

  it('come out whole when the sink takes its time and the rows fill many buffers', async () => {
    const recordings = Array.from({ length: 6000 }, (_, i) => recordingOf({ id: `r${i}`, time: '2021-07-01T06:00:00.000Z', transcript: i % 4 ? 'schalte das Licht im Wohnzimmer aus' : 'what is the weather today', audio: { path: `Alexa/Audio/${i}.wav`, part: null, size: 1 } }))
    await expectWholeThroughSlowSink(recordings)
  })

  it('come out whole when one row needs more room than a whole buffer (a transcript of megabytes), before and after ordinary rows', async () => {
    const long = `${'ü'.repeat(300_000)}"\u0001${'x'.repeat(300_000)}`
    const recordings = ['r0', 'r1', 'r2'].map((id, i) => recordingOf({ id, time: '2021-07-01T06:00:00.000Z', transcript: i === 1 ? long : 'stop', audio: { path: `Alexa/Audio/${i}.wav`, part: null, size: 1 } }))
    await expectWholeThroughSlowSink(recordings)
  })

  it('of recordings kept as columns (ids and times written as bytes) are byte for byte those of their plain copies', async () => {
    const anyRow = fc.record({
      // Whole seconds of years 0000-9999, or a time of another form (or none).
      seconds: fc.option(fc.integer({ min: -62_167_219_200, max: 253_402_300_799 })),
      other: fc.option(fc.constantFrom('2023-11-05T07:15:33.250Z', '1970-01-01T00:00:00.000Z')),
      transcript: fc.option(someText),
      path: fc.option(someText),
      // A colliding id's suffix, a duration (a number: the checked way), a time set after reading.
      changed: fc.subarray(['id', 'durationMs', 'time'] as const)
    })
    await fc.assert(
      fc.asyncProperty(fc.array(anyRow, { maxLength: 25 }), async (specs) => {
        const table = new RecordingColumns('amazon-alexa', new StableIds('r', 'amazon-alexa', null, 'v.csv'), (line) => ({ file: 'v.csv', part: null, line, fields: {} }))
        const recordings = specs.map((x, i) => {
          const audio = x.path === null ? null : { path: x.path, part: null, size: 1, info: undefined as never }
          const r = table.add({ line: i + 2, ms: x.seconds === null ? Number.NaN : x.seconds * 1000, time: x.other, deviceId: null, accountId: null, transcript: x.transcript, response: null, language: null, signals: [], audio })
          if (x.changed.includes('id')) r.id = `${r.id}~3`
          if (x.changed.includes('durationMs')) r.durationMs = 1234
          if (x.changed.includes('time')) r.time = '2020-02-29T12:00:00.000Z'
          return r
        })
        const input = { archive, reading: readingOf(recordings), hashes: null, judgement: judged }
        const { report: r, recordings: rows } = buildScanReportParts(input)
        const plain = { ...input, reading: readingOf(recordings.map(plainRecording)) }
        expect(await written(r, rows)).toBe(`${JSON.stringify(buildScanReport(plain), null, 2)}\n`)
      }),
      { numRuns: 200 }
    )
  })
})
