import { basename } from 'node:path'
import type { ScanReport } from '../core/report/types'
import { bytes, count, plural, printable } from './format'

const row = (label: string, value: string) => `${label.padEnd(10)}${value}`

function sha256Line(report: ScanReport, hashed: boolean): string {
  if (report.archive.sha256) return report.archive.parts.length > 1 ? `${report.archive.sha256} (over the parts' SHA-256s, in order)` : report.archive.sha256
  if (report.archive.format === 'folder') return 'none (a folder has no single file to hash)'
  return hashed ? 'not known (see problems)' : 'not computed (--no-hash)'
}

/** What a person reads after `exportscope scan`: the facts a complaint would quote first. */
export function formatSummary(report: ScanReport, hashed: boolean): string {
  const { archive, problems } = report
  const lines = [
    row('Export', printable(archive.path)),
    row('Format', archive.format),
    row('Size', archive.bytes < 1000 ? bytes(archive.bytes) : `${bytes(archive.bytes)} (${count(archive.bytes)} bytes)`),
    row('Entries', plural(archive.entries, 'file')),
    row('Audio', plural(report.summary.recordings, 'file')),
    row('SHA-256', sha256Line(report, hashed))
  ]
  if (archive.parts.length > 1) {
    lines.push(row('Parts', `${archive.parts.length}`))
    for (const p of archive.parts) lines.push(`  ${printable(basename(p.path))}  ${bytes(p.bytes)}  ${p.sha256 ?? '-'}`)
  }
  lines.push(row('Problems', problems.length === 0 ? 'none' : count(problems.length)))
  for (const p of problems) lines.push(`  ${p.path === null ? '(the archive)' : printable(p.path)}: ${printable(p.message)}`)
  return `${lines.join('\n')}\n`
}
