import type { Manifest } from './manifest-schema'

const HEADER = [
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

/**
 * A cell as RFC 4180 wants it. A text a spreadsheet would run as a formula (=, +, -, @ first)
 * gets a leading apostrophe: the CSV is for reading; manifest.json is the record.
 */
function cell(value: string | number | null): string {
  if (value === null) return ''
  let s = String(value)
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** manifest.csv: one row per flagged audio entry, then one per metadata file and per unreadable entry, UTF-8 with CRLF lines. */
export function manifestCsv(m: Manifest): Buffer {
  const rows: (string | number | null)[][] = [HEADER]
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
  return Buffer.from(`${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`)
}
