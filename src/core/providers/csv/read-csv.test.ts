import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { readCsv, readCsvChunks, sniffDelimiter, type CsvEvent } from './read-csv'

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

  it('reads the same records whatever the chunk boundaries (quotes, "" and CRLF split anywhere)', async () => {
    const text = 'h1,h2,h3\r\n"a ""q""",b,"c\r\nd"\r\n\r\n"x",y"z,\r\n"end"""\r\nlast,1,2'
    const whole = await read(text, text.length + 1)
    expect(whole).toEqual([
      { type: 'header', header: ['h1', 'h2', 'h3'], delimiter: ',' },
      { type: 'row', line: 2, cells: ['a "q"', 'b', 'c\r\nd'] },
      { type: 'row', line: 5, cells: ['x', 'y"z', ''] },
      { type: 'row', line: 6, cells: ['end"'] },
      { type: 'row', line: 7, cells: ['last', '1', '2'] }
    ])
    for (let chunk = 1; chunk <= 12; chunk++) expect(await read(text, chunk)).toEqual(whole)
  })

  it('skips a record longer than the bound with an error naming its line, and reads every row after it', async () => {
    const big = 'x'.repeat(5000)
    const text = `a,b\n1,2\n3,"${big}\n${big}"\n4,${big}\n5,6\n`
    const out: CsvEvent[] = []
    for await (const ev of readCsv(Readable.from([Buffer.from(text)]), undefined, { maxRecordChars: 1000 })) out.push(ev)
    expect(out.filter((e) => e.type === 'row')).toEqual([
      { type: 'row', line: 2, cells: ['1', '2'] },
      { type: 'row', line: 6, cells: ['5', '6'] }
    ])
    const errors = out.filter((e) => e.type === 'error')
    expect(errors.map((e) => e.line)).toEqual([3, 5])
    expect((errors[0] as { message: string }).message).toMatch(/longer than 1,000 characters/)
  })

  it('reads past a 64 MB field in bounded memory: the field costs its record, not the file', async () => {
    const MB = 1024 * 1024
    const chunk = Buffer.alloc(MB, 0x61)
    let sent = 0
    const field = 64
    const source = Readable.from(
      (function* () {
        yield Buffer.from('Timestamp,Utterance\n2023-01-01T10:00:00Z,hello\n2023-01-01T10:00:01Z,"')
        for (; sent < field; sent++) yield chunk
        yield Buffer.from('"\n2023-01-01T10:00:02Z,after\n')
      })()
    )
    const before = process.memoryUsage().rss
    let peak = before
    const out: CsvEvent[] = []
    for await (const ev of readCsv(source)) {
      out.push(ev)
      peak = Math.max(peak, process.memoryUsage().rss)
    }
    expect(sent).toBe(field)
    expect(out.filter((e) => e.type === 'row').map((e) => (e as { cells: string[] }).cells[1])).toEqual(['hello', 'after'])
    expect(out.filter((e) => e.type === 'error')).toEqual([{ type: 'error', line: 3, message: expect.stringMatching(/longer than 1,048,576 characters \(67,108,8\d\d\)/) }])
    // Kept: never the field (64 MB as a string would be 64-128 MB more).
    expect(peak - before).toBeLessThan(48 * MB)
  })
})

describe('readCsvChunks', () => {
  it('hands over the same events as readCsv, a piece of input at a time', async () => {
    const text = `time,said\n${Array.from({ length: 3000 }, (_, i) => `2023-01-01 10:00:${String(i % 60).padStart(2, '0')},"row ${i}, said"\n`).join('')}`
    const pieces = (size: number) => {
      const bytes = Buffer.from(text)
      return Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size))
    }
    const batches: CsvEvent[][] = []
    for await (const events of readCsvChunks(Readable.from(pieces(16 * 1024)))) batches.push(events)
    const one: CsvEvent[] = []
    for await (const ev of readCsv(Readable.from(pieces(7)))) one.push(ev)
    expect(batches.flat()).toEqual(one)
    expect(one).toHaveLength(3001)
    expect(batches.length).toBeGreaterThan(3)
    expect(batches.length).toBeLessThan(100)
    expect(batches.every((b) => b.length > 0)).toBe(true)
  })
})

