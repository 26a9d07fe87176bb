import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { schemaCopyPath, schemaOriginalPath } from '../../../test/helpers/scan-report-schema'

describe('the scan report schema copied into the repo', () => {
  it.skipIf(!existsSync(schemaOriginalPath))('equals the design notes’ original in ../shared', () => {
    expect(JSON.parse(readFileSync(schemaCopyPath, 'utf8'))).toEqual(JSON.parse(readFileSync(schemaOriginalPath, 'utf8')))
  })
  it('is the exportscope.scan/1 schema', () => {
    expect(JSON.parse(readFileSync(schemaCopyPath, 'utf8')).$id).toBe('exportscope.scan/1')
  })
})
