import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { killLoop } from '../../src/core/review/testing/kill-loop'

/**
 * Issue 8: a process writing the case file is killed (SIGKILL) at random moments 200 times; after
 * each kill the case file must parse, be a valid case, and hold every save acknowledged before.
 */
const KILLS = Number(process.env.KILLS ?? 200)

async function main(): Promise<void> {
  const home = await mkdtemp(join(tmpdir(), 'exportscope-bench-durability-'))
  const started = performance.now()
  try {
    const report = await killLoop({
      home,
      kills: KILLS,
      maxDelayMs: 200,
      onKill: (i, r) => {
        if ((i + 1) % 20 === 0 || !r.valid) process.stderr.write(`${i + 1}/${KILLS} kills${r.valid ? '' : `: INVALID (${r.error})`}\n`)
      }
    })
    const rows = [
      ['kills (SIGKILL at a random moment)', String(report.kills)],
      ['valid case file after the kill', `${report.valid} of ${report.kills}`],
      ['acknowledged saves lost', `${report.lostAcknowledged}`],
      ['kills that left a torn temp file (removed on next open)', `${report.tornWrites}`],
      ['saves that reached the file in all', `${report.saves}`],
      ['seconds', ((performance.now() - started) / 1000).toFixed(1)]
    ]
    const width = Math.max(...rows.map((r) => r[0]!.length))
    for (const [k, v] of rows) process.stdout.write(`${k!.padEnd(width)}  ${v}\n`)
    process.exitCode = report.valid === report.kills && report.lostAcknowledged === 0 ? 0 : 1
  } finally {
    await rm(home, { recursive: true, force: true })
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
