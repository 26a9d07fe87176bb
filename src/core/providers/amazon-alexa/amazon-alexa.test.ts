import { describe, expect, it } from 'vitest'
import type { ExportReading } from '../../../shared/model/recording'
import type { AmazonVariations, Truth } from '../../generate'
import { keptMs, readTimesOf } from '../../read-times'
import { factsOfReading, factsOfTruth, readBuilt } from '../testing/read-built'

const amazon = (kind: Parameters<typeof readBuilt>[0]['kind'], amazon: Partial<AmazonVariations> = {}, own = 6, foreign = 4) =>
  readBuilt({ provider: 'amazon', own, foreign, kind, seed: 'amazon-test', amazon })

/** The reading agrees with the truth: same recordings (time, audio, device, words), devices and registrations. */
function expectTruth(reading: ExportReading, truth: Truth): void {
  expect(reading.recordings).toHaveLength(truth.counts.recordings)
  expect(factsOfReading(reading)).toEqual(factsOfTruth(truth))
  expect(reading.devices.length).toBe(truth.counts.devices)
  expect(reading.devices.filter((d) => d.registered).map((d) => d.serial).sort()).toEqual(truth.devices.filter((d) => d.registered).map((d) => d.serial).sort())
  for (const d of truth.devices) expect(reading.devices.find((x) => x.serial === d.serial)?.recordings, d.serial).toBe(d.recordings)
}

const foreignSerials = (r: ExportReading) => new Set(r.devices.filter((d) => !d.registered).map((d) => d.id))

