import { describe, expect, it } from 'vitest'
import { Interner } from '../clip'
import { CellInterner } from './byte-interner'
import { CsvScanner } from './scanner'
import type { CsvRecord } from './record'

/** Each record's cells through one interner, as a reader of rows uses it. */
function internAll(text: string): string[][] {
  const cells = new CellInterner(new Interner())
  const rows: string[][] = []
  const sink = { row: (r: CsvRecord) => void rows.push(Array.from({ length: r.count + 1 }, (_, i) => cells.get(r, i))), error: () => undefined, pieceEnd: () => undefined }
  const scanner = new CsvScanner(',', 1 << 20)
  const bytes = Buffer.from(text)
  for (let i = 0; i < bytes.length; i += 5) scanner.feed(bytes.subarray(i, i + 5), sink)
  scanner.end(sink)
  return rows
}

describe('CellInterner', () => {
  it('answers each cell its own text, one string per repeated value, whatever the row before held', () => {
    const long = 'y'.repeat(400)
    const rows = internAll(`a,SUCCESS,volume up\nb,SUCCESS,stop\nc,"SUC""CESS",volume up\nd,Grüße,${long}\nSUCCESS,SUCCESS,volume up\n`)
    expect(rows).toEqual([
      ['a', 'SUCCESS', 'volume up', ''],
      ['b', 'SUCCESS', 'stop', ''],
      ['c', 'SUC"CESS', 'volume up', ''],
      ['d', 'Grüße', `${'y'.repeat(294)} [...]`, ''],
      ['SUCCESS', 'SUCCESS', 'volume up', '']
    ])
    // Found again by their bytes in another column and three rows on: the same string.
    expect(rows[4]![0]).toBe(rows[0]![1])
    expect(rows[4]![2]).toBe(rows[0]![2])
  })

  it('still answers right after starting its table over (past 20,000 values)', () => {
    const text = Array.from({ length: 20_100 }, (_, i) => `v${i},same\n`).join('')
    const rows = internAll(text)
    expect(rows.map((r) => r[0])).toEqual(Array.from({ length: 20_100 }, (_, i) => `v${i}`))
    expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['same']))
  })

  it('answers values that take turns row by row, and columns past those it remembers, each its own text', () => {
    const values = ['ECHO', 'ECHO_SHOW', 'FIRE_TV', 'Anna', 'Anne', 'x', '', 'ECHO']
    const wide = Array.from({ length: 70 }, (_, c) => `c${c}`)
    const lines = Array.from({ length: 200 }, (_, r) => [values[r % values.length]!, values[(r * 3) % values.length]!, ...wide.slice(2, 69), values[(r * 5) % values.length]!].join(','))
    const rows = internAll(`${lines.join('\n')}\n`)
    expect(rows.map((r) => r.slice(0, 70).join(','))).toEqual(lines)
    // One string per value, in every column and row.
    expect(rows[16]![0]).toBe(rows[0]![0])
    expect(rows[1]![0]).toBe(rows[3]![1])
    expect(rows[1]![69]).toBe(rows[5]![0])
  })
})
