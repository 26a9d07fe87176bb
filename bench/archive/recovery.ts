// `npm run bench:recovery [-- 10000 100000] [--runs N] [--keep DIR]`: what an interrupted download
// of Amazon's nested layout costs to read (the category ZIPs stored and streamed inside the export,
// as our generator writes them), against the same export whole in the same run: the export whole,
// without its central directory (cut where the directory starts), and cut at 80 % (inside
// Alexa.zip). Prints a table; asserts nothing. Needs the built CLI (run through build-then).
import { closeSync, copyFileSync, existsSync, fstatSync, mkdirSync, mkdtempSync, openSync, rmSync, statSync, truncateSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { generateExport } from '../../src/core/generate'
import { option, runs, sizes } from '../argv'
import { grid } from '../grid'
import { directoryOf } from './directory'
import { measure, median, type Repeated } from './measure'

const root = resolve(__dirname, '../..')
const RUNS = runs()
const keep = option('--keep')
const SIZES = sizes([10_000])
const log = (line: string) => process.stderr.write(`bench: ${line}\n`)

/** Where the central directory starts: the export is cut there to leave it without one. */
function centralStart(file: string): number {
  const fd = openSync(file, 'r')
  try {
    return directoryOf(fd, fstatSync(fd).size).start
  } finally {
    closeSync(fd)
  }
}

/** A copy of `file` cut to `bytes`. */
function cutCopy(file: string, to: string, bytes: number): string {
  copyFileSync(file, to)
  truncateSync(to, bytes)
  return to
}

interface Report {
  recordings: { audioPath: string | null }[]
  problems: { kind: string; path: string | null }[]
}

async function main(): Promise<void> {
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'exportscope-bench-recovery-'))
  mkdirSync(dir, { recursive: true })
  const cli = join(root, 'out/main/cli.js')
  if (!existsSync(cli)) throw new Error('out/main/cli.js is missing: run through scripts/build-then.mjs')
  const rssFile = join(dir, 'rss')
  const rows: string[][] = []
  try {
    for (const n of SIZES) {
      const whole = join(dir, `nested-${n}.zip`)
      if (!existsSync(whole)) {
        log(`writing ${n.toLocaleString('en-US')} recordings in a nested, streamed Alexa.zip…`)
        // 8 kHz clips of up to 1.5 s (8–24 KB): the generator builds Alexa.zip in memory, which must stay under 4 GiB at 100,000.
        const own = Math.round(n * 0.9)
        await generateExport({ provider: 'amazon', own, foreign: n - own, kind: 'unregistered-device', seed: 'recovery', amazon: { nestedAlexa: true }, clips: { sampleRate: 8000, maxSeconds: 1.5 } }, whole)
      }
      const size = statSync(whole).size
      const inputs: [string, string][] = [
        ['whole', whole],
        ['no central directory', cutCopy(whole, join(dir, `nested-${n}-nocd.zip`), centralStart(whole))],
        ['cut at 80 % (inside Alexa.zip)', cutCopy(whole, join(dir, `nested-${n}-cut.zip`), Math.floor(size * 0.8))]
      ]
      let baseline: Repeated | null = null
      for (const [label, file] of inputs) {
        log(`measuring ${n.toLocaleString('en-US')}, ${label}…`)
        const r = await median(RUNS, () => measure(process.execPath, [cli, 'scan', '--json', '--no-hash', file], { rssFile, keepStdout: true }))
        baseline ??= r
        const report = JSON.parse(r.stdout) as Report
        const withAudio = report.recordings.filter((x) => x.audioPath !== null)
        const nested = withAudio.filter((x) => x.audioPath!.startsWith('Alexa.zip!/')).length
        const kinds = [...new Set(report.problems.map((p) => p.kind))].join(', ') || 'none'
        rows.push([
          `${n.toLocaleString('en-US')}, ${label}`,
          `${(statSync(file).size / 1e9).toFixed(2)} GB`,
          `${(r.wallMs / 1000).toFixed(2)} s`,
          `${(r.wallMs / baseline.wallMs).toFixed(2)}x`,
          r.peakRss === null ? '-' : `${Math.round(r.peakRss / 1e6)} MB`,
          report.recordings.length.toLocaleString('en-US'),
          `${withAudio.length.toLocaleString('en-US')} (${nested.toLocaleString('en-US')} under Alexa.zip!/)`,
          `${report.problems.length}: ${kinds}`
        ])
      }
      if (!keep) for (const [, file] of inputs) rmSync(file, { force: true })
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
  process.stdout.write(`${grid(['export', 'file', 'scan', 'x whole', 'peak RSS', 'recordings', 'with audio', 'problems'], rows)}\n\n`)
  process.stdout.write(
    [
      `scan: node out/main/cli.js scan --json --no-hash, the median of ${RUNS} runs, the files in the page cache. x whole: against the same export whole, in this run.`,
      'no central directory: recovery reads the local headers from the start; each stored, streamed ZIP inside ends where its data descriptor ends.',
      'cut at 80 %: Alexa.zip loses its own central directory too, and is recovered again inside (its data is read once as the outer archive’s and once as its own).'
    ].join('\n') + '\n'
  )
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