describe('amazon-alexa: the current layout', () => {
  it('reads nested category ZIPs: 10 recordings, 2 registered Echos + a quiet Fire TV, 1 foreign Echo', async () => {
    const { truth, reading } = await amazon('unregistered-device')
    expect(truth.counts).toMatchObject({ recordings: 10, foreign: 4, devices: 4, registeredDevices: 3 })
    expectTruth(reading, truth)
    expect(reading.providers.map((p) => p.id)).toEqual(['amazon-alexa'])
    // registration.csv's AccountName names a device ("Anna's Echo"), not the account holder: no name is stated.
    expect(reading.account).toEqual({ ids: ['A3OWNER7Q2K9ZP'], names: [], emails: [] })
    const fromUnregistered = reading.recordings.filter((r) => r.deviceId && foreignSerials(reading).has(r.deviceId))
    expect(fromUnregistered.map((r) => r.time).sort()).toEqual(truth.recordings.filter((t) => t.foreign).map((t) => t.time).sort())
    expect(reading.problems).toEqual([])
    expect(reading.recordings.every((r) => r.source.file === 'Alexa.zip!/Alexa/Alexa.VoiceHistory.csv' && r.source.line !== null)).toBe(true)
    expect(reading.recordings.find((r) => r.signals.includes('not-device-directed'))?.source.fields.Status).toBe('DISCARDED_NON_DEVICE_DIRECTED_INTENT')
  })

  it.each([
    ['every second alias, ";", BOM, CRLF, offsets', { aliasSet: 1, fileAlias: 1, csv: { separator: ';', crlf: true, bom: true }, zone: 'offset' }],
    ['every third alias, times without zone, quoted line breaks', { aliasSet: 2, fileAlias: 2, zone: 'none', multilineFields: true }],
    ['last aliases, optional columns left out, bare audio names, not nested', { aliasSet: 3, fileAlias: 3, omitOptional: true, bareAudioNames: true, nestedAlexa: false }],
    ['MP3 audio and empty transcripts', { audioFormat: 'mp3', emptyTranscripts: 2 }]
  ] as Array<[string, Partial<AmazonVariations>]>)('reads %s with the exact UTC times', async (_name, v) => {
    const { truth, reading } = await amazon('unregistered-device', v)
    expectTruth(reading, truth)
    expect(reading.problems).toEqual([])
  })

  it('lists audio without a row as "metadata missing" and rows without audio; Mac debris is no recording', async () => {
    const { truth, reading } = await amazon('none', { rowsWithoutAudio: 2, audioWithoutRows: 3, macDebris: true })
    expect(truth.counts).toMatchObject({ recordings: 13, withoutAudio: 2, withoutMetadata: 3 })
    expectTruth(reading, truth)
    expect(reading.recordings.filter((r) => r.signals.includes('metadata-missing'))).toHaveLength(3)
    expect(reading.recordings.filter((r) => r.audio === null)).toHaveLength(2)
    expect(reading.recordings.some((r) => r.audio?.path.includes('__MACOSX') || r.provider === 'generic-audio')).toBe(false)
  })

  it('carries another Customer ID on the planted rows', async () => {
    const { truth, reading } = await amazon('foreign-customer-id')
    expectTruth(reading, truth)
    const others = reading.recordings.filter((r) => r.accountId !== 'A3OWNER7Q2K9ZP')
    expect(others.map((r) => r.time).sort()).toEqual(truth.recordings.filter((t) => t.foreign).map((t) => t.time).sort())
    expect(new Set(others.map((r) => r.accountId))).toEqual(new Set(['A1STRANGR8M4XW']))
  })

  it('reports a missing registration.csv and then counts no device as registered', async () => {
    const { reading } = await amazon('none', { missing: ['registration'] })
    expect(reading.devices.filter((d) => d.registered)).toHaveLength(0)
    expect(reading.problems).toEqual([expect.objectContaining({ kind: 'missing-file', provider: 'amazon-alexa', message: expect.stringMatching(/registration\.csv/) })])
    // Not listed in a list that is not there: registration unknown, not "unregistered".
    expect(reading.devices.length).toBeGreaterThan(0)
    expect(reading.devices.every((d) => d.registrationKnown === false)).toBe(true)
    expect(reading.recordings).toHaveLength(10)
  })

  it('without the voice history lists each audio file with what the archive says, and says why', async () => {
    const { truth, reading } = await amazon('none', { missing: ['voice-history', 'attributes'] })
    expect(truth.counts.recordings).toBe(10)
    expectTruth(reading, truth)
    expect(reading.recordings.every((r) => r.signals.includes('metadata-missing') && r.time === null && r.archiveTime === '2024-03-01T10:10:10')).toBe(true)
    expect(reading.account.ids).toEqual([])
    expect(reading.problems.map((p) => p.kind)).toEqual(['missing-file'])
  })

  it("gives a device the first and last time of its rows, whole-second times (kept as milliseconds) and other forms alike", async () => {
    // Per device, the earliest or latest is once a whole-second time, once another form (a zone, milliseconds, none).
    const csv = [
      'Timestamp,Device Serial Number,Utterance',
      '2023-03-01T10:00:00Z,G0SERIAL00000001,a',
      '2023-02-28T23:59:59.500Z,G0SERIAL00000001,b',
      '2023-03-05T08:00:00Z,G0SERIAL00000001,c',
      '2023-03-02 09:00:00+01:00,G0SERIAL00000002,d',
      '2023-03-02T07:00:00Z,G0SERIAL00000002,e',
      '2023-03-09T12:00:00.250Z,G0SERIAL00000002,f',
      'gestern,G0SERIAL00000002,g'
    ].join('\n')
    const { reading } = await readBuilt({ provider: 'amazon', own: 0, foreign: 0, kind: 'none' }, [{ path: 'Alexa/VoiceHistory.csv', content: `${csv}\n` }])
    const seen = Object.fromEntries(reading.devices.filter((d) => d.serial?.startsWith('G0SERIAL')).map((d) => [d.serial, [d.firstSeen, d.lastSeen, d.recordings]]))
    expect(seen).toEqual({
      G0SERIAL00000001: ['2023-02-28T23:59:59.500Z', '2023-03-05T08:00:00.000Z', 3],
      G0SERIAL00000002: ['2023-03-02T07:00:00.000Z', '2023-03-09T12:00:00.250Z', 4]
    })
    // What the plain recordings' times give, as before.
    for (const d of reading.devices.filter((x) => x.serial?.startsWith('G0SERIAL'))) {
      const times = reading.recordings.filter((r) => r.deviceId === d.id && r.time !== null).map((r) => r.time!).sort()
      expect([d.firstSeen, d.lastSeen]).toEqual([times[0], times[times.length - 1]])
    }
  })

  it('reports broken rows with their line and reads every other row', async () => {
    const csv = 'Timestamp,Device Serial Number,Utterance,Audio File\n2023-03-01T10:00:00Z,G0SERIAL00000001,eins,\nnot a time,G0SERIAL00000001,zwei,\n2023-03-01T10:02:00Z,G0SERIAL00000001,"drei "kaputt"",\n2023-03-01T10:03:00Z,G0SERIAL00000001,vier,missing.wav\n'
    const { reading } = await readBuilt({ provider: 'amazon', own: 0, foreign: 0, kind: 'none' }, [{ path: 'Alexa/VoiceHistory.csv', content: csv }])
    const extra = reading.recordings.filter((r) => r.source.file === 'Alexa/VoiceHistory.csv')
    expect(extra.map((r) => [r.source.line, r.time, r.transcript])).toEqual([
      [2, '2023-03-01T10:00:00.000Z', 'eins'],
      [3, null, 'zwei'],
      // A stray quote keeps the field as written rather than losing the row.
      [4, '2023-03-01T10:02:00.000Z', '"drei "kaputt""'],
      [5, '2023-03-01T10:03:00.000Z', 'vier']
    ])
    const about = reading.problems.filter((p) => p.path === 'Alexa/VoiceHistory.csv')
    expect(about.map((p) => [p.kind, p.line])).toEqual([
      ['bad-time', 3],
      ['audio-not-found', 5]
    ])
    expect(extra[3]!.signals).toEqual(['audio-missing'])
  })

  it('reports a voice history with an unknown header, then reads it with a column mapping', async () => {
    const csv = 'Zeitpunkt;Gerät;Gesagt\n2023-03-01 10:00:00;Küche;hallo\n2023-03-01 10:05:00;Küche;tschüss\n'
    const extra = [{ path: 'Alexa/Alexa.VoiceHistory.csv', content: csv }]
    const base = { provider: 'amazon', own: 0, foreign: 0, kind: 'none' } as const
    const first = await readBuilt(base, extra)
    expect(first.reading.unmappedCsv).toEqual([{ file: 'Alexa/Alexa.VoiceHistory.csv', part: null, header: ['Zeitpunkt', 'Gerät', 'Gesagt'], signature: 'zeitpunkt|gerät|gesagt', delimiter: ';', guessed: {} }])
    expect(first.reading.recordings.filter((r) => r.source.file.startsWith('Alexa/'))).toHaveLength(0)
    expect(first.reading.problems).toContainEqual(expect.objectContaining({ kind: 'unknown-header', path: 'Alexa/Alexa.VoiceHistory.csv', line: 1 }))

    const mapped = await readBuilt(base, extra, [{ signature: 'zeitpunkt|gerät|gesagt', columns: { time: 'Zeitpunkt', deviceName: 'Gerät', transcript: 'Gesagt' } }])
    expect(mapped.reading.unmappedCsv).toEqual([])
    const rows = mapped.reading.recordings.filter((r) => r.source.file === 'Alexa/Alexa.VoiceHistory.csv')
    expect(rows.map((r) => [r.time, r.transcript])).toEqual([
      ['2023-03-01T10:00:00.000Z', 'hallo'],
      ['2023-03-01T10:05:00.000Z', 'tschüss']
    ])
    expect(mapped.reading.devices.filter((d) => d.name === 'Küche')).toEqual([expect.objectContaining({ registered: false, serial: null, recordings: 2 })])
  })

  it('reads a header-only voice history as no recordings and no problem', async () => {
    const { reading } = await readBuilt({ provider: 'amazon', own: 0, foreign: 0, kind: 'none' }, [{ path: 'Alexa/Alexa.VoiceHistory.csv', content: '\ufeffTimestamp,Utterance\r\n' }])
    expect(reading.recordings.filter((r) => r.source.file.startsWith('Alexa/'))).toEqual([])
    expect(reading.problems.filter((p) => p.path?.startsWith('Alexa/'))).toEqual([])
  })
})

