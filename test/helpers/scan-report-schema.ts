import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'

/** The project's own schema of the scan report: the source of truth (src/shared/schema/README.md). */
export const schemaPath = join(__dirname, '../../src/shared/schema/scan-report.schema.json')

const ajv = new Ajv2020({ allErrors: true })
addFormats(ajv)
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')))

/** The schema's complaints about a report, as readable lines; empty when it conforms. */
export function scanReportErrors(report: unknown): string[] {
  return validate(report) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`)
}
