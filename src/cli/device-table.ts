import type { ScanReportDevice } from '../core/report/types'
import { count, printable } from './format'

const MAX_NAME = 32
const clip = (text: string) => (text.length > MAX_NAME ? `${text.slice(0, MAX_NAME - 1)}…` : text)
// Minutes are enough to find a recording; the seconds are in --json.
const minute = (iso: string | null) => (iso ? iso.slice(0, 16).replace('T', ' ') : '')

function seen(d: ScanReportDevice): string {
  if (!d.firstSeen && !d.lastSeen) return '-'
  if (d.firstSeen === d.lastSeen) return minute(d.firstSeen)
  return `${minute(d.firstSeen)} – ${minute(d.lastSeen)}`
}

/**
 * Every device as one aligned row: the columns a person compares first. 'NO' is in capitals
 * because an unregistered device is the first sign that recordings are not the account's.
 */
export function deviceTable(devices: readonly ScanReportDevice[]): string[] {
  if (devices.length === 0) return []
  const header = ['Name', 'Serial', 'Registered', 'Recordings', 'First – last recording (UTC)']
  const rows = devices.map((d) => [clip(printable(d.name ?? '-')), printable(d.serial ?? '-'), d.registered ? 'yes' : d.registrationKnown === false ? 'not stated' : 'NO', count(d.recordings), seen(d)])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  const RIGHT = 3
  const line = (cells: string[]) =>
    `  ${cells
      .map((c, i) => (i === cells.length - 1 ? c : i === RIGHT ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')}`.trimEnd()
  return [line(header), ...rows.map(line)]
}
