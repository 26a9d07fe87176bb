import { basename } from 'node:path'
import type { ScanReport, ScanReportDevice } from '../core/report/types'
import { bytes, count, plural, printable } from './format'
import { deviceTable } from './device-table'

const LABEL = 12
const row = (label: string, value: string) => `${label.padEnd(LABEL)}${value}`
const more = (value: string) => `${' '.repeat(LABEL)}${value}`

function sha256Line(report: ScanReport, hashed: boolean): string {
  if (report.archive.sha256) return report.archive.parts.length > 1 ? `${report.archive.sha256} (over the parts' SHA-256s, in order)` : report.archive.sha256
  if (report.archive.format === 'folder') return 'none (a folder has no single file to hash)'
  return hashed ? 'not known (see problems)' : 'not computed (--no-hash)'
}

function accountLine({ account }: ScanReport): string {
  const named = [...new Set([...account.ids, ...account.names, ...account.emails])]
  return named.length === 0 ? 'not named in the export' : named.map(printable).join(', ')
}

function providerLines({ providers }: ScanReport): string[] {
  if (providers.length === 0) return ['none: no voice data was recognised']
  return providers.map((p) => printable(p.reason ? `${p.name}: ${p.reason}` : p.name))
}

function recordingsLine({ summary, recordings }: ScanReport): string {
  const transcribed = recordings.reduce((n, r) => (r.transcript ? n + 1 : n), 0)
  const details = [
    summary.recordings > 0 ? `${count(transcribed)} with a transcript` : '',
    summary.foreign > 0 ? `${count(summary.foreign)} foreign` : '',
    summary.suspect > 0 ? `${count(summary.suspect)} suspect` : '',
    summary.audioFilesWithoutMetadata > 0 ? `${plural(summary.audioFilesWithoutMetadata, 'audio file')} no metadata describes` : '',
    summary.metadataWithoutAudio > 0 ? `${count(summary.metadataWithoutAudio)} listed without their audio file` : ''
  ].filter(Boolean)
  return `${count(summary.recordings)}${details.length > 0 ? ` (${details.join('; ')})` : ''}`
}

function devicesLine(devices: readonly ScanReportDevice[]): string {
  if (devices.length === 0) return 'none named in the export'
  const registered = devices.filter((d) => d.registered).length
  const which = registered === 0 ? 'none registered to the account' : registered === devices.length ? 'all registered to the account' : `${count(registered)} registered to the account`
  return `${count(devices.length)} (${which})`
}

/** What a person reads after `exportscope scan`: the facts a complaint would quote first. */
export function formatSummary(report: ScanReport, hashed: boolean): string {
  const { archive, problems } = report
  const lines = [
    row('Export', printable(archive.path)),
    row('Format', archive.format),
    row('Size', archive.bytes < 1000 ? bytes(archive.bytes) : `${bytes(archive.bytes)} (${count(archive.bytes)} bytes)`),
    row('Entries', plural(archive.entries, 'file')),
    row('SHA-256', sha256Line(report, hashed))
  ]
  if (archive.parts.length > 1) {
    lines.push(row('Parts', `${archive.parts.length}`))
    for (const p of archive.parts) lines.push(`  ${printable(basename(p.path))}  ${bytes(p.bytes)}  ${p.sha256 ?? '-'}`)
  }
  lines.push(row('Account', accountLine(report)))
  providerLines(report).forEach((line, i) => lines.push(i === 0 ? row('Providers', line) : more(line)))
  lines.push(row('Recordings', recordingsLine(report)))
  lines.push(row('Devices', devicesLine(report.devices)))
  lines.push(...deviceTable(report.devices))
  lines.push(row('Findings', report.findings.length === 0 ? 'none' : count(report.findings.length)))
  // Strong findings make recordings foreign, weak ones at most suspect: each line says which it is.
  for (const f of report.findings) lines.push(`  ${f.severity}: ${printable(f.message)}`)
  lines.push(row('Problems', problems.length === 0 ? 'none' : count(problems.length)))
  for (const p of problems) lines.push(`  ${p.path === null ? '(the archive)' : printable(p.path)}: ${printable(p.message)}`)
  // A voice history whose columns we could not name is read once the person names them.
  if (problems.some((p) => p.kind === 'unknown-header')) lines.push('  To read a file whose header is unknown, name its columns in a mapping file and scan again with --mapping <file.json> (see --help).')
  return `${lines.join('\n')}\n`
}
