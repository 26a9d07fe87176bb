// `npm run bench:hostile [-- --runs N] [--only TEXT]`: the built CLI's `scan --json --no-hash` on inputs built to
// make a reader's cost grow with the square of their size (shapes.ts), at n, 2n and 4n, against a
// control of the same size in the same run. A linear reader doubles (or less, with node's start in
// every figure) from n to 2n; a quadratic one quadruples. Also prints what the reports say about
// each input. Prints tables; asserts nothing.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { zipBuffer } from '../../test/fixtures/archives'
import { measure, median, type Repeated } from '../archive/measure'
import { option, runs } from '../argv'
import { grid } from '../grid'
import { SHAPES, type Shape } from './shapes'

const root = resolve(__dirname, '../..')
const cli = join(root, 'out/main/cli.js')
const RUNS = runs()
// Only the shapes whose name contains this, or all.
const ONLY = option('--only')
const dir = mkdtempSync(join(tmpdir(), 'exportscope-bench-hostile-'))
const rssFile = join(dir, 'rss')

async function timed(files: Parameters<typeof zipBuffer>[0], name: string): Promise<{ run: Repeated; problems: Record<string, number> }> {
  const file = join(dir, `${name}.zip`)
  writeFileSync(file, await zipBuffer(files))
  const run = await median(RUNS, () => measure(process.execPath, [cli, 'scan', '--json', '--no-hash', file], { rssFile, keepStdout: true }))
  rmSync(file)
  if (run.code !== 0) throw new Error(`scan of ${name} ended with ${run.code}: ${run.stderr}`)
  const problems: Record<string, number> = {}
  for (const p of (JSON.parse(run.stdout) as { problems: Array<{ kind: string }> }).problems) problems[p.kind] = (problems[p.kind] ?? 0) + 1
  return { run, problems }
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mb = (r: Repeated) => (r.peakRss === null ? '?' : `${Math.round(r.peakRss / 1024 / 1024)} MB`)

async function main(): Promise<void> {
  const rows: string[][] = []
  const said: string[] = []
  for (const shape of (SHAPES as Shape[]).filter((x) => !ONLY || x.name.includes(ONLY))) {
    process.stderr.write(`bench: ${shape.name} …\n`)
    const hostile = []
    const control = []
    for (const n of shape.sizes) {
      hostile.push(await timed(shape.hostile(n), `hostile-${n}`))
      control.push(await timed(shape.control(n), `control-${n}`))
    }
    const [a, , c] = hostile.map((h) => h.run.wallMs)
    const [ca, , cc] = control.map((h) => h.run.wallMs)
    rows.push([
      `${shape.name} (${shape.sizes.map((n) => n.toLocaleString('en-US')).join(' / ')} ${shape.unit})`,
      hostile.map((h) => s(h.run.wallMs)).join(' / '),
      `${(c! / a!).toFixed(1)}x`,
      control.map((h) => s(h.run.wallMs)).join(' / '),
      `${(cc! / ca!).toFixed(1)}x`,
      mb(hostile[2]!.run)
    ])
    said.push(`- ${shape.name}, at ${shape.sizes[2]!.toLocaleString('en-US')}: ${JSON.stringify(hostile[2]!.problems)}`)
  }
  console.log(grid(['shape (n / 2n / 4n)', 'scan', '4n / n', 'control', 'control 4n / n', 'peak RSS at 4n'], rows))
  console.log(`\nscan: node out/main/cli.js scan --json --no-hash, median of ${RUNS} runs (wall, node's start included); control: an input of the same size and kind that no reader finds hard (shapes.ts).`)
  console.log('A reader whose cost is linear shows 4n / n at 4x or less; one that costs the square, 16x.')
  console.log('\nProblem kinds each report names (hostile, largest size):')
  console.log(said.join('\n'))
}

main()
  .finally(() => rmSync(dir, { recursive: true, force: true }))
  .catch((err: unknown) => {
    console.error(err)
    process.exitCode = 1
  })
