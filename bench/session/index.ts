// `npm run bench:session [-- 10000 100000 300000] [--runs N] [--keep DIR] [--busy] [--instructions]`: the whole pipeline
// (`exportscope scan --json --no-hash`: list, check local headers, read the CSV, analyse, write the
// report) on realistic Alexa exports (stored WAVs of 8-56 KB, one voice-history CSV), side by side
// with what the same file costs at the least in the same run: `unzip -l` (the central directory),
// `unzip -p` of the metadata (inflating it) and a bare `node` start. `--instructions` also counts the
// instructions of each under valgrind (instructions.ts), a figure that load does not move. Prints tables; asserts nothing.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { envWithoutExtraCa, measure, median, type Measured, type Repeated } from '../archive/measure'
import { waitForQuiet, type QuietLog } from '../archive/quiet'
import { option, runs, sizes } from '../argv'
import { grid } from '../grid'
import { writeAlexaExport } from './alexa-export'
import { countInstructions, instructionsTable, noValgrindReason, type Instructions } from './instructions'
import type { Phase } from './limit'
import type { Live } from './live'

const root = resolve(__dirname, '../..')
const args = process.argv.slice(2)
const RUNS = runs()
// Each timed run waits for a quiet second first (quiet.ts); --busy measures as the machine comes.
const quietLog: QuietLog | null = args.includes('--busy') ? null : { waitedMs: 0, timedOut: 0, runs: 0 }
const timed = async (command: string, argv: string[], options: Parameters<typeof measure>[2]): Promise<Measured> => {
  if (quietLog) await waitForQuiet(quietLog)
  return measure(command, argv, options)
}
const keep = option('--keep')
const INSTRUCTIONS = args.includes('--instructions')
// Why instructions cannot be counted here (no valgrind), asked once; null when they can.
const noInstructions = INSTRUCTIONS ? noValgrindReason() : null
const SIZES = sizes([10_000, 100_000, 300_000])
const log = (line: string) => process.stderr.write(`bench: ${line}\n`)

interface Row {
  recordings: number
  bytes: number
  warm: Repeated
  cold: Repeated
  unzipList: Repeated
  unzipMeta: Repeated
  nodeStart: Repeated
  /** The same two without NODE_EXTRA_CA_CERTS, where this shell sets it (see caNote); null where it does not. */
  withoutCa: { warm: Repeated; nodeStart: Repeated } | null
  problems: number | null
  /** Each part of the scan alone (limit.ts), in one process. */
  phases: Phase[] | null
  /** What stays in memory per recording (live.ts). */
  live: Live | null
  /** Instructions of the scan and its floor (--instructions); null when not asked or not countable. */
  instructions: Instructions | null
}

/** Drops this one file from the page cache (POSIX_FADV_DONTNEED through dd), so the next read is cold without touching anyone else's cache. */
function evict(file: string): boolean {
  return spawnSync('dd', [`if=${file}`, 'iflag=nocache', 'count=0', 'status=none']).status === 0
}

function problemsOf(stdout: string): number | null {
  try {
    return (JSON.parse(stdout) as { problems: unknown[] }).problems.length
  } catch {
    return null
  }
}

/** The metadata files of an export alexa-export.ts writes: what `unzip -p` inflates for the floor. */
const METADATA = ['Alexa/Alexa.VoiceHistory.csv', 'Digital.CustomerAttributes.1.csv', 'Devices.Registration.zip']

async function bench(file: string, recordings: number, dir: string): Promise<Row> {
  const rssFile = join(dir, 'rss')
  const cli = [join(root, 'out/main/cli.js'), 'scan', '--json', '--no-hash', file]
  const evicted = evict(file)
  const cold = await median(1, () => timed(process.execPath, cli, { rssFile, keepStdout: true }))
  if (!evicted) log('could not evict the file from the page cache: the cold figure is warm')
  const warm = await median(RUNS, () => timed(process.execPath, cli, { rssFile, keepStdout: true }))
  const unzipList = await median(RUNS, () => timed('unzip', ['-l', file], { rssFile }))
  const unzipMeta = await median(RUNS, () => timed('unzip', ['-p', file, ...METADATA], { rssFile }))
  const nodeStart = await median(RUNS, () => timed(process.execPath, ['-e', '0'], { rssFile }))
  let withoutCa: Row['withoutCa'] = null
  const env = envWithoutExtraCa()
  if (env) {
    withoutCa = {
      warm: await median(RUNS, () => timed(process.execPath, cli, { rssFile, keepStdout: true, env })),
      nodeStart: await median(RUNS, () => timed(process.execPath, ['-e', '0'], { rssFile, env }))
    }
  }
  let instructions: Instructions | null = null
  if (INSTRUCTIONS && noInstructions === null) {
    log(`counting the instructions of ${recordings.toLocaleString('en-US')} under valgrind…`)
    instructions = countInstructions(cli[0]!, file, METADATA)
  }
  return { recordings, bytes: statSync(file).size, warm, cold, unzipList, unzipMeta, nodeStart, withoutCa, problems: problemsOf(warm.stdout), phases: phasesOf(file), live: liveOf(file), instructions }
}

