import { describe, expect, it } from 'vitest'
import type { Recording, RecordingSignal, RecordingSource } from '../../../shared/model/recording'
import type { ArchiveEntry } from '../../archive/types'
import { keptMs, TimedRecording } from '../../read-times'
import { StableIds } from '../ids'
import { ColumnRecording, plainRecording, RecordingColumns, TextMark, type ColumnRow } from './recording-columns'

const entry = (path: string, part: string | null, size: number): ArchiveEntry => ({ path, part, size, info: undefined as never })
const ids = new StableIds('r', 'amazon-alexa', 'p1.zip', 'Alexa/v.csv')
const sourceAt = (line: number): RecordingSource => ({ file: 'Alexa/v.csv', part: 'p1.zip', line, fields: { line: String(line) } })
const WHEN = Date.parse('2023-11-05T07:15:33Z')
const STOP: RecordingSignal[] = ['not-understood']

/** Rows of each kind a voice-history CSV gives: whole-second times, another form, none; with and without audio and fields. */
const rows: ColumnRow[] = [
  { line: 2, ms: WHEN, time: null, deviceId: 'serial-1', accountId: 'A1', transcript: 'stop', response: null, language: null, signals: [], audio: entry('Alexa/Audio/a.wav', 'p1.zip', 4096) },
  { line: 3, ms: Number.NaN, time: '2023-11-05T07:15:33.250Z', deviceId: null, accountId: null, transcript: null, response: 'OK', language: 'de-DE', signals: STOP, audio: null },
  { line: 5, ms: Number.NaN, time: null, deviceId: 'name:Küche', accountId: 'A1', transcript: 'wie "spät"\nist es', response: null, language: null, signals: [], audio: entry('Alexa/Audio/b ü.wav', null, 1) },
  { line: 100_001, ms: Date.parse('1999-12-31T23:59:59Z'), time: null, deviceId: null, accountId: null, transcript: null, response: null, language: null, signals: [], audio: null }
]

/** The recording each row stands for, as a plain object. */
const expected = (r: ColumnRow): Recording => ({
  id: ids.of(r.line),
  provider: 'amazon-alexa',
  time: Number.isNaN(r.ms) ? r.time : new Date(r.ms).toISOString(),
  archiveTime: null,
  deviceId: r.deviceId,
  accountId: r.accountId,
  audio: r.audio === null ? null : { path: r.audio.path!, part: r.audio.part!, size: r.audio.size! },
  durationMs: null,
  transcript: r.transcript,
  response: r.response,
  language: r.language,
  signals: r.signals,
  source: sourceAt(r.line)
})

function columns(): ColumnRecording[] {
  const table = new RecordingColumns('amazon-alexa', ids, sourceAt)
  // (The reader reuses one row object: the table copies it.)
  const next = { ...rows[0]! }
  return rows.map((r) => table.add(Object.assign(next, r)))
}

