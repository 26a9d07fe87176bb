import { describe, expect, it } from 'vitest'
import { device, reading, readProblem, recording } from '../../test/helpers/reading'
import { buildScanReport, type ScannedArchive } from '../core/report/scan-report'
import { formatSummary } from './summary'

const archive = (over: Partial<ScannedArchive>): ScannedArchive => ({ path: '/x/export.zip', format: 'zip', bytes: 2_500_000, parts: [{ path: '/x/export.zip', bytes: 2_500_000 }], entries: [], problems: [], ...over })
const nothingRead = reading()

describe('the human summary', () => {
  it('lists each problem with its path and sentence, control characters escaped', () => {
    const problems = [
      { kind: 'crc-mismatch', path: 'Audio/\u001b[2Jevil.wav', message: 'The data does not match its CRC-32.' },
      { kind: 'truncated', path: null, message: 'The archive ends early.' }
    ]
    const text = formatSummary(buildScanReport({ archive: archive({ problems }), reading: nothingRead, hashes: null }), false)
    expect(text).toContain('Size        2.50 MB (2,500,000 bytes)\n')
    expect(text).toContain('Problems    2\n  Audio/\\u001b[2Jevil.wav: The data does not match its CRC-32.\n  (the archive): The archive ends early.\n')
    expect(text).not.toContain('\u001b')
  })

  it('says why there is no SHA-256', () => {
    const folder = archive({ format: 'folder', path: '/x/unpacked', parts: [{ path: '/x/unpacked', bytes: 1 }] })
    expect(formatSummary(buildScanReport({ archive: folder, reading: nothingRead, hashes: null }), false)).toContain('SHA-256     none (a folder has no single file to hash)')
    expect(formatSummary(buildScanReport({ archive: archive({}), reading: nothingRead, hashes: null }), true)).toContain('SHA-256     not known (see problems)')
  })

  it('names every part of a multipart export with its hash', () => {
    const parts = [
      { path: '/t/takeout-001.zip', bytes: 10 },
      { path: '/t/takeout-002.zip', bytes: 20 }
    ]
    const hashes = parts.map((p, i) => ({ path: p.path, sha256: String(i).repeat(64) }))
    const text = formatSummary(buildScanReport({ archive: archive({ format: 'multipart-zip', path: parts[0]!.path, parts, bytes: 30 }), reading: nothingRead, hashes }), true)
    expect(text).toMatch(/SHA-256     [0-9a-f]{64} \(over the parts' SHA-256s, in order\)\n/)
    expect(text).toContain(`Parts       2\n  takeout-001.zip  10 bytes  ${'0'.repeat(64)}\n  takeout-002.zip  20 bytes  ${'1'.repeat(64)}\n`)
  })

  it('names the account, the providers, the counts, and every device in a table with NO for an unregistered one', () => {
    const read = reading({
      providers: [{ id: 'amazon-alexa', name: 'Amazon Alexa', confidence: 0.9, reason: 'Alexa voice history: Alexa/Alexa.VoiceHistory.csv' }],
      account: { ids: ['A3OWNER7Q2K9ZP'], names: ['Anna Berger'], emails: [] },
      devices: [
        device({ id: 'd1', name: 'Echo Küche', serial: 'G013N76UJTE6241H', recordings: 1234, firstSeen: '2018-05-02T11:48:12.000Z', lastSeen: '2019-04-29T09:17:46.000Z' }),
        device({ id: 'd2', name: 'Anna’s Fire TV \u001b[31m', serial: 'G0FIRE', registered: true })
      ],
      recordings: [
        recording({ id: 'r1', transcript: 'wie wird das Wetter', deviceId: 'd1' }, 'Alexa/Audio/a.wav'),
        recording({ id: 'r2', deviceId: 'd1', signals: ['audio-missing'] }),
        recording({ id: 'r3', provider: 'generic-audio', signals: ['metadata-missing'] }, 'stray.wav')
      ],
      problems: [readProblem({ kind: 'unknown-header', path: 'Alexa/Other.csv', line: 1, message: 'line 1: voice history with a header we do not know: Wann, Was' })]
    })
    const text = formatSummary(buildScanReport({ archive: archive({}), reading: read, hashes: null }), false)
    expect(text).toContain('Account     A3OWNER7Q2K9ZP, Anna Berger\n')
    expect(text).toContain('Providers   Amazon Alexa: Alexa voice history: Alexa/Alexa.VoiceHistory.csv\n')
    expect(text).toContain('Recordings  3 (1 with a transcript; 1 audio file no metadata describes; 1 listed without their audio file)\n')
    expect(text).toContain(
      [
        'Devices     2 (1 registered to the account)',
        '  Name                       Serial            Registered  Recordings  First – last recording (UTC)',
        '  Echo Küche                 G013N76UJTE6241H  NO               1,234  2018-05-02 11:48 – 2019-04-29 09:17',
        '  Anna’s Fire TV \\u001b[31m  G0FIRE            yes                  0  -',
        ''
      ].join('\n')
    )
    expect(text).toContain('  Alexa/Other.csv: Line 1: voice history with a header we do not know: Wann, Was.\n  To read a file whose header is unknown, name its columns in a mapping file and scan again with --mapping <file.json> (see --help).\n')
  })

  it('says plainly when the export names no account, provider or device', () => {
    const text = formatSummary(buildScanReport({ archive: archive({}), reading: nothingRead, hashes: null }), false)
    expect(text).toContain('Account     not named in the export\nProviders   none: no voice data was recognised\nRecordings  0\nDevices     none named in the export\nFindings    none\nProblems    none\n')
  })
})