/** The live heap per recording after each part (live.ts, in a child); null when it fails. */
function liveOf(file: string): Live | null {
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(__dirname, 'live.ts'), file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 })
  try {
    return JSON.parse(run.stdout) as Live
  } catch {
    log(`the live heap of ${file} could not be measured: ${run.stderr.slice(0, 300)}`)
    return null
  }
}

/** Live heap bytes per recording, per part and size: memory that follows the recordings, without V8's headroom. */
function liveTable(rows: Row[]): string {
  const parts: Array<[string, (l: Live) => string]> = [
    ['archive listing (B/recording)', (l) => String(l.archive)],
    ['reading: recordings, devices (B/recording)', (l) => String(l.reading)],
    ['analysis (B/recording)', (l) => String(l.analysis)],
    ['all three (B/recording)', (l) => String(l.archive + l.reading + l.analysis)],
    ['language detector tables (fixed)', (l) => `${l.detectorMb} MB`]
  ]
  const header = ['live heap after a full GC', ...rows.map((r) => r.recordings.toLocaleString('en-US'))]
  const body = parts.map(([name, f]) => [name, ...rows.map((r) => (r.live ? f(r.live) : 'n/a'))])
  return grid(header, body)
}

/** The parts of a scan timed alone, in a child (tsx on the source); null when it fails. */
function phasesOf(file: string): Phase[] | null {
  const run = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(__dirname, 'limit.ts'), file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 20 })
  try {
    return JSON.parse(run.stdout) as Phase[]
  } catch {
    log(`the phases of ${file} could not be timed: ${run.stderr.slice(0, 300)}`)
    return null
  }
}

/** Per phase and size: CPU and wall milliseconds, the CPU figure first (it is what tells on a busy machine). */
function phaseTable(rows: Row[]): string {
  const names = rows.find((r) => r.phases)?.phases?.map((p) => p.name) ?? []
  const header = ['phase alone (CPU / wall)', ...rows.map((r) => r.recordings.toLocaleString('en-US'))]
  const body = names.map((name) => [name, ...rows.map((r) => {
    const p = r.phases?.find((x) => x.name === name)
    return p ? `${Math.round(p.cpuMs)} / ${Math.round(p.wallMs)} ms` : 'n/a'
  })])
  const cpuWall = (x: Measured) => `${x.cpuMs === null ? 'n/a' : Math.round(x.cpuMs)} / ${Math.round(x.wallMs)} ms`
  body.push(['scan --json --no-hash, whole (CPU / wall)', ...rows.map((r) => cpuWall(r.warm))])
  body.push(['unzip -l (CPU / wall)', ...rows.map((r) => cpuWall(r.unzipList))])
  body.push(['unzip -p of the metadata (CPU / wall)', ...rows.map((r) => cpuWall(r.unzipMeta))])
  return grid(header, body)
}

