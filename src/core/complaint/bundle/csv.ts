import type { Manifest } from './manifest-schema'

/** manifest.csv's first line, the column names. */
export const MANIFEST_CSV_HEADER: readonly string[] = [
  'role',
  'path',
  'part',
  'size',
  'compressed_size',
  'method',
  'crc32',
  'sha256',
  'archive_time_local',
  'time_utc',
  'device_name',
  'device_serial_end',
  'verdict',
  'reasons',
  'mark',
  'note',
  'recording_ids'
]

// Where a spreadsheet may start a cell: the text's start, and after a list separator (',' or ';',
// whichever the locale uses: German Excel splits on ';'), a tab or a line break, even inside a
// quoted cell once someone splits or pastes it. A formula starts with = + - @ (or their
// full-width forms), possibly after spaces. (One pass: the pattern it replaces,
// /(^|[,;\t\r\n])(\s*)(?=[=+…])/g, scanned a run of tabs again from each of them, so a note of
// 10,000 tabs cost ~0.1 s, and one of 32,000 a second.)
const SEPARATORS = new Set([',', ';', '\t', '\r', '\n'])
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20'])
const SPACE = /\s/

/** The text with an apostrophe before every formula a spreadsheet could find in it. */
export function defuseFormulas(text: string): string {
  let out = ''
  let from = 0
  // At a place a cell may start: the text's start or a separator, and only spaces since.
  let cellStart = true
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (cellStart && FORMULA_STARTS.has(c)) {
      out += `${text.slice(from, i)}'`
      from = i
    }
    if (SEPARATORS.has(c)) cellStart = true
    else if (!SPACE.test(c)) cellStart = false
  }
  return out + text.slice(from)
}

/** The text a cell holds once a CSV reader has unquoted it: formulas defused, numbers as written, null empty. */
export function cellText(value: string | number | null): string {
  if (value === null) return ''
  return typeof value === 'string' ? defuseFormulas(value) : String(value)
}

/**
 * A cell, always quoted (RFC 4180: quotes doubled), so no separator or line break in it is taken
 * for the next cell in any locale. Text has its formulas defused (see defuseFormulas): the CSV is
 * for reading; manifest.json is the record. Numbers are written as they are.
 */
export function csvCell(value: string | number | null): string {
  return `"${cellText(value).replace(/"/g, '""')}"`
}

/**
 * manifest.csv's rows after the header, one per flagged audio entry, then one per metadata file and
 * per unreadable entry; verify compares a bundle's CSV with these, so what is written and what is
 * checked come from one place.
 */
export function manifestRows(m: Manifest): (string | number | null)[][] {
  const rows: (string | number | null)[][] = []
  for (const e of m.entries) {
    rows.push([
      'audio',
      e.path,
      e.part,
      e.size,
      e.compressedSize,
      e.method,
      e.crc32,
      e.sha256,
      e.archiveTimeLocal,
      e.timeUtc,
      e.device?.name ?? null,
      e.device?.serialEnd ?? null,
      e.verdict,
      e.reasons.join(';'),
      e.mark,
      e.note,
      e.recordingIds.join(';')
    ])
  }
  for (const s of m.sources) {
    rows.push(['metadata', s.path, s.part, s.size, null, null, s.crc32, s.sha256, null, null, null, null, null, null, null, `${s.rows} flagged rows`, null])
  }
  for (const u of m.unreadable) {
    rows.push(['unreadable', u.path, u.part, u.size, null, null, u.crc32, null, null, null, null, null, null, null, null, u.error, null])
  }
  return rows
}

/** manifest.csv: the header and manifestRows, UTF-8 with CRLF lines. */
export function manifestCsv(m: Manifest): Buffer {
  const rows = [MANIFEST_CSV_HEADER, ...manifestRows(m)]
  return Buffer.from(`${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`)
}
