import { Readable } from 'node:stream'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Recording } from '../../../shared/model/recording'
import { fresh } from '../clip'
import { rowFields } from './columns'
import { MAX_RECORD_CHARS, scanCsv } from './read-csv'
import { RowStore, rowSources } from './row-store'
import { plainRecording } from './recording-columns'

/** The CSV in pieces of `size` bytes, as an inflating stream hands it on. */
const pieces = (text: string, size: number | number[]): Readable => {
  const bytes = Buffer.from(text, 'utf8')
  const sizes = typeof size === 'number' ? [size] : size
  const out: Buffer[] = []
  for (let i = 0, k = 0; i < bytes.length; k++) {
    const n = sizes[k % sizes.length]!
    out.push(bytes.subarray(i, i + n))
    i += n
  }
  return Readable.from(out)
}

/** Each row's fields made at once from its cells (as readers did before), and as the store makes them later. */
async function both(text: string, size: number | number[]): Promise<{ eager: Array<Record<string, string>>; kept: Array<Record<string, string>>; lines: number[]; store: RowStore }> {
  let header: string[] = []
  let store: RowStore | null = null
  const eager: Array<Record<string, string>> = []
  const lines: number[] = []
  for await (const _ of scanCsv(pieces(text, size), {
    header(h, delimiter) {
      header = h
      store = new RowStore(delimiter, MAX_RECORD_CHARS)
    },
    row(rec) {
      const cells: string[] = []
      for (let i = 0; i < rec.count; i++) cells.push(fresh(rec.text(i)))
      eager.push(rowFields(header, cells))
      lines.push(rec.line)
      store!.add(rec)
    },
    error() {},
    pieceEnd: () => store?.flush()
  })) {
    // (each piece)
  }
  const sourceAt = rowSources('v.csv', null, header, store!)
  return { eager, kept: lines.map((line) => sourceAt(line).fields), lines, store: store! }
}

const CSV = [
  'Timestamp;Device Name;Utterance;Audio File;Status',
  '2023-03-01T10:00:00Z;Küche;"sag ""hallo"" zu mir";Audio/a.wav;SUCCESS',
  '',
  '2023-03-01T10:01:00Z;"Anna\'s Echo";"zwei\r\nZeilen; mit Trenner";Audio/b.wav;',
  '2023-03-01T10:02:00Z;Echo;"drei "kaputt"";;DISCARDED',
  ' 2023-03-01 10:03:00 ;Echo;grüß gott 🙂;Audio/c.wav',
  `2023-03-01T10:04:00Z;Echo;${'lang '.repeat(200)};Audio/d.wav;SUCCESS;extra`,
  '"2023-03-01T10:05:00Z";"";"";"";""',
  '2023-03-01T10:06:00Z;Echo;last row without a line end;Audio/e.wav;SUCCESS'
].join('\r\n')

