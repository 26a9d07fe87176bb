// `tsx bench/providers/first-byte.ts [--runs N] [--old SRC] EXPORT…`: what a scan pays from `open` to
// the voice history's first byte, phase by phase (first-byte-once.ts: openArchive, the export view,
// every provider's recognize, the audio lookup, the first CSV chunk), each run in a fresh process.
// --old runs an older copy of src/ (e.g. `git archive REV src | tar -x -C .tmp/old`) in turns with
// this tree's, so a busy machine weighs on both alike. Prints wall and CPU (user+sys) ms per phase
// as min / median, GC pauses, live heap per entry with the view and lookup held, and the load
// average. Asserts nothing.
import { join, resolve } from 'node:path'
import { inFreshProcess, inTurnsArgs, loadAverage, median, minMedian } from '../fresh-process'

const { runs, old, files } = inTurnsArgs('tsx bench/providers/first-byte.ts [--runs N] [--old SRC] EXPORT…')

interface Once {
  totalMs: number
  gcMs: number
  bytesPerEntry: number
  phases: Record<string, { wallMs: number; cpuMs: number }>
}

const once = join(__dirname, 'first-byte-once.ts')
const run = (file: string, src?: string): Once => inFreshProcess<Once>(once, [file, ...(src ? [resolve(src)] : [])])

process.stdout.write(`load average at start: ${loadAverage()}; ${runs} runs each, in turns\n`)
for (const file of files) {
  const subjects: Array<[string, string | undefined]> = [...(old ? ([[`old (${old})`, old]] as Array<[string, string]>) : []), ['this tree', undefined]]
  const results = subjects.map(() => [] as Once[])
  for (let i = 0; i < runs; i++) subjects.forEach(([, src], k) => results[k]!.push(run(file, src)))
  process.stdout.write(`\n${file}: wall / CPU ms, each min / median\n`)
  const phases = Object.keys(results[0]![0]!.phases)
  process.stdout.write(`${'phase'.padEnd(16)} ${subjects.map(([label]) => label.padStart(34)).join(' ')}\n`)
  for (const phase of [...phases, 'total wall', 'GC pauses', 'kept B/entry']) {
    const cells = results.map((rs) => {
      if (phase === 'total wall') return minMedian(rs.map((r) => r.totalMs))
      if (phase === 'GC pauses') return minMedian(rs.map((r) => r.gcMs))
      if (phase === 'kept B/entry') return String(median(rs.map((r) => r.bytesPerEntry)))
      return `${minMedian(rs.map((r) => r.phases[phase]!.wallMs))}  |  ${minMedian(rs.map((r) => r.phases[phase]!.cpuMs))}`
    })
    process.stdout.write(`${phase.padEnd(16)} ${cells.map((c) => c.padStart(34)).join(' ')}\n`)
  }
}
process.stdout.write(`\nload average at end: ${loadAverage()}\n`)
