import { parse } from 'csv-parse/sync'
import { cellText, MANIFEST_CSV_HEADER, manifestRows } from './csv'
import type { Manifest } from './manifest-schema'
import type { Difference } from './verify'

export const MANIFEST_CSV = 'manifest.csv'

// The columns that say which bytes a row is about (and, for audio, what was found): what a reader of
// the spreadsheet relies on. Device names, marks, notes and reasons are prose whose wording a later
// version may change; comparing them would fail bundles written before.
const IDENTIFYING = ['role', 'path', 'part', 'size', 'crc32', 'sha256']
const AUDIO = [...IDENTIFYING, 'compressed_size', 'method', 'time_utc', 'verdict']
const column = new Map(MANIFEST_CSV_HEADER.map((name, i) => [name, i]))

// A forged CSV of a million rows is named in a few lines, not a million: rows are listed until this
// many differences are, then only counted.
const MAX_LISTED = 20

const LINE_BREAK = /\r\n|\r|\n/g

// The CSV is UTF-8, which has no lone surrogate: the writer's encoding put U+FFFD in its place.
const LONE_SURROGATE = /[\uD800-\uDFFF]/
const written = (value: string | number | null) => {
  const text = cellText(value)
  return LONE_SURROGATE.test(text) ? Buffer.from(text).toString('utf8') : text
}

const shown = (cell: string) => (cell === '' ? '(empty)' : cell)

/**
 * Where manifest.csv does not say what the manifest says: its header, then each row in order (audio
 * entries, metadata files, unreadable entries) in the identifying columns, as manifestCsv writes
 * them (text defused, null empty). Rows are compared as they are parsed, so the CSV is never held
 * twice.
 */
export function manifestCsvDifferences(csv: Buffer, manifest: Manifest): Difference[] {
  const expected = manifestRows(manifest)
  const found: Difference[] = []
  let headerSeen = false
  let headerOk = false
  let rows = 0
  let unlisted = 0
  let firstExtraLine: number | null = null
  // Counted here: csv-parse takes a CRLF inside a quoted cell (a note of two lines) for two lines.
  let nextLine = 1

  const compare = (record: string[], line: number) => {
    const want = expected[rows]
    rows++
    if (!want) {
      firstExtraLine ??= line
      return
    }
    // A text editor's line and a spreadsheet's row part once a cell spans lines.
    const at = line === rows + 1 ? `Line ${line}` : `Line ${line} (row ${rows + 1} in a spreadsheet)`
    const differing = (want[0] === 'audio' ? AUDIO : IDENTIFYING).filter((name) => record[column.get(name)!] !== written(want[column.get(name)!]!))
    if (differing.length === 0) return
    // Whole rows only, so the count of those left out is exact.
    if (found.length >= MAX_LISTED) {
      unlisted++
      return
    }
    for (const name of differing) {
      const i = column.get(name)!
      found.push({
        kind: 'manifest-csv',
        where: MANIFEST_CSV,
        line,
        column: name,
        message: `${at} of manifest.csv, column ${name}, is not what manifest.json lists for ${String(want[1])}.`,
        expected: shown(written(want[i]!)),
        actual: shown(record[i]!)
      })
    }
  }

  try {
    parse(csv, {
      bom: true,
      on_record: (record: string[]) => {
        const line = nextLine
        nextLine += 1 + record.reduce((n, cell) => n + (cell.match(LINE_BREAK)?.length ?? 0), 0)
        if (!headerSeen) {
          headerSeen = true
          headerOk = record.length === MANIFEST_CSV_HEADER.length && record.every((name, i) => name === MANIFEST_CSV_HEADER[i])
        } else if (headerOk) compare(record, line)
        return null
      }
    })
  } catch (err) {
    // The line the unreadable row starts on; csv-parse's own count, in its message, is off past such a note.
    return [{ kind: 'manifest-csv', where: MANIFEST_CSV, line: nextLine, message: `manifest.csv cannot be read as CSV from the row starting on line ${nextLine} (csv-parse: ${err instanceof Error ? err.message : String(err)}).` }]
  }

  if (!headerOk) {
    return [{ kind: 'manifest-csv', where: MANIFEST_CSV, line: 1, message: 'The first line of manifest.csv is not the header this app writes, so its columns cannot be compared with manifest.json.', expected: MANIFEST_CSV_HEADER.join(',') }]
  }
  if (unlisted > 0) {
    found.push({ kind: 'manifest-csv', where: MANIFEST_CSV, message: `…and ${unlisted} more ${unlisted === 1 ? 'row' : 'rows'} of manifest.csv ${unlisted === 1 ? 'differs' : 'differ'} from manifest.json as well; they are not listed one by one.` })
  }
  if (rows !== expected.length) {
    const { entries, sources, unreadable } = manifest
    found.push({
      kind: 'manifest-csv',
      where: MANIFEST_CSV,
      ...(firstExtraLine !== null && { line: firstExtraLine }),
      message: `manifest.csv has ${rows} rows after its header; manifest.json lists ${expected.length} (${entries.length} audio entries, ${sources.length} metadata files, ${unreadable.length} unreadable entries).`,
      expected: String(expected.length),
      actual: String(rows)
    })
  }
  return found
}
