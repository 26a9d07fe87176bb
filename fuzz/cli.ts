import { writeFile } from 'node:fs/promises'
import { formatReport, runFuzz } from './engine'

/**
 * `npm run fuzz -- --runs N [--seed S] [--target zip,csv] [--out failures.json]`: prints one table;
 * exits 1 when an input crashed a reader or took longer than 2 s.
 */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`)
  return i >= 0 ? process.argv[i + 1] : undefined
}

async function main(): Promise<void> {
  const runs = Number(arg('runs') ?? 1000)
  const seed = arg('seed') === undefined ? undefined : Number(arg('seed'))
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number above 0.')
  let last = 0
  const report = await runFuzz({
    runs,
    seed,
    only: arg('target')?.split(','),
    onProgress: (done, total) => {
      const pct = Math.floor((done / total) * 10)
      if (pct > last) process.stderr.write(`${(last = pct) * 10}% `)
    }
  })
  process.stderr.write('\n')
  console.log(formatReport(report))
  const out = arg('out')
  if (out) await writeFile(out, JSON.stringify(report, null, 2))
  process.exit(report.failures.length ? 1 : 0)
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err)
  process.exit(2)
})