describe('recordings kept as columns', () => {
  it('answer every field of the recording their row stands for, and their plain copies are that recording', () => {
    const made = columns()
    made.forEach((r, i) => {
      const want = expected(rows[i]!)
      for (const key of Object.keys(want) as Array<keyof Recording>) expect(r[key], key).toEqual(want[key])
      expect(plainRecording(r)).toStrictEqual(want)
      expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(want)))
      expect(structuredClone(plainRecording(r))).toStrictEqual(want)
    })
  })

  it('are one small object each: their own fields are only the table and the row', () => {
    const [r] = columns()
    const own = Object.getOwnPropertyDescriptors(r!)
    expect(Object.keys(own).filter((k) => 'value' in own[k]!)).toEqual(['table', 'row'])
  })

  it('refuse, where tests run, to be copied field by field: a spread, Object.assign or toEqual throws instead of copying two fields', () => {
    const [r] = columns() as [ColumnRecording]
    const refused = /copied field by field.*plainRecording/
    expect(() => ({ ...r })).toThrow(refused)
    expect(() => Object.assign({}, r)).toThrow(refused)
    // (A structured clone, Electron's IPC, fails already: the table holds functions.)
    expect(() => structuredClone(r)).toThrow(/could not be cloned/)
    expect(() => expect(r).toEqual(expected(rows[0]!))).toThrow(refused)
    // The way out copies every field.
    expect({ ...plainRecording(r) }).toStrictEqual(expected(rows[0]!))
  })

  it('take a value set after reading, field by field, as a plain recording does', () => {
    const made = columns()
    const [a, b] = made as [ColumnRecording, ColumnRecording]
    a.id = `${a.id}~2`
    a.deviceId = 'd-known'
    a.time = '2024-01-01T00:00:00.000Z'
    a.audio = { path: 'x.wav', part: null, size: 3 }
    a.durationMs = 1500
    a.transcript = 'neu'
    a.signals = ['audio-missing']
    b.provider = 'other'
    b.source = { file: 'f', part: null, line: 9, fields: {} }
    expect(plainRecording(a)).toMatchObject({ id: `${ids.of(2)}~2`, deviceId: 'd-known', time: '2024-01-01T00:00:00.000Z', audio: { path: 'x.wav', part: null, size: 3 }, durationMs: 1500, transcript: 'neu', signals: ['audio-missing'] })
    expect(plainRecording(b)).toMatchObject({ provider: 'other', source: { file: 'f', line: 9 } })
    // The others keep their own values.
    expect(plainRecording(made[2]!)).toStrictEqual(expected(rows[2]!))
    // A time set since is no longer the kept milliseconds, and a row with a field set is not written from the columns.
    expect(a.timeMs).toBeNaN()
    expect(a.reportMembers([])).toBe(false)
    expect(made[2]!.reportMembers([])).toBe(true)
  })

  it('give the same id whether it is kept (id) or not (uncachedId), asked in any order, and the one set after reading', () => {
    const made = columns()
    expect(made.map((r) => r.uncachedId)).toEqual(rows.map((r) => ids.of(r.line)))
    // The last row's first, then the rest: each kept where it belongs.
    expect(made[3]!.id).toBe(ids.of(100_001))
    expect(made.map((r) => r.id)).toEqual(rows.map((r) => ids.of(r.line)))
    expect(made.map((r) => r.uncachedId)).toEqual(made.map((r) => r.id))
    made[1]!.id = 'r-set'
    expect([made[1]!.id, made[1]!.uncachedId]).toEqual(['r-set', 'r-set'])
    expect(made[3]!.uncachedId).toBe(ids.of(100_001))
  })

  it('keep their time as milliseconds for the analysis, NaN where it is another form or none', () => {
    const made = columns()
    expect(made.every((r) => r instanceof TimedRecording)).toBe(true)
    expect(made.map((r, i) => keptMs(undefined, i, r))).toEqual([WHEN, Number.NaN, Number.NaN, Date.parse('1999-12-31T23:59:59Z')])
  })

  it("give a report row's members from the columns, the id and a whole-second time as marks they write as bytes", () => {
    const made = columns()
    const b = new Uint8Array(64)
    made.forEach((r, i) => {
      const m: unknown[] = []
      expect(r.reportMembers(m)).toBe(true)
      const want = expected(rows[i]!)
      expect(m.slice(1)).toEqual([want.provider, m[2], want.deviceId, want.audio?.path ?? null, want.audio?.part ?? null, null, null, want.transcript, want.language])
      const [id, , time] = m as [TextMark, unknown, TextMark | string | null]
      expect(id).toBeInstanceOf(TextMark)
      expect(id.bytes).toBe(17)
      expect(Buffer.from(b.subarray(0, r.putText(id.what, b, 0))).toString('latin1')).toBe(want.id)
      if (Number.isNaN(rows[i]!.ms)) expect(time).toBe(want.time)
      else {
        expect(time).toBeInstanceOf(TextMark)
        const mark = time as TextMark
        expect(mark.bytes).toBeGreaterThanOrEqual(24)
        expect(Buffer.from(b.subarray(0, r.putText(mark.what, b, 0))).toString('latin1')).toBe(want.time)
      }
    })
  })
})
