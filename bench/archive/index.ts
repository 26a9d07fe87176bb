// `npm run bench:archive [-- --skip-huge] [--runs N] [--out-dir DIR]`: scan time and peak RSS of
// `exportscope scan` against `unzip -l` and jszip on generated exports; prints one table and the
// goals of issue 4. Asserts nothing. --out-dir builds the CLI there instead of ./out.
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, fsyncSync, mkdtempSync, openSync, rmSync, statSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { option, runs } from '../argv'
import { bigExport, manyEntries, seedExport, type BenchInput } from './inputs'
import { measure, median, type Measured } from './measure'
import { formatTable, type Row } from './table'

const root = resolve(__dirname, '../..')
const skipHuge = process.argv.includes('--skip-huge')
const outDir = option('--out-dir') ? resolve(option('--out-dir')!) : null
const GiB = 1024 ** 3
// fs.readFile refuses files over 2 GiB, so jszip cannot even be handed the bytes.
const READFILE_MAX = 2 * GiB
// A shared 2-core machine is noisy: the median of three runs, by wall time, is what counts.
const RUNS = runs()
const log = (line: string) => process.stderr.write(`bench: ${line}\n`)

const dir = mkdtempSync(join(tmpdir(), 'exportscope-bench-'))
const cleanUp = () => rmSync(dir, { recursive: true, force: true })
process.once('SIGINT', () => {
  cleanUp()
  process.exit(130)
})

/** The built CLI, as users run it; built first so the figures are never those of a stale bundle. */
function ourCommand(): { args: string[]; note: string | null } {
  log(`building the CLI (electron-vite build${outDir ? ` --outDir ${outDir}` : ''})…`)
  const build = spawnSync(join(root, 'node_modules/.bin/electron-vite'), ['build', ...(outDir ? ['--outDir', outDir] : [])], { cwd: root, encoding: 'utf8' })
  if (outDir && build.status === 0 && existsSync(join(outDir, 'main/cli.js'))) {
    // The bundle leaves its dependencies external: outside the repository it finds them through this link.
    if (!existsSync(join(outDir, 'node_modules'))) symlinkSync(join(root, 'node_modules'), join(outDir, 'node_modules'), 'dir')
    return { args: [join(outDir, 'main/cli.js')], note: `built into ${outDir}` }
  }
  if (build.status === 0 && existsSync(join(root, 'out/main/cli.js'))) return { args: [join(root, 'bin/exportscope')], note: null }
  log(`the build failed, so the CLI runs from its sources through tsx (slower start):\n${build.stderr}`)
  return { args: ['--import', 'tsx', join(root, 'src/cli/index.ts')], note: 'via tsx' }
}

/** Gigabytes still being written back to disk would slow whatever runs first; let them land. */
function settle(file: string) {
  const fd = openSync(file, 'r')
  try {
    fsyncSync(fd)
  } finally {
    closeSync(fd)
  }
}

async function bench(input: BenchInput, cli: string[]): Promise<Row> {
  const bytes = statSync(input.file).size
  const rssFile = join(dir, 'rss')
  log(`measuring ${input.label} (${(bytes / 1e6).toFixed(0)} MB)…`)
  const ours = await median(RUNS, () => measure(process.execPath, [...cli, 'scan', '--json', '--no-hash', input.file], { keepStdout: true, rssFile }))
  const hashed = await median(RUNS, () => measure(process.execPath, [...cli, 'scan', '--json', input.file], { rssFile }))
  const unzip = await median(RUNS, () => measure('unzip', ['-l', input.file], { rssFile }))
  const jszip = bytes > READFILE_MAX ? null : await median(RUNS, () => measure(process.execPath, [join(__dirname, 'jszip-load.mjs'), input.file], { rssFile }))
  return {
    label: input.label,
    entries: entriesSeen(ours) ?? input.entries,
    bytes,
    ours: { wallMs: ours.wallMs, rssRange: ours.rssRange, note: failure('ours', ours) },
    hashed: { wallMs: hashed.wallMs, rssRange: failure('ours with hash', hashed) ? null : hashed.rssRange },
    unzip: unzip.code === 0 ? { wallMs: unzip.wallMs } : { skipped: failure('unzip', unzip) ?? 'failed' },
    jszip: jszip === null ? { skipped: 'skipped: over 2 GiB' } : jszip.code === 0 ? { wallMs: jszip.wallMs, peakRss: jszip.rssRange?.[1] ?? null } : { skipped: 'failed' }
  }
}

