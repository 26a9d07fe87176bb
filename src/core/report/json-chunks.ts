import type { ScanReport } from './types'

const MARK = '"\u0000recordings\u0000"'
const BATCH = 500

/**
 * The report as `JSON.stringify(report, null, 2)` writes it, in pieces: the recordings a few
 * hundred at a time. At 100,000 recordings the whole text is ~40 MB, and one string of it (and the
 * pipe's buffer holding it) was the largest thing a scan kept in memory.
 */
export function* reportJsonChunks(report: ScanReport): Generator<string> {
  const text = JSON.stringify({ ...report, recordings: MARK }, null, 2)
  const at = text.indexOf(JSON.stringify(MARK))
  const { recordings } = report
  if (at < 0 || recordings.length === 0) {
    yield `${JSON.stringify(report, null, 2)}\n`
    return
  }
  yield `${text.slice(0, at)}[\n`
  for (let i = 0; i < recordings.length; i += BATCH) {
    const end = Math.min(recordings.length, i + BATCH)
    // One native stringify per batch: its elements sit at two spaces, the report's at four, so
    // every line moves two spaces right once the batch's own brackets are cut off.
    const batch = JSON.stringify(recordings.slice(i, end), null, 2)
    yield `  ${batch.slice(2, -2).replace(/\n/g, '\n  ')}${end === recordings.length ? '\n' : ',\n'}`
  }
  yield `  ]${text.slice(at + JSON.stringify(MARK).length)}\n`
}