function table(rows: Row[]): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
  const mb = (b: number | null | undefined) => (b == null ? 'n/a' : `${Math.round(b / 1e6)} MB`)
  const base = rows[0]!
  const ca = rows.some((r) => r.withoutCa !== null)
  const header = ['recordings', 'file', 'scan warm', ...(ca ? ['warm, no extra CA'] : []), 'CPU warm', 'scan cold', 'unzip -l', 'x unzip -l', 'floor', 'peak RSS', 'bytes/recording']
  const body = rows.map((r) => {
    // What the file costs at the least: list it, inflate its metadata, start a process to say so.
    const floor = r.unzipList.wallMs + r.unzipMeta.wallMs + r.nodeStart.wallMs
    const peak = r.warm.rssRange?.[1] ?? null
    const basePeak = base.warm.rssRange?.[1] ?? null
    // Growth over the smallest size, per recording more: what memory costs per recording.
    const perRecording = r === base || peak === null || basePeak === null ? (peak === null ? 'n/a' : `${Math.round(peak / r.recordings)} (all)`) : `${Math.round((peak - basePeak) / (r.recordings - base.recordings))}`
    const noCa = ca ? [r.withoutCa ? s(r.withoutCa.warm.wallMs) : 'n/a'] : []
    return [r.recordings.toLocaleString('en-US'), `${(r.bytes / 1e9).toFixed(2)} GB`, s(r.warm.wallMs), ...noCa, r.warm.cpuMs === null ? 'n/a' : s(r.warm.cpuMs), s(r.cold.wallMs), s(r.unzipList.wallMs), `${(r.warm.wallMs / r.unzipList.wallMs).toFixed(1)}x`, s(floor), mb(peak), perRecording]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)))
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`
  return [line(header), `|${widths.map((w) => `${'-'.repeat(w + 1)}:`).join('|')}|`, ...body.map(line)].join('\n')
}

/**
 * This sandbox's shell sets NODE_EXTRA_CA_CERTS, so every node start here first reads and parses a
 * certificate bundle (tens of milliseconds) that a person's shell does not make it read; the scan makes no
 * network request and never uses them. Both figures are printed: the first column is this shell's.
 */
function caNote(rows: Row[]): string[] {
  const with_ = rows.filter((r) => r.withoutCa)
  if (with_.length === 0) return []
  const ms = (x: Repeated) => `${Math.round(x.wallMs)} ms`
  return [
    `warm, no extra CA: the same warm runs with NODE_EXTRA_CA_CERTS unset. This shell sets it, so each node start reads ${process.env.NODE_EXTRA_CA_CERTS} first: a bare node start took ${with_.map((r) => ms(r.nodeStart)).join(' / ')} with it and ${with_.map((r) => ms(r.withoutCa!.nodeStart)).join(' / ')} without.`
  ]
}

async function main(): Promise<void> {
  log('building the CLI…')
  if (spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build'], { cwd: root }).status !== 0 || !existsSync(join(root, 'out/main/cli.js'))) throw new Error('the build failed')
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'exportscope-bench-session-'))
  mkdirSync(dir, { recursive: true })
  const rows: Row[] = []
  try {
    for (const n of SIZES) {
      const file = join(dir, `alexa-${n}.zip`)
      if (!existsSync(file)) {
        log(`writing ${n.toLocaleString('en-US')} recordings…`)
        await writeAlexaExport(file, n)
      }
      log(`measuring ${n.toLocaleString('en-US')} (${(statSync(file).size / 1e9).toFixed(2)} GB)…`)
      rows.push(await bench(file, n, dir))
      if (!keep) rmSync(file, { force: true })
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
  process.stdout.write(`load: ${loadavg().map((l) => l.toFixed(2)).join(' ')} (1, 5, 15 min) at the end, on ${cpus().length} cores\n\n`)
  process.stdout.write(`${table(rows)}\n\n`)
  process.stdout.write(`${phaseTable(rows)}\n\n`)
  process.stdout.write(`${liveTable(rows)}\n\n`)
  for (const r of rows) if (r.instructions) process.stdout.write(`${instructionsTable(r.recordings, r.instructions)}\n\n`)
  process.stdout.write(
    [
      `scan: node out/main/cli.js scan --json --no-hash; warm: the median of ${RUNS} runs with the file in the page cache; cold: one run after the file was dropped from the cache (dd iflag=nocache).`,
      'floor: unzip -l (the central directory) + unzip -p of the metadata files (inflating them) + a bare node start, all on the same file in this run: what listing and reading costs at the least.',
      'peak RSS: the highest of the warm runs (GNU time). bytes/recording: the growth of peak RSS over the first size, per recording more. CPU warm: user + system seconds of the median warm run.',
      'live heap: bench/session/live.ts, heapUsed after a full GC once the archive is listed, read and analysed, per recording (the detector apart); what memory per recording is made of, where peak RSS adds V8\'s headroom.',
      'phases alone: bench/session/limit.ts runs each part of the scan by itself in one process (second of two runs, tsx on the source): listing, inflating the metadata, inflating and parsing the voice-history CSV, all providers, the rules, the report.',
      ...caNote(rows),
      ...(INSTRUCTIONS ? [noInstructions ?? 'instructions: one run of each under valgrind --tool=cachegrind (I refs), node with --single-threaded, so TurboFan and the GC count on the one thread: the work done in all, which load does not move (runs of one build differ by up to ±2 %, as the JIT and GC take their turns: compare medians of a few).'] : []),
      quietLog
        ? `quiet: each of the ${quietLog.runs} timed runs started once the cores were at least 90 % idle over a second (waits ${(quietLog.waitedMs / 1000).toFixed(0)} s in all; ${quietLog.timedOut} found no such second within 20 s and ran anyway). --busy measures without waiting.`
        : 'busy: the runs did not wait for a quiet machine (--busy).',
      `problems in the reports: ${rows.map((r) => r.problems ?? 'n/a').join(' / ')}. Goals (issue 15): 100,000 recordings <= 1.0 s warm, < 250 MB peak RSS.`
    ].join('\n') + '\n'
  )
}

main().catch((err: unknown) => {
  process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exitCode = 1
})
