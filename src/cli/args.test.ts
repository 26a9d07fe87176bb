import { describe, expect, it } from 'vitest'
import { parseArgs } from './args'

describe('parseArgs', () => {
  it('reads scan with its flags in any order', () => {
    expect(parseArgs(['scan', 'x.zip'])).toEqual({ kind: 'scan', path: 'x.zip', sample: false, json: false, hash: true, mapping: null })
    expect(parseArgs(['scan', '--no-hash', 'x.zip', '--json'])).toEqual({ kind: 'scan', path: 'x.zip', sample: false, json: true, hash: false, mapping: null })
  })
  it('takes a mapping file after --mapping or --mapping=', () => {
    expect(parseArgs(['scan', '--mapping', 'cols.json', 'x.zip'])).toEqual({ kind: 'scan', path: 'x.zip', sample: false, json: false, hash: true, mapping: 'cols.json' })
    expect(parseArgs(['scan', 'x.zip', '--mapping=my cols.json', '--json'])).toEqual({ kind: 'scan', path: 'x.zip', sample: false, json: true, hash: true, mapping: 'my cols.json' })
    expect(parseArgs(['scan', '--mapping=-cols.json', 'x.zip'])).toMatchObject({ kind: 'scan', mapping: '-cols.json' })
    expect(parseArgs(['scan', '--', 'x.zip', '--mapping'])).toMatchObject({ kind: 'usage-error' })
  })
  it('takes a path that starts with a dash after --', () => {
    expect(parseArgs(['scan', '--', '--help.zip'])).toEqual({ kind: 'scan', path: '--help.zip', sample: false, json: false, hash: true, mapping: null })
  })
  it('reads --sample instead of a path, and refuses both', () => {
    expect(parseArgs(['scan', '--sample', '--json'])).toEqual({ kind: 'scan', path: '', sample: true, json: true, hash: true, mapping: null })
    expect(parseArgs(['scan', '--sample', 'x.zip'])).toMatchObject({ kind: 'usage-error', message: expect.stringMatching(/takes no path/) })
  })
  it('knows help and version', () => {
    expect(parseArgs(['--help'])).toEqual({ kind: 'help' })
    expect(parseArgs(['scan', '-h'])).toEqual({ kind: 'help' })
    expect(parseArgs(['help'])).toEqual({ kind: 'help' })
    expect(parseArgs(['--version'])).toEqual({ kind: 'version' })
  })
  it('refuses what it does not know, in one sentence', () => {
    const mappingErrors = [['scan', 'a.zip', '--mapping'], ['scan', 'a.zip', '--mapping='], ['scan', '--mapping', '--json', 'a.zip'], ['scan', '--mapping', 'a.json', '--mapping', 'b.json', 'a.zip']]
    for (const argv of [[], ['report'], ['scan'], ['scan', 'a.zip', 'b.zip'], ['scan', 'a.zip', '--fast'], ...mappingErrors]) {
      const parsed = parseArgs(argv)
      expect(parsed.kind, argv.join(' ')).toBe('usage-error')
      if (parsed.kind === 'usage-error') expect(parsed.message).toMatch(/^[a-z].*\.$/)
    }
  })
})