describe('readCsv from bytes', () => {
  const events = async (bytes: Buffer, chunk: number, maxRecordChars = 1000): Promise<CsvEvent[]> => {
    const pieces: Buffer[] = []
    for (let i = 0; i < bytes.length; i += chunk) pieces.push(bytes.subarray(i, i + chunk))
    const out: CsvEvent[] = []
    for await (const ev of readCsv(Readable.from(pieces), undefined, { maxRecordChars })) out.push(ev)
    return out
  }

  it('reads the same events from random inputs however the bytes are cut (UTF-8 sequences, quotes and CRLF split anywhere)', async () => {
    const alphabet = ['a', ',', ',', '"', '"', '"', '\r', '\n', '\n', ';', 'ä', '😀', ' ', '\ufeff', '\u20ac']
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff
    let rows = 0
    for (let t = 0; t < 1500; t++) {
      let text = ''
      for (let i = Math.floor(next() * 40); i > 0; i--) text += alphabet[Math.floor(next() * alphabet.length)]
      const bytes = Buffer.from(text)
      const max = next() < 0.5 ? 6 : 1000
      const whole = await events(bytes, bytes.length + 1, max)
      rows += whole.filter((e) => e.type === 'row').length
      expect(await events(bytes, 1 + Math.floor(next() * 5), max)).toEqual(whole)
    }
    expect(rows).toBeGreaterThan(1000)
  })

  it('keeps a quote that closes nothing as written, after undoing the pairs before it, and counts characters, not bytes, against the bound', async () => {
    const text = 'h,i\n"a""b"c,"x""y"\n1,"""q"""\n2,' + '😀'.repeat(3) + 'ä\n3,' + '😀'.repeat(4) + '\n'
    const out = await events(Buffer.from(text), 3, 8)
    expect(out).toEqual([
      { type: 'header', header: ['h', 'i'], delimiter: ',' },
      { type: 'row', line: 2, cells: ['"a"b"c', 'x"y'] },
      { type: 'row', line: 3, cells: ['1', '"q"'] },
      // 1 + 3 x 2 + 1 = 8 UTF-16 characters (14 bytes): within the bound.
      { type: 'row', line: 4, cells: ['2', '😀😀😀ä'] },
      { type: 'error', line: 5, message: expect.stringMatching(/longer than 8 characters \(9\)/) }
    ])
  })

  it('reads a long record and an oversized one fed in thousands of small pieces, and the rows after them', async () => {
    const long = 'z'.repeat(600_000)
    const text = `a,b\n1,"${long}"\n2,${'y'.repeat(1_100_000)}\n3,4\n`
    const out = await events(Buffer.from(text), 256, 1024 * 1024)
    expect(out.map((e) => (e.type === 'row' ? [e.line, e.cells[0], e.cells[1]!.length] : [e.type, e.type === 'error' ? e.line : undefined]))).toEqual([
      ['header', undefined],
      [2, '1', 600_000],
      ['error', 3],
      [4, '3', 1]
    ])
  })

  it('reads a lone quoted empty field at the very end as a row, as before, and one before a line end as an empty line', async () => {
    expect(await events(Buffer.from('a\n""'), 1)).toEqual([
      { type: 'header', header: ['a'], delimiter: ',' },
      { type: 'row', line: 2, cells: [''] }
    ])
    expect(await events(Buffer.from('a\n""\nb'), 2)).toEqual([
      { type: 'header', header: ['a'], delimiter: ',' },
      { type: 'row', line: 3, cells: ['b'] }
    ])
  })
})
