import { describe, expect, it } from 'vitest'
import { buildScanReport, type ScannedArchive } from '../core/report/scan-report'
import { formatSummary } from './summary'

const archive = (over: Partial<ScannedArchive>): ScannedArchive => ({ path: '/x/export.zip', format: 'zip', bytes: 2_500_000, parts: [{ path: '/x/export.zip', bytes: 2_500_000 }], entries: [], problems: [], ...over })

describe('the human summary', () => {
  it('lists each problem with its path and sentence, control characters escaped', () => {
    const problems = [
      { kind: 'crc-mismatch', path: 'Audio/\u001b[2Jevil.wav', message: 'The data does not match its CRC-32.' },
      { kind: 'truncated', path: null, message: 'The archive ends early.' }
    ]
    const text = formatSummary(buildScanReport({ archive: archive({ problems }), hashes: null }), false)
    expect(text).toContain('Size      2.50 MB (2,500,000 bytes)\n')
    expect(text).toContain('Problems  2\n  Audio/\\u001b[2Jevil.wav: The data does not match its CRC-32.\n  (the archive): The archive ends early.\n')
    expect(text).not.toContain('\u001b')
  })
  it('says why there is no SHA-256', () => {
    const folder = archive({ format: 'folder', path: '/x/unpacked', parts: [{ path: '/x/unpacked', bytes: 1 }] })
    expect(formatSummary(buildScanReport({ archive: folder, hashes: null }), false)).toContain('SHA-256   none (a folder has no single file to hash)')
    expect(formatSummary(buildScanReport({ archive: archive({}), hashes: null }), true)).toContain('SHA-256   not known (see problems)')
  })
  it('names every part of a multipart export with its hash', () => {
    const parts = [
      { path: '/t/takeout-001.zip', bytes: 10 },
      { path: '/t/takeout-002.zip', bytes: 20 }
    ]
    const hashes = parts.map((p, i) => ({ path: p.path, sha256: String(i).repeat(64) }))
    const text = formatSummary(buildScanReport({ archive: archive({ format: 'multipart-zip', path: parts[0]!.path, parts, bytes: 30 }), hashes }), true)
    expect(text).toMatch(/SHA-256   [0-9a-f]{64} \(over the parts' SHA-256s, in order\)\n/)
    expect(text).toContain(`Parts     2\n  takeout-001.zip  10 bytes  ${'0'.repeat(64)}\n  takeout-002.zip  20 bytes  ${'1'.repeat(64)}\n`)
  })
})
