// `tsx bench/archive/listing.ts [--runs N] [--old SRC] EXPORT.zip…`: what listing a ZIP costs
// (openArchive, the `open` phase of a scan) and then making its export view (createExportView,
// what every scan makes of the listing next: its own rows, kept bytes counting listing and view),
// each run in a fresh process, against `unzip -l` and
// a bare floor (list-once.ts floor: the directory read in one piece, names decoded) on the same
// file in the same run, taken in turns so a busy machine weighs on all alike. --old runs the
// openArchive of an older copy of src/ (e.g. `git archive REV src | tar -x -C .tmp/old`) beside
// this tree's. Prints wall and CPU (user+sys) ms as min / median, the live heap kept per entry
// and the peak RSS, with the load average. Asserts nothing.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { inFreshProcess, inTurnsArgs, loadAverage, median, minMedian } from '../fresh-process'

const { runs, old, files } = inTurnsArgs('tsx bench/archive/listing.ts [--runs N] [--old SRC] EXPORT.zip…')

interface Run {
  wallMs: number
  cpuMs: number
  bytesPerEntry: number | null
  maxRssKiB: number
  entries: number | null
}

const once = join(__dirname, 'list-once.ts')

const node = (mode: 'open' | 'floor', file: string, src?: string): Run => inFreshProcess<Run>(once, [mode, file, ...(src ? [resolve(src)] : [])])

/** The export view's own wall and CPU (list-once.ts view), after a listing in the same process; kept bytes are the listing's and the view's. */
function view(file: string, src?: string): Run {
  const r = inFreshProcess<Run & { viewWallMs: number; viewCpuMs: number }>(once, ['view', file, ...(src ? [resolve(src)] : [])])
  return { ...r, wallMs: r.viewWallMs, cpuMs: r.viewCpuMs }
}

/** unzip -l (its listing printed to /dev/null) through GNU time: wall from spawn to exit, CPU and peak RSS as time reports them. */
function unzip(file: string): Run {
  const started = process.hrtime.bigint()
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %M', 'unzip', '-l', file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] })
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6
  const [user, sys, rss] = r.stderr.trim().split('\n').pop()!.split(' ').map(Number)
  return { wallMs, cpuMs: (user! + sys!) * 1000, bytesPerEntry: null, maxRssKiB: rss!, entries: null }
}

process.stdout.write(`load average at start: ${loadAverage()}; ${runs} runs each, in turns\n`)
for (const file of files) {
  const subjects: Array<[string, () => Run]> = [
    ...(old ? ([[`openArchive (old: ${old})`, () => node('open', file, old)]] as Array<[string, () => Run]>) : []),
    ['openArchive (this tree)', () => node('open', file)],
    ...(old ? ([[`export view, listing + view kept (old)`, () => view(file, old)]] as Array<[string, () => Run]>) : []),
    ['export view, listing + view kept (this tree)', () => view(file)],
    ['floor: read directory + decode names', () => node('floor', file)],
    ['unzip -l', () => unzip(file)]
  ]
  const results = subjects.map(() => [] as Run[])
  for (let i = 0; i < runs; i++) subjects.forEach(([, run], k) => results[k]!.push(run()))
  process.stdout.write(`\n${file}\n`)
  process.stdout.write(`${'what'.padEnd(44)} ${'wall ms min/med'.padStart(16)} ${'cpu ms min/med'.padStart(16)} ${'kept B/entry'.padStart(13)} ${'peak RSS MiB'.padStart(13)}\n`)
  subjects.forEach(([label], k) => {
    const rs = results[k]!
    const kept = rs[0]!.bytesPerEntry === null ? '-' : String(Math.round(median(rs.map((r) => r.bytesPerEntry!))))
    const rss = (median(rs.map((r) => r.maxRssKiB)) / 1024).toFixed(0)
    process.stdout.write(`${label.padEnd(44)} ${minMedian(rs.map((r) => r.wallMs)).padStart(16)} ${minMedian(rs.map((r) => r.cpuMs)).padStart(16)} ${kept.padStart(13)} ${rss.padStart(13)}\n`)
  })
}
process.stdout.write(`\nload average at end: ${loadAverage()}\n`)
