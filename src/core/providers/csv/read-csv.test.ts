import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readCsv, sniffDelimiter, type CsvEvent } from './read-csv'

const read = async (text: string, chunk = 7): Promise<CsvEvent[]> => {
  const bytes = Buffer.from(text, 'utf8')
  const pieces: Buffer[] = []
  for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk))
  const out: CsvEvent[] = []
  for await (const ev of readCsv(Readable.from(pieces))) out.push(ev)
  return out
}

describe('readCsv', () => {
  it('reads BOM, CRLF, ";" and quoted fields holding separators and line breaks, with each row\'s first line', async () => {
    const events = await read('\ufeffTimestamp;Device Name;Utterance\r\n2023-01-01 10:00:00;"Echo; Küche";"hallo, ""welt""\r\nzweite Zeile"\r\n\r\n2023-01-01 10:00:05;Echo;x\r\n')
    expect(events).toEqual([
      { type: 'header', header: ['Timestamp', 'Device Name', 'Utterance'], delimiter: ';' },
      { type: 'row', line: 2, cells: ['2023-01-01 10:00:00', 'Echo; Küche', 'hallo, "welt"\r\nzweite Zeile'] },
      { type: 'row', line: 5, cells: ['2023-01-01 10:00:05', 'Echo', 'x'] }
    ])
  })

  it('keeps reading after a broken record and names the line of an unclosed quote', async () => {
    const events = await read('a,b\n1,2\n3,"open\n4,5\n')
    expect(events.filter((e) => e.type === 'row')).toEqual([{ type: 'row', line: 2, cells: ['1', '2'] }])
    const errors = events.filter((e) => e.type === 'error')
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatchObject({ type: 'error', line: 3 })
    expect((errors[0] as { message: string }).message).toMatch(/quote/i)
  })

  it('reads stray quotes inside a field as text rather than dropping the row', async () => {
    const events = await read('a,b,c\n1,say "hi" now,3\n4,5,6\n')
    expect(events.filter((e) => e.type === 'row').map((e) => (e as { cells: string[] }).cells)).toEqual([
      ['1', 'say "hi" now', '3'],
      ['4', '5', '6']
    ])
  })

  it('yields nothing for an empty file and only the header for a header-only file', async () => {
    expect(await read('')).toEqual([])
    expect(await read('a,b\n')).toEqual([{ type: 'header', header: ['a', 'b'], delimiter: ',' }])
  })

  it('sniffs the separator from the header line, ignoring quoted ones', () => {
    expect(sniffDelimiter('a;b;c')).toBe(';')
    expect(sniffDelimiter('"a;b",c,d')).toBe(',')
    expect(sniffDelimiter('a\tb\tc')).toBe('\t')
    expect(sniffDelimiter('single')).toBe(',')
  })
})
