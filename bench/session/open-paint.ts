// `node scripts/build-then.mjs bench/session/open-paint.ts EXPORT.zip [runs]`: the app's open →
// first timeline paint on a real export, in the harness (the built renderer in Chromium, wired to
// the real engine in this process, as the e2e specs run it). The clock starts when the person
// clicks "Open export…" (the dialog answers at once) and stops at the first timeline paint with
// recordings; beside it, the same export's `scan --json --no-hash` in a child as a baseline of the
// engine's own part. Prints one line per run and the median; asserts nothing. Goal (issue 15): under
// 1.5 s at 100,000 recordings.
import { spawnSync } from 'node:child_process'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { hasChromium, noChromiumReason } from '../../e2e/browser'
import { closeBrowser, startHarness } from '../../e2e/harness'

const root = resolve(__dirname, '../..')

async function openToPaint(path: string): Promise<{ firstPaintMs: number; recordings: number; indexReadyMs: number }> {
  const app = await startHarness({ viewport: { width: 1440, height: 900 } })
  const { page } = app
  try {
    app.answerNextDialog(path)
    const open = page.getByRole('button', { name: 'Open export…' })
    await open.waitFor()
    await page.evaluate(() => performance.mark('bench:open-click'))
    await open.click()
    await page.waitForFunction(() => (performance.getEntriesByName('exportscope:timeline-paint') as PerformanceMark[]).some((m) => ((m.detail as { recordings: number } | null)?.recordings ?? 0) > 0), null, { timeout: 300_000, polling: 50 })
    return await page.evaluate(() => {
      const click = performance.getEntriesByName('bench:open-click').at(-1)!.startTime
      const paint = (performance.getEntriesByName('exportscope:timeline-paint') as PerformanceMark[]).find((m) => ((m.detail as { recordings: number } | null)?.recordings ?? 0) > 0)!
      const ready = performance.getEntriesByName('exportscope:index-ready').at(-1)
      return { firstPaintMs: paint.startTime - click, recordings: (paint.detail as { recordings: number }).recordings, indexReadyMs: ready ? ready.startTime - click : Number.NaN }
    })
  } finally {
    await app.close()
  }
}

async function main(): Promise<void> {
  const [file, runsArg] = process.argv.slice(2)
  if (!file) throw new Error('usage: node scripts/build-then.mjs bench/session/open-paint.ts EXPORT.zip [runs]')
  if (!hasChromium()) throw new Error(noChromiumReason)
  const runs = Math.max(1, Number(runsArg ?? 3) || 3)
  const paints: number[] = []
  for (let i = 0; i < runs; i++) {
    const r = await openToPaint(resolve(file))
    paints.push(r.firstPaintMs)
    process.stdout.write(`run ${i + 1}: open click → index ready ${Math.round(r.indexReadyMs)} ms, → first timeline paint ${Math.round(r.firstPaintMs)} ms (${r.recordings.toLocaleString('en-US')} recordings drawn)\n`)
  }
  const started = performance.now()
  spawnSync(process.execPath, [join(root, 'out/main/cli.js'), 'scan', '--json', '--no-hash', resolve(file)], { stdio: 'ignore' })
  const scanMs = performance.now() - started
  const median = paints.sort((a, b) => a - b)[Math.floor(paints.length / 2)]!
  process.stdout.write(`median open → first timeline paint: ${Math.round(median)} ms over ${runs} runs; the same export's scan --json --no-hash: ${Math.round(scanMs)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`)
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
    process.exitCode = 1
  })
  .finally(() => closeBrowser())
