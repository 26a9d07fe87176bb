// `tsx bench/session/limit.ts EXPORT.zip`: the parts of `scan --json --no-hash`, each alone, in one
// process, so the whole can be held against what it cannot do without: list the central directory,
// inflate the metadata, parse it, and write the report. Prints one JSON line of phases, each with
// wall and CPU milliseconds (CPU is what tells on a busy machine). The first phase pays for the
// JIT warming up; every phase runs twice and the second run counts. Asserts nothing.
import { openSync, writeSync, closeSync } from 'node:fs'
import { analyze } from '../../src/core/analysis'
import { openArchive } from '../../src/core/archive'
import type { OpenedArchive } from '../../src/core/archive/types'
import { judgementOf } from '../../src/core/report/judgement'
import { writeReportJson } from '../../src/core/report/report-json'
import { buildScanReportParts } from '../../src/core/report/scan-report'
import { readCsvChunks } from '../../src/core/providers/csv/read-csv'
import { readExport } from '../../src/core/providers'

export interface Phase {
  name: string
  wallMs: number
  cpuMs: number
  /** What the phase went through: entries listed, bytes inflated, rows parsed, bytes written. */
  count: number
}

const METADATA = /\.(csv|json|zip|html)$/i

async function timed(name: string, fn: () => Promise<number>): Promise<Phase> {
  await fn()
  const cpu = process.cpuUsage()
  const started = performance.now()
  const count = await fn()
  const used = process.cpuUsage(cpu)
  return { name, wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000, count }
}

async function drain(archive: OpenedArchive, path: string): Promise<number> {
  const entry = archive.entries.find((e) => e.info.path === path)!
  let bytes = 0
  for await (const chunk of await archive.openEntry(entry)) bytes += (chunk as Buffer).length
  return bytes
}

export async function phases(file: string): Promise<Phase[]> {
  const out: Phase[] = []
  out.push(
    await timed('list the central directory (openArchive)', async () => {
      const a = await openArchive(file)
      await a.close()
      return a.entries.length
    })
  )
  const archive = await openArchive(file)
  try {
    const metadata = archive.entries.filter((e) => METADATA.test(e.info.path) && e.info.kind !== 'audio').map((e) => e.info.path)
    const csv = metadata.find((p) => /voicehistory\.csv$/i.test(p))!
    out.push(await timed('inflate the metadata files', async () => (await Promise.all(metadata.map((p) => drain(archive, p)))).reduce((a, b) => a + b, 0)))
    out.push(
      await timed('inflate + parse the voice history CSV', async () => {
        let rows = 0
        const entry = archive.entries.find((e) => e.info.path === csv)!
        for await (const events of readCsvChunks(await archive.openEntry(entry))) rows += events.length
        return rows
      })
    )
    out.push(await timed('read the export (providers, all files)', async () => (await readExport(archive)).recordings.length))
    const reading = await readExport(archive)
    out.push(await timed('analyse (rules, language detector loaded)', async () => (await analyze(reading)).findings.length))
    const analysis = await analyze(reading)
    out.push(
      await timed('write the JSON report (to /dev/null)', async () => {
        const { report, recordings } = buildScanReportParts({ archive, reading, hashes: null, judgement: judgementOf(analysis) })
        const fd = openSync('/dev/null', 'w')
        let bytes = 0
        try {
          await writeReportJson(report, (chunk) => void (bytes += writeSync(fd, chunk)), recordings)
        } finally {
          closeSync(fd)
        }
        return bytes
      })
    )
  } finally {
    await archive.close()
  }
  return out
}

if (require.main === module) {
  const file = process.argv[2]
  if (!file) {
    process.stderr.write('usage: tsx bench/session/limit.ts EXPORT.zip\n')
    process.exit(2)
  }
  phases(file).then((p) => process.stdout.write(`${JSON.stringify(p)}\n`))
}
