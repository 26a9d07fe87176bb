import { JsonBytes, type ByteSink } from './json-bytes'
import type { ReportRecordings } from './scan-report'
import type { ScanReport } from './types'

const MARK = JSON.stringify('\u0000recordings\u0000')
const BATCH = 1000
// A batch is written as the `recordings` member of a wrapper object: its elements then sit at the
// depth (four spaces) that the report's recordings have, and only the wrapper's lines are cut off.
const OPEN = '{\n  "recordings": [\n'
const CLOSE = '\n  ]\n}'

/**
 * The report as `JSON.stringify(report, null, 2)` and a newline, as UTF-8, into `sink` a buffer at
 * a time. The recordings come from `recordings` (by default the report's own): a sequence that can
 * write its rows straight as bytes (buildScanReportParts) never makes them at all; any other is
 * stringified a thousand at a time. So the ~40 MB of a 100,000-recording report never sit in
 * memory, as one string or as rows.
 */
export async function writeReportJson(report: ScanReport, sink: ByteSink, recordings: ReportRecordings = report.recordings): Promise<void> {
  const out = new JsonBytes(sink)
  const count = recordings.length
  if (count === 0) {
    out.text(`${JSON.stringify({ ...report, recordings: [] }, null, 2)}\n`)
    return out.end()
  }
  const text = JSON.stringify({ ...report, recordings: JSON.parse(MARK) as string }, null, 2)
  const at = text.indexOf(MARK)
  out.text(`${text.slice(0, at)}[\n`)
  if (recordings.writeRow) {
    for (let i = 0; i < count; i++) {
      recordings.writeRow(out, i)
      if (out.full) await out.flush()
    }
  } else {
    for (let i = 0; i < count; i += BATCH) {
      const end = Math.min(count, i + BATCH)
      const batch = JSON.stringify({ recordings: recordings.slice(i, end) }, null, 2)
      if (i > 0) out.ascii(',\n')
      out.text(batch.slice(OPEN.length, batch.length - CLOSE.length))
      await out.flush()
    }
  }
  out.text(`\n  ]${text.slice(at + MARK.length)}\n`)
  await out.end()
}
