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
    let out = ''
    for (let k = i; k < end; k++) {
      // Each recording sits two levels deep: its lines indented four more than stringify gives them alone.
      out += `    ${JSON.stringify(recordings[k], null, 2).replace(/\n/g, '\n    ')}${k === recordings.length - 1 ? '\n' : ',\n'}`
    }
    yield out
  }
  yield `  ]${text.slice(at + JSON.stringify(MARK).length)}\n`
}
