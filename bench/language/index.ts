// `npm run bench:language [-- --runs N] [--held N] [--candidates DIR]`: what each language detector
// costs and how right it is on generated voice commands of four words or more (ten languages), against
// the baseline in the same run: the same process without a detector ("none"), holding N recordings
// (default 100,000) as a scan does when the detector loads. eld/extrasmall is what the app imported
// before; "eld compact" is what it uses now (src/core/analysis/text/eld-table.ts). In a worker, the
// detector's time is all in "load" (the worker reads every command, then ends).
// Other packages are measured when DIR holds them, e.g. after
// `npm i --prefix .tmp/cands franc-min@6.2.0 tinyld@1.3.4 lande@1.0.10`. Prints one table; asserts nothing.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { option, runs } from '../argv'

const RUNS = runs()
const HELD = Math.max(0, Number(option('--held') ?? 100_000) || 0)
const candidates = option('--candidates') ? resolve(option('--candidates')!) : ''
const CANDIDATES: Record<string, string> = { 'franc-min': 'franc-min', 'tinyld/light': 'tinyld', tinyld: 'tinyld', lande: 'lande' }

interface Result {
  name: string
  commands: number
  rssGrowth: number
  peakGrowth: number
  heapKept: number
  loadMs: number
  loadCpuMs: number
  detectUs: number
  enDeRight: number
  enDe: number
  othersAsEnDe: number
  othersRight: number
  others: number
}

function run(name: string): Result | string {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(__dirname, 'option.ts'), name, String(HELD), candidates], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) return (r.stderr || `exit ${r.status}`).trim().split('\n')[0]!
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Result
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const mb = (n: number): string => (n / 1048576).toFixed(1)

const names = ['none', 'eld/extrasmall', 'eld/extrasmall in a worker', 'eld compact', ...Object.keys(CANDIDATES).filter((n) => candidates && existsSync(join(candidates, 'node_modules', CANDIDATES[n]!)))]
console.log(`bench:language on ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${RUNS} runs each, median; ${HELD.toLocaleString('en')} recordings held`)
const rows: string[][] = [['detector', 'RSS added', 'peak RSS added', 'heap kept', 'load (CPU)', 'CPU per command', 'EN/DE right', 'other taken as EN/DE', 'other named right']]
let none: { rss: number; peak: number; heap: number } | null = null
for (const name of names) {
  const results: Result[] = []
  for (let i = 0; i < RUNS; i++) {
    const r = run(name)
    if (typeof r === 'string') {
      rows.push([name, `failed: ${r}`])
      break
    }
    results.push(r)
  }
  if (results.length < RUNS) continue
  const peak = median(results.map((r) => r.peakGrowth))
  const heap = median(results.map((r) => r.heapKept))
  const rss = median(results.map((r) => r.rssGrowth))
  // The bare process grows a little while it generates and checks the commands: that is the baseline.
  none ??= { rss, peak, heap }
  const r = results[0]!
  rows.push([
    name,
    `${mb(rss - none.rss)} MB`,
    `${mb(peak - none.peak)} MB`,
    `${mb(heap - none.heap)} MB`,
    `${median(results.map((x) => x.loadMs)).toFixed(0)} ms (${median(results.map((x) => x.loadCpuMs)).toFixed(0)})`,
    `${median(results.map((x) => x.detectUs)).toFixed(0)} µs`,
    name === 'none' ? '-' : `${r.enDeRight}/${r.enDe}`,
    name === 'none' ? '-' : `${r.othersAsEnDe}/${r.others}`,
    name === 'none' ? '-' : `${r.othersRight}/${r.others}`
  ])
}
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? '').length)))
for (const row of rows) console.log(row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '))