describe('RowStore', () => {
  it.each([1, 3, 17, 64, 1 << 16])('gives each row the fields its cells gave when read (pieces of %i bytes)', async (size) => {
    const { eager, kept, lines } = await both(CSV, size)
    expect(eager).toHaveLength(7)
    expect(kept).toEqual(eager)
    // Key order too: the report and the detail pane show the fields in the header's order.
    expect(kept.map((f) => Object.keys(f))).toEqual(eager.map((f) => Object.keys(f)))
    expect(lines).toEqual([2, 4, 6, 7, 8, 9, 10])
    expect(kept[0]!.Utterance).toBe('sag "hallo" zu mir')
    expect(kept[1]!.Utterance).toBe('zwei\r\nZeilen; mit Trenner')
    // (A quote that closes nothing: the cell is kept as written.)
    expect(kept[2]!.Utterance).toBe('"drei "kaputt""')
    // A cell over the field limit is cut as it was when read.
    expect(kept[4]!.Utterance!.endsWith(' [...]')).toBe(true)
  })

  it('holds a few kB for a file of one row, and about its bytes for a file of many', async () => {
    // Each store once began with a 1 MB piece: 10,000 voice histories of one row held 552 MB.
    const header = 'Timestamp,Device Name,Utterance'
    const one = await both(`${header}\n2023-03-01T10:00:00Z,Echo,hallo\n`, 1 << 16)
    expect(one.kept).toHaveLength(1)
    expect(one.store.heldBytes).toBeLessThanOrEqual(8 * 1024)
    const rows = Array.from({ length: 10_000 }, (_, i) => `2023-03-01T10:00:00Z,Echo,frage nummer ${i}`)
    const many = await both(`${header}\n${rows.join('\n')}\n`, 1 << 16)
    expect(many.kept).toHaveLength(10_000)
    expect(many.kept[9999]!.Utterance).toBe('frage nummer 9999')
    const bytes = Buffer.byteLength(rows.join('\n'))
    expect(many.store.heldBytes).toBeLessThanOrEqual(bytes * 2 + 10_000 * 16 * 2)
  })

  it('keeps rows longer than its pieces, and answers no fields for a line no row starts on', async () => {
    const long = `a,b\n${'x'.repeat(3 << 20)},1\nshort,2\n`
    const { eager, kept } = await both(long, 1 << 16)
    expect(kept).toEqual(eager)
    expect(kept[0]!.a!.length).toBeLessThan(400)
    const store = new RowStore(',', MAX_RECORD_CHARS)
    expect(store.cells(5)).toBeNull()
    expect(rowSources('f', null, ['a'], store)(5).fields).toEqual({})
  })

  it('a source reads as plain data through JSON and plainRecording, with its fields', async () => {
    const { lines } = await both(CSV, 64)
    let header: string[] = []
    const store = new RowStore(';', MAX_RECORD_CHARS)
    for await (const _ of scanCsv(pieces(CSV, 64), { header: (h) => void (header = h), row: (rec) => store.add(rec), error() {}, pieceEnd: () => store.flush() })) {
      // (each piece)
    }
    const source = rowSources('Alexa/v.csv', 'p1.zip', header, store)(lines[0]!)
    // The file and part are the file's (on the sources' prototype), read like own fields.
    expect([source.file, source.part, source.line]).toEqual(['Alexa/v.csv', 'p1.zip', 2])
    const fields = { Timestamp: '2023-03-01T10:00:00Z', 'Device Name': 'Küche', Utterance: 'sag "hallo" zu mir', 'Audio File': 'Audio/a.wav', Status: 'SUCCESS' }
    expect(JSON.parse(JSON.stringify(source))).toEqual({ file: 'Alexa/v.csv', part: 'p1.zip', line: 2, fields })
    const recording = { id: 'r1', source } as unknown as Recording
    const plain = plainRecording(recording)
    expect(structuredClone(plain)).toEqual({ id: 'r1', source: { file: 'Alexa/v.csv', part: 'p1.zip', line: 2, fields } })
  })

  it('refuses a row of a new piece while rows of the last one wait to be copied, and copies them before reading', async () => {
    const store = new RowStore(',', MAX_RECORD_CHARS)
    const feeds: Buffer[] = [Buffer.from('h\nx1\nx2\n'), Buffer.from('x3\n')]
    const rows: Array<{ buf: Buffer; from: number; to: number; line: number }> = []
    for await (const _ of scanCsv(Readable.from(feeds), { header() {}, row: (rec) => void rows.push({ buf: rec.buf, from: rec.from, to: rec.to, line: rec.line }), error() {} })) {
      // (each piece)
    }
    const [a, b, c] = rows as [(typeof rows)[0], (typeof rows)[0], (typeof rows)[0]]
    store.add(a as never)
    store.add(b as never)
    // Read before any flush: the waiting rows are copied first.
    expect(store.cells(2)).toEqual(['x1'])
    store.add(c as never)
    expect(() => store.add({ ...a, line: 9 } as never)).toThrow(/not flushed/)
  })

  it('keeps any CSV handed on in any pieces as its rows read when scanned (property)', async () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', 'Küche 🙂', 'a;b', 'x"y', 'zwei\r\nZeilen', '"', '""'))
    const line = fc.array(cell, { minLength: 1, maxLength: 6 }).map((cells) => cells.map((c) => (/[";\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(';'))
    const csv = fc.tuple(fc.array(line, { maxLength: 60, size: 'max' }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => ['A;B;C;D;E;F', ...lines].join(eol))
    await fc.assert(
      fc.asyncProperty(csv, fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 5 }), async (text, sizes) => {
        const { eager, kept } = await both(text, sizes)
        expect(kept).toEqual(eager)
      }),
      { numRuns: 150, seed: 15 }
    )
  })
})
