import { grid } from '../grid'

export interface Row {
  label: string
  entries: number
  bytes: number
  /** `note` replaces the time when the scan failed (its exit code). */
  ours: { wallMs: number; rssRange: [number, number] | null; note?: string }
  /** The same scan with the SHA-256, which streams every byte of the file. */
  hashed: { wallMs: number; rssRange: [number, number] | null }
  unzip: { wallMs: number } | { skipped: string }
  jszip: { wallMs: number; peakRss: number | null } | { skipped: string }
}

const mb = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n / 1e6)} MB`)
const size = (n: number) => (n >= 1e9 ? `${(n / 1e9).toFixed(2)} GB` : `${Math.round(n / 1e6)} MB`)
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`

export function formatTable(rows: Row[]): string {
  const header = ['input', 'entries', 'size', 'ours wall', 'ours RSS', '+hash wall', '+hash RSS', 'unzip -l wall', 'jszip wall', 'jszip RSS']
  const body = rows.map((r) => [
    r.label,
    r.entries.toLocaleString('en-US'),
    size(r.bytes),
    r.ours.note ?? secs(r.ours.wallMs),
    mb(r.ours.rssRange?.[1] ?? null),
    secs(r.hashed.wallMs),
    mb(r.hashed.rssRange?.[1] ?? null),
    'skipped' in r.unzip ? r.unzip.skipped : secs(r.unzip.wallMs),
    'skipped' in r.jszip ? r.jszip.skipped : secs(r.jszip.wallMs),
    'skipped' in r.jszip ? '' : mb(r.jszip.peakRss)
  ])
  return grid(header, body)
}