describe('amazon-alexa: the 2018 answer (flat WAVs and a transcript PDF)', () => {
  it('ties every WAV to its PDF row by time: all foreign, two devices, none registered', async () => {
    const { truth, reading } = await readBuilt({ provider: 'amazon', own: 3, foreign: 9, kind: 'seed', seed: 'pdf-2', amazon: { rowsWithoutAudio: 1, audioWithoutRows: 1 } })
    expect(truth.counts).toMatchObject({ recordings: 10, foreign: 10, devices: 2, registeredDevices: 0, withoutAudio: 1, withoutMetadata: 1 })
    expectTruth(reading, truth)
    expect(reading.recordings.filter((r) => r.transcript !== null)).toHaveLength(9)
    expect(reading.devices.map((d) => d.name).sort()).toEqual(['Echo Küche', 'Echo Wohnzimmer'])
    // The seed's registration.csv is there and empty: the devices are known not to be the account's.
    expect(reading.problems.map((p) => p.kind).sort()).toEqual(['audio-not-found'])
    expect(reading.devices.every((d) => !d.registered && d.registrationKnown === undefined)).toBe(true)
  })

  it('without the PDF, each WAV is a recording with the time and device serial its name carries', async () => {
    const { truth, reading } = await readBuilt({ provider: 'amazon', own: 0, foreign: 5, kind: 'seed', seed: 'no-pdf', amazon: { missing: ['voice-history'] } })
    expect(truth.counts).toMatchObject({ recordings: 5, withoutMetadata: 5 })
    expectTruth(reading, truth)
    expect(reading.recordings.every((r) => r.signals.includes('metadata-missing') && r.time !== null && r.transcript === null)).toBe(true)
    expect(reading.problems.map((p) => p.kind).sort()).toEqual(['missing-file'])
  })
})

describe('amazon-alexa: each time\'s milliseconds kept beside the reading', () => {
  it.each([
    ['Alexa\'s whole-second form: every one kept', {}, true],
    ['times with offsets: read the long way, none kept', { zone: 'offset' }, false]
  ] as Array<[string, Partial<AmazonVariations>, boolean]>)('%s, each as Date.parse reads the time', async (_name, v, kept) => {
    const { reading } = await amazon('unregistered-device', v, 30, 10)
    const times = readTimesOf(reading.recordings)
    expect(times?.isos.length).toBe(40)
    for (const [i, r] of reading.recordings.entries()) {
      expect(r.time).not.toBeNull()
      const ms = keptMs(times, i, r)
      if (kept) expect(ms, r.time!).toBe(Date.parse(r.time!))
      else expect(ms).toBeNaN()
    }
  })
})
