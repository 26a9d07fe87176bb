import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { scanReportErrors, schemaPath } from '../../../test/helpers/scan-report-schema'

const problem = (extra: Record<string, unknown>) => ({
  schema: 'exportscope.scan/1',
  archive: { path: 'x.zip', format: 'zip', bytes: 1, entries: 2, sha256: null },
  providers: [],
  devices: [],
  recordings: [],
  findings: [],
  summary: {},
  problems: [{ kind: 'duplicate-name', path: 'Alexa.VoiceHistory.csv', message: 'twice', ...extra }]
})

describe('the project’s scan report schema (the source of truth)', () => {
  it('is the exportscope.scan/1 schema', () => {
    expect(JSON.parse(readFileSync(schemaPath, 'utf8')).$id).toBe('exportscope.scan/1')
  })
  it('takes a problem with the byte offsets of both copies, and refuses offsets that are not byte offsets', () => {
    expect(scanReportErrors(problem({ offsets: [0, 4096] })).filter((e) => e.startsWith('/problems'))).toEqual([])
    expect(scanReportErrors(problem({ offsets: [-1] })).some((e) => e.startsWith('/problems/0/offsets/0'))).toBe(true)
    expect(scanReportErrors(problem({ offsets: ['4096'] })).some((e) => e.startsWith('/problems/0/offsets/0'))).toBe(true)
  })
})
