import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'
import { describe, expect, it } from 'vitest'
import { COMPANY_RECORDS, SUPERVISORY_AUTHORITY_RECORDS } from './records'

// The "build-time" check of the bundled directory: every record against the schema it ships with.
const here = __dirname
const json = (path: string) => JSON.parse(readFileSync(join(here, path), 'utf8')) as Record<string, unknown>

function validator(schemaFile: string) {
  const ajv = new Ajv({ allErrors: true, strict: false })
  addFormats(ajv)
  // datenanfragen's own formats: free text, and e-mail addresses that may hold non-ASCII letters.
  ajv.addFormat('text', true)
  ajv.addFormat('idn-email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/u)
  return ajv.compile(json(schemaFile))
}

describe('the bundled datenanfragen directory', () => {
  const files = readdirSync(join(here, 'supervisory-authorities')).filter((f) => f.endsWith('.json'))

  it('lists every record of the folder in records.ts, and nothing else', () => {
    expect(files).toHaveLength(57)
    const slugs = SUPERVISORY_AUTHORITY_RECORDS.map((r) => (r as { slug: string }).slug).sort()
    expect(slugs).toEqual(files.map((f) => f.replace(/\.json$/, '')).sort())
  })

  it('validates every supervisory authority record against its schema', () => {
    const validate = validator('schema-supervisory-authorities.json')
    const failures: string[] = []
    for (const record of SUPERVISORY_AUTHORITY_RECORDS) {
      if (!validate(record)) failures.push(`${(record as { slug: string }).slug}: ${JSON.stringify(validate.errors)}`)
    }
    expect(failures).toEqual([])
  })

  it('rejects a record that breaks the schema, so the check can fail', () => {
    const validate = validator('schema-supervisory-authorities.json')
    expect(validate({ slug: 'Not A Slug', 'relevant-countries': ['de'], name: 'x', address: 'y', sources: [] })).toBe(false)
    expect(validate({ ...json('supervisory-authorities/lucnpd.json'), extra: 1 })).toBe(false)
  })

  it('validates the controllers it uses against the companies schema', () => {
    const validate = validator('schema-companies.json')
    for (const [slug, record] of Object.entries(COMPANY_RECORDS)) {
      expect(validate(record), `${slug}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
  })

  it('keeps each file byte-for-byte a JSON record whose slug is its file name', () => {
    for (const f of files) expect(json(`supervisory-authorities/${f}`).slug).toBe(f.replace(/\.json$/, ''))
  })

  it('says where the data comes from', () => {
    const note = readFileSync(join(here, 'ATTRIBUTION.md'), 'utf8')
    expect(note).toContain('0a29c3d6feee53b02e73204a3dbd312eafe56629')
    expect(note).toContain('CC0')
  })
})
