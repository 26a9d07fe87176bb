// The tail of a scan at 100,000 recordings, in process, each against a baseline in the same run:
//   report   writeReportJson (rows written straight as bytes) against JSON.stringify(report, null, 2) of the same rows
//   eld      the language table from the build's binary file (eld-binary.ts) against parsing eld's text
// Usage: npm run bench:report [-- export.zip]   (default: a 100,000-recording Alexa export written to a temp folder)
// Figures only; tests assert the bytes (report-json.test.ts, eld-binary.test.ts). Asserts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { tableBytes } from '../../src/core/analysis/text/eld-binary'
import { eldFolder, readTable, tableSource } from '../../src/core/analysis/text/eld-table'
import { builtInProviders } from '../../src/core/providers'
import { judgementOf } from '../../src/core/report/judgement'
import { writeReportJson } from '../../src/core/report/report-json'
import { buildScanReport, buildScanReportParts } from '../../src/core/report/scan-report'
import { openSession } from '../../src/core/session'
import { writeAlexaExport } from '../session/alexa-export'

const RUNS = 7
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!
const ms = (n: number) => `${n.toFixed(1)} ms`

function timed(f: () => unknown): number {
  const t = performance.now()
  f()
  return performance.now() - t
}

async function timedAsync(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now()
  await f()
  return performance.now() - t
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'exportscope-bench-report-'))
  try {
    let path = process.argv[2]
    if (!path) {
      path = join(dir, 'alexa-100000.zip')
      process.stderr.write('writing a 100,000-recording export …\n')
      await writeAlexaExport(path, 100_000)
    }
    const session = await openSession(path, { providers: builtInProviders(), mappings: [] })
    const { archive, reading } = session
    const input = { archive: { ...archive, problems: [...archive.problems, ...session.problems] }, reading, hashes: null, judgement: judgementOf(session.analysis) }
    const { report, recordings } = buildScanReportParts(input)
    let bytes = 0
    const sink = (b: Uint8Array) => void (bytes += b.length)

    const written: number[] = []
    const stringified: number[] = []
    for (let i = 0; i < RUNS; i++) {
      bytes = 0
      written.push(await timedAsync(() => writeReportJson(report, sink, recordings)))
      // The baseline makes every row and one string of the whole report, then its UTF-8 bytes.
      stringified.push(timed(() => Buffer.from(`${JSON.stringify(buildScanReport(input), null, 2)}\n`, 'utf8')))
    }

    const folder = eldFolder()
    const binary = join(dir, 'eld-table.bin')
    writeFileSync(binary, tableBytes(readTable(folder, []), tableSource(folder)))
    const text: number[] = []
    const fromBinary: number[] = []
    for (let i = 0; i < RUNS; i++) {
      text.push(timed(() => readTable(folder, [])))
      fromBinary.push(timed(() => readTable(folder, [binary])))
    }
    await session.close()

    const [l1, l5] = loadavg()
    console.log(`${reading.recordings.length.toLocaleString('en')} recordings, report ${(bytes / 1e6).toFixed(1)} MB; load ${l1!.toFixed(2)} ${l5!.toFixed(2)}; median of ${RUNS}, in turns`)
    console.log(`| what | this | baseline |`)
    console.log(`|---|---|---|`)
    console.log(`| report: writeReportJson / JSON.stringify + UTF-8 | ${ms(median(written))} | ${ms(median(stringified))} |`)
    console.log(`| eld table: binary file / eld's text parsed | ${ms(median(fromBinary))} | ${ms(median(text))} |`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

void main()