function entriesSeen(run: Measured): number | null {
  try {
    const report = JSON.parse(run.stdout) as { archive: { entries: number }; problems: unknown[] }
    if (report.problems.length > 0) log(`our scan reported ${report.problems.length} problem(s): ${JSON.stringify(report.problems.slice(0, 3))}`)
    return report.archive.entries
  } catch {
    return null
  }
}

function failure(who: string, run: Measured): string | undefined {
  if (run.code === 0) return undefined
  log(`${who} exited ${run.code}: ${run.stderr.trim().split('\n').slice(-3).join(' / ')}`)
  return `exit ${run.code}`
}

function goals(rows: Row[], byLabel: Map<string, Row>): string[] {
  const seed = byLabel.get('seed')
  const many = byLabel.get('many')
  const oneGb = byLabel.get('1g')
  const huge = byLabel.get('huge')
  const lines: string[] = []
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met')
  if (seed) lines.push(`seed scan under 1 s wall from process start: ${(seed.ours.wallMs / 1000).toFixed(2)} s, ${verdict(seed.ours.wallMs < 1000)}`)
  if (many && !('skipped' in many.unzip)) {
    const ratio = many.ours.wallMs / many.unzip.wallMs
    lines.push(`100,000 entries within 3x unzip -l: ${ratio.toFixed(1)}x (${(many.ours.wallMs / 1000).toFixed(2)} s vs ${(many.unzip.wallMs / 1000).toFixed(2)} s), ${verdict(ratio <= 3)}`)
  }
  const rss = rows.flatMap((r) => [r.ours.rssRange?.[1], r.hashed.rssRange?.[1]]).filter((x): x is number => x !== undefined)
  if (rss.length) lines.push(`peak RSS under 250 MB for every input: at most ${Math.round(Math.max(...rss) / 1e6)} MB, ${verdict(Math.max(...rss) < 250e6)}`)
  if (oneGb && huge) {
    const range = ([lo, hi]: [number, number]) => `${Math.round(lo / 1e6)}–${Math.round(hi / 1e6)} MB`
    for (const [what, pick] of [['scan', (r: Row) => r.ours.rssRange], ['scan with hash', (r: Row) => r.hashed.rssRange]] as const) {
      const [small, big] = [pick(oneGb), pick(huge)]
      if (small === null || big === null) continue
      // Memory that scaled with the file would grow about 4x here; a few MB either way is GC timing.
      // Grown means even the lowest run on the big file sits over 10% above the highest on the small one.
      const grew = big[0] > small[1] * 1.1
      const sizes = `file ${(huge.bytes / oneGb.bytes).toFixed(1)}x larger`
      lines.push(`peak RSS from 1 GB to over 4 GiB (${what}), over ${RUNS} runs: ${range(small)} -> ${range(big)} (${sizes}), ${grew ? 'grows: NOT met' : 'does not grow: met'}`)
    }
  } else if (skipHuge) lines.push('1 GB and over-4-GiB archives skipped (--skip-huge)')
  return lines
}

async function main() {
  const cli = ourCommand()
  const plan: Array<{ key: string; make: () => Promise<BenchInput> }> = [
    { key: 'seed', make: () => seedExport(join(dir, 'seed.zip')) },
    { key: 'many', make: () => manyEntries(join(dir, 'many.zip'), 100_000) }
  ]
  if (!skipHuge) {
    plan.push({ key: '1g', make: () => bigExport(join(dir, '1g.zip'), GiB, '1 GiB, stored') })
    plan.push({ key: 'huge', make: () => bigExport(join(dir, 'huge.zip'), 4 * GiB + 256 * 1024 ** 2, 'over 4 GiB, stored (Zip64)') })
  }
  const byLabel = new Map<string, Row>()
  for (const step of plan) {
    const started = Date.now()
    log(`generating ${step.key}…`)
    const input = await step.make()
    settle(input.file)
    log(`generated ${step.key} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    byLabel.set(step.key, await bench(input, cli.args))
    rmSync(input.file, { force: true })
  }
  const rows = [...byLabel.values()]
  const notes = [
    `ours: node bin/exportscope scan --json --no-hash <file>${cli.note ? ` (${cli.note})` : ''}; wall time from spawn to exit; RSS columns: the highest peak RSS of the runs.`,
    '+hash: the same without --no-hash, so the SHA-256 worker streams every byte.',
    `unzip -l: Info-ZIP listing; jszip: readFile + JSZip.loadAsync in a child process. Each figure is the median of ${RUNS} runs (by wall time).`
  ]
  process.stdout.write(`${formatTable(rows)}\n\n${notes.join('\n')}\n\nGoals (issue 4):\n${goals(rows, byLabel).map((l) => `- ${l}`).join('\n')}\n`)
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
    process.exitCode = 1
  })
  .finally(cleanUp)
