import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { scanReportErrors } from '../../test/helpers/scan-report-schema'
import { runCli } from './run'

describe('exportscope scan --sample', () => {
  it('reads the sample export that ships in resources/ and prints its report', async () => {
    const out: string[] = []
    const err: string[] = []
    const code = await runCli(['scan', '--sample', '--json', '--no-hash'], { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) }, env: {} })
    expect(code, err.join('')).toBe(0)
    const report = JSON.parse(out.join(''))
    expect(report.archive.path).toBe(resolve(__dirname, '../../resources/sample-export.zip'))
    expect(report.recordings).toHaveLength(13)
    expect(report.summary).toMatchObject({ foreign: 5, foreignDevices: 1 })
    expect(scanReportErrors(report)).toEqual([])
  })
})
