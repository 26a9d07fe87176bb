import type { ReportRecordings } from './scan-report'
import type { ScanReport } from './types'

const MARK = '"\u0000recordings\u0000"'
const BATCH = 1000
// A batch is written as the `recordings` member of a wrapper object: its elements then sit at the
// depth (four spaces) that the report's recordings have, and only the wrapper's lines are cut off.
const OPEN = '{\n  "recordings": [\n'
const CLOSE = '\n  ]\n}'

/**
 * The report as `JSON.stringify(report, null, 2)` writes it, in pieces: the recordings a thousand
 * at a time, each batch one native stringify with nothing re-indented. At 100,000 recordings the
 * whole text is ~40 MB, and one string of it (and the pipe's buffer holding it) was the largest
 * thing a scan kept in memory. `recordings` (by default the report's own) may make its rows only
 * when asked for a batch, so they never all exist at once.
 */
export function* reportJsonChunks(report: ScanReport, recordings: ReportRecordings = report.recordings): Generator<string> {
  const count = recordings.length
  if (count === 0) {
    yield `${JSON.stringify({ ...report, recordings: [] }, null, 2)}\n`
    return
  }
  const text = JSON.stringify({ ...report, recordings: MARK }, null, 2)
  const at = text.indexOf(JSON.stringify(MARK))
  yield `${text.slice(0, at)}[\n`
  for (let i = 0; i < count; i += BATCH) {
    const end = Math.min(count, i + BATCH)
    const batch = JSON.stringify({ recordings: recordings.slice(i, end) }, null, 2)
    yield batch.slice(OPEN.length, batch.length - CLOSE.length)
    yield end === count ? '\n' : ',\n'
  }
  yield `  ]${text.slice(at + JSON.stringify(MARK).length)}\n`
}
