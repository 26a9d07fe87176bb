import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reading } from '../../test/helpers/reading'
import { buildScanReport } from '../core/report/scan-report'
import { oneLine, printable } from './format'
import { formatSummary } from './summary'

const hex = (c: number) => `\\u${c.toString(16).padStart(4, '0')}`

describe('printable', () => {
  it('never lets a right-to-left override turn a3<RLO>vaw.exe into a3exe.wav', () => {
    expect(printable('a3\u202evaw.exe')).toBe('a3\\u202evaw.exe')
  })

  it('escapes every bidi control, line and paragraph separator and zero-width character', () => {
    const hostile = [0x200e, 0x200f, 0x061c, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x2028, 0x2029, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]
    for (const c of hostile) expect(printable(`x${String.fromCharCode(c)}y`)).toBe(`x${hex(c)}y`)
  })

  it('escapes C0 and C1 controls as before', () => {
    for (const c of [0x00, 0x07, 0x0a, 0x1b, 0x1f, 0x7f, 0x85, 0x9b, 0x9f]) expect(printable(String.fromCharCode(c))).toBe(hex(c))
  })

  it('leaves no control, bidi, separator or zero-width character in any string, and changes nothing else', () => {
    const risky = fc.constantFrom(...'\u0000\u001b\u007f\u0085\u061c\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff'.split(''))
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ unit: 'binary', maxLength: 12 }), risky), { maxLength: 12 }), (parts) => {
        const text = parts.join('')
        const shown = printable(text)
        expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/)
        // Undoing the escapes gives the text back: nothing else was touched.
        expect(shown.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))).toBe(text.replace(/\\u([0-9a-f]{4})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))))
      })
    )
  })

  it('keeps ordinary text of any script as it is, nearby code points included', () => {
    const text = 'Küche Echo – «Wohnzimmer» 東京 مرحبا שלום \u2010\u2027\u202f\u2065\u206a\u00a0 emoji 😀'
    expect(printable(text)).toBe(text)
  })
})

describe('the scan summary', () => {
  it('shows an entry named with a right-to-left override escaped, never reordered', () => {
    const problems = [{ kind: 'unsafe-path', path: 'Audio/a3\u202evaw.exe', message: 'The name Audio/a3\u202evaw.exe is odd.' }]
    const archive = { path: '/x/\u2066export.zip', format: 'zip' as const, bytes: 1, parts: [{ path: '/x/\u2066export.zip', bytes: 1 }], entries: [], problems }
    const text = formatSummary(buildScanReport({ archive, reading: reading(), hashes: null }), false)
    expect(text).toContain('Audio/a3\\u202evaw.exe: The name Audio/a3\\u202evaw.exe is odd.')
    expect(text).toContain('/x/\\u2066export.zip')
    expect(text).not.toMatch(/[\u202e\u2066]/)
  })
})

describe('oneLine', () => {
  it('joins the lines of a message, trimmed, without the blank ones', () => {
    expect(oneLine('  mapping.json:\r\n\n   line 3: expected a column  \n')).toBe('mapping.json: line 3: expected a column')
    expect(oneLine('one  line\tkept as it is')).toBe('one  line\tkept as it is')
  })

  it('gives what the old pattern gave, on any text', () => {
    const old = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim()
    const pieces = fc.constantFrom('a', 'b', ' ', '\t', '\n', '\r', '\u00a0', '\u2028', 'é')
    fc.assert(fc.property(fc.array(pieces, { maxLength: 40 }).map((p) => p.join('')), (text) => oneLine(text) === old(text)))
  })

  it('costs the length of a long run of spaces, not its square', () => {
    // 200,000 spaces before a letter: the old pattern took 1.7 s on 40,000, four times that per doubling.
    const text = `${' '.repeat(200_000)}x${' '.repeat(200_000)}\ny`
    expect(oneLine(text)).toBe('x y')
  })
})
