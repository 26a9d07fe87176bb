// `tsx bench/providers/first-byte.ts [--runs N] [--old SRC] EXPORT…`: what a scan pays from `open` to
// the voice history's first byte, phase by phase (first-byte-once.ts: openArchive, the export view,
// every provider's recognize, the audio lookup, the first CSV chunk), each run in a fresh process.
// --old runs an older copy of src/ (e.g. `git archive REV src | tar -x -C .tmp/old`) in turns with
// this tree's, so a busy machine weighs on both alike. Prints wall and CPU (user+sys) ms per phase
// as min / median, GC pauses, live heap per entry with the view and lookup held, and the load
// average. Asserts nothing.
import { spawnSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { loadAverage, median, minMedian, takeOption } from '../fresh-process'

const args = process.argv.slice(2)
const option = (name: string) => takeOption(args, name)
const runs = Math.max(1, Number(option('--runs') ?? 5) || 5)
const old = option('--old')
if (args.length === 0) {
  process.stderr.write('usage: tsx bench/providers/first-byte.ts [--runs N] [--old SRC] EXPORT…\n')
  process.exit(2)
}

interface Once {
  totalMs: number
  gcMs: number
  bytesPerEntry: number
  phases: Record<string, { wallMs: number; cpuMs: number }>
}

const once = join(__dirname, 'first-byte-once.ts')
const run = (file: string, src?: string): Once => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', once, file, ...(src ? [resolve(src)] : [])], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`first-byte-once ${file} failed: ${r.stderr}`)
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Once
}

const fmt = minMedian
const load = loadAverage

process.stdout.write(`load average at start: ${load()}; ${runs} runs each, in turns\n`)
for (const file of args) {
  const subjects: Array<[string, string | undefined]> = [...(old ? ([[`old (${old})`, old]] as Array<[string, string]>) : []), ['this tree', undefined]]
  const results = subjects.map(() => [] as Once[])
  for (let i = 0; i < runs; i++) subjects.forEach(([, src], k) => results[k]!.push(run(file, src)))
  process.stdout.write(`\n${file}: wall / CPU ms, each min / median\n`)
  const phases = Object.keys(results[0]![0]!.phases)
  process.stdout.write(`${'phase'.padEnd(16)} ${subjects.map(([label]) => label.padStart(34)).join(' ')}\n`)
  for (const phase of [...phases, 'total wall', 'GC pauses', 'kept B/entry']) {
    const cells = results.map((rs) => {
      if (phase === 'total wall') return fmt(rs.map((r) => r.totalMs))
      if (phase === 'GC pauses') return fmt(rs.map((r) => r.gcMs))
      if (phase === 'kept B/entry') return String(median(rs.map((r) => r.bytesPerEntry)))
      return `${fmt(rs.map((r) => r.phases[phase]!.wallMs))}  |  ${fmt(rs.map((r) => r.phases[phase]!.cpuMs))}`
    })
    process.stdout.write(`${phase.padEnd(16)} ${cells.map((c) => c.padStart(34)).join(' ')}\n`)
  }
}
process.stdout.write(`\nload average at end: ${load()}\n`)
