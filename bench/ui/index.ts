import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { hasChromium, noChromiumReason } from '../../e2e/browser'
import { closeBrowser, startHarness } from '../../e2e/harness'
import { generateExport } from '../../src/core/generate'
import { grid } from '../grid'
import { frameTimes, type FrameStats, type Stats } from './frames'

/**
 * The review screen in the harness (built renderer, real core services) on generated exports of
 * 1,700 and 100,000 recordings. Prints two tables; asserts nothing.
 * Goals (issues 7 and 18): index ready → first timeline paint under 1 s; p95 frame time while scrolling
 * the list with its row waveforms on, and while zooming the timeline, under 20 ms; JS heap under 500 MB.
 * Frames are measured twice over: requestAnimationFrame deltas in the page (what a person sees, the
 * machine's load included) and, from a Chromium trace of the same frames, the main thread's work
 * between two frames, as wall and as CPU time (what the page costs; on a shared 2-core machine the
 * wall time also holds other processes' turns). Baselines in the same run: the page at rest, and a
 * hand-written list of plain-text rows scrolled the same way in the same box. The load average is
 * printed with each size. So that every row has a waveform to draw whatever the background decoding
 * has reached, the rowWaveforms call answers a made-up speech envelope for each row.
 * BENCH_UI_TRACES=dir keeps the traces; BENCH_UI_KEEP=dir keeps the exports (and the peaks) between runs.
 */
// `npm run bench:ui -- 1700 20000` measures other sizes; the first is the baseline.
const SIZES = process.argv.slice(2).map(Number).filter((n) => n > 0)
if (SIZES.length === 0) SIZES.push(1_700, 100_000)

interface Row {
  recordings: number
  load: string
  firstPaintMs: number
  fullPaintMs: number
  loadedMs: number
  frames: Array<[string, FrameStats]>
  heapMB: number
  /** How long the engine's background work went on after the export opened, and its CPU share (of one core) when frames began. */
  quiet: { waitedMs: number; share: number }
}

/** This process's CPU time (the engine, its worker threads, Playwright) over `ms`, as a share of one core. */
async function cpuShare(page: Page, ms: number): Promise<number> {
  const before = process.cpuUsage()
  const t0 = performance.now()
  await page.waitForTimeout(ms)
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000 / (performance.now() - t0)
}

/** Waits until the engine is done in the background (this process under 10 % of a core for two seconds running), at most `limitMs`. */
async function untilQuiet(page: Page, limitMs: number): Promise<{ waitedMs: number; share: number }> {
  const t0 = Date.now()
  let calm = 0
  let share = 1
  while (Date.now() - t0 < limitMs && calm < 2) {
    share = await cpuShare(page, 1000)
    calm = share < 0.1 ? calm + 1 : 0
  }
  if (calm < 2) process.stderr.write(`the engine was still busy after ${Math.round(limitMs / 1000)} s (${Math.round(share * 100)} % of a core): frames are measured beside it\n`)
  return { waitedMs: Date.now() - t0, share }
}

const loadAverage = () => loadavg().map((v) => v.toFixed(2)).join(' ')

/** ms from the 'exportscope:index-ready' mark to the named mark (the first with any recordings, or the one for all `n`). */
async function sinceIndexReady(page: Page, name: string, n?: number): Promise<number> {
  return page.evaluate(
    ([mark, count]) => {
      const ready = performance.getEntriesByName('exportscope:index-ready').at(-1)!.startTime
      const marks = performance.getEntriesByName(mark) as PerformanceMark[]
      const drawn = (m: PerformanceMark) => (m.detail as { recordings: number } | null)?.recordings
      const hit = marks.find((m) => (count === null ? (drawn(m) ?? 1) > 0 : drawn(m) === count))
      return hit ? hit.startTime - ready : Number.NaN
    },
    [name, n ?? null] as const
  )
}

/** A speech-like envelope for a row, the same for the same id: syllables, pauses, now and then a clip. */
function envelope(id: string, buckets: number): number[] {
  let h = 2166136261
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619)
  const out: number[] = []
  for (let b = 0; b < buckets; b++) {
    h = Math.imul(h ^ (h >>> 13), 1274126177)
    const r = ((h >>> 0) % 1000) / 1000
    out.push(b % 9 < 2 ? Math.round(r * 8) : r > 0.97 ? 100 : Math.round(30 + r * 60))
  }
  return out
}

async function measure(path: string, recordings: number, home?: string): Promise<Row> {
  const app = await startHarness({ viewport: { width: 1440, height: 900 }, home })
  const { page } = app
  // Row waveforms off (every row answered "not made yet") until the first scroll is measured.
  let waves = false
  const handlers = app.services.handlers as unknown as Record<string, (req: { recordingIds: string[]; buckets: number }) => Promise<unknown>>
  handlers.rowWaveforms = async ({ recordingIds, buckets }) => ({ waves: recordingIds.map((id) => (waves ? envelope(id, buckets) : null)) })
  try {
    app.answerNextDialog(path)
    await page.getByRole('button', { name: 'Open export…' }).click()
    await page
      .waitForFunction(
        (n) => (performance.getEntriesByName('exportscope:timeline-paint') as PerformanceMark[]).some((m) => (m.detail as { recordings: number }).recordings === n),
        recordings,
        { timeout: 300_000, polling: 100 }
      )
      .catch(async (err: unknown) => {
        const seen = await page.evaluate(() => ({
          screen: document.querySelector('.app')?.getAttribute('data-screen'),
          count: document.querySelector('[data-testid=filter-count]')?.textContent,
          alert: document.querySelector('[role=alert]')?.textContent,
          paints: performance.getEntriesByName('exportscope:timeline-paint').map((m) => (m as PerformanceMark).detail)
        }))
        throw new Error(`the timeline never showed all ${recordings} recordings: ${JSON.stringify(seen)}`, { cause: err })
      })
    const firstPaintMs = await sinceIndexReady(page, 'exportscope:timeline-paint')
    const fullPaintMs = await sinceIndexReady(page, 'exportscope:timeline-paint', recordings)
    const loadedMs = await sinceIndexReady(page, 'exportscope:recordings-loaded')

    // The engine makes every recording's peaks in the background (worker threads on the same cores as
    // the page here): frames are measured once it is done, as on a machine that opened the export earlier.
    const archiveId = await page.locator('[data-archive-id]').first().getAttribute('data-archive-id')
    const durations = app.services.handlers as unknown as { audioDurations(req: { archiveId: string; after: number; limit: number }): Promise<{ total: number }> }
    const until = Date.now() + 240_000
    while (archiveId && Date.now() < until && (await durations.audioDurations({ archiveId, after: 0, limit: 1 })).total < recordings) await page.waitForTimeout(500)
    // Every length known is not every background pass done (at 100,000 the header pass and the
    // peaks go on for minutes, on the cores the page needs): wait until this process is quiet.
    const quiet = await untilQuiet(page, 480_000)
    const load = loadAverage()
    const frames: Row['frames'] = []
    frames.push(['idle', await frameTimes(page, 'idle', 90)])
    await page.getByTestId('recording-list').scrollIntoViewIfNeeded()
    frames.push(['plain-text list (baseline)', await frameTimes(page, 'plain', 150)])
    frames.push(['list, waveforms off', await frameTimes(page, 'scroll', 150)])
    // Waveforms on, back at the top.
    waves = true
    // Rows answered "not made yet" are asked again after 2 s once they come back into view.
    await page.waitForTimeout(2200)
    await page.evaluate(() => document.querySelector('[data-testid=recording-list]')!.scrollTo(0, 3000))
    await page.waitForTimeout(100)
    await page.evaluate(() => document.querySelector('[data-testid=recording-list]')!.scrollTo(0, 0))
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=row-wave]').length > 5, null, { timeout: 60_000 })
    frames.push(['list, waveforms on', await frameTimes(page, 'scroll', 150)])
    const drawn = await page.locator('[data-testid=row-wave]').count()
    if (drawn === 0) throw new Error('no row waveform was drawn while scrolling')
    // A slower scroll (a wheel's step a frame): rows enter a few at a time.
    frames.push(['list, waveforms on, 120 px/frame', await frameTimes(page, 'scroll', 150, 120)])
    await page.getByTestId('timeline').scrollIntoViewIfNeeded()
    frames.push(['timeline zoom', await frameTimes(page, 'zoom', 120)])

    const cdp = await page.context().newCDPSession(page)
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }
    return { recordings, load, firstPaintMs, fullPaintMs, loadedMs, frames, heapMB: heap.usedSize / 1e6, quiet }
  } finally {
    await app.close()
  }
}

const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} ms` : 'n/a')
const three = (s: Stats) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(0)}`

function paintTable(rows: Row[]): string {
  const header = ['recordings', 'load (1/5/15 min)', 'index → 1st paint', 'index → all painted', 'all loaded', 'JS heap', 'engine busy after open', 'engine CPU at frames']
  return grid(
    header,
    rows.map((r) => [r.recordings.toLocaleString('en-US'), r.load, ms(r.firstPaintMs), ms(r.fullPaintMs), ms(r.loadedMs), `${Math.round(r.heapMB)} MB`, `${(r.quiet.waitedMs / 1000).toFixed(0)} s`, `${Math.round(r.quiet.share * 100)} %`])
  )
}

function frameTable(rows: Row[]): string {
  const header = ['recordings', 'what', 'rAF Δ p50/p95/max', 'main thread p50/p95/max', 'CPU p50/p95/max', 'style p95', 'layout p95', 'paint p95']
  const body = rows.flatMap((r) =>
    r.frames.map(([what, f]) => [r.recordings.toLocaleString('en-US'), what, three(f.raf), three(f.busy), three(f.cpu), f.style.toFixed(1), f.layout.toFixed(1), f.paint.toFixed(1)])
  )
  return grid(header, body)
}

async function main(): Promise<void> {
  if (!hasChromium()) throw new Error(noChromiumReason)
  // BENCH_UI_KEEP=dir keeps the exports and the app's home (its peaks cache) between runs, for
  // profiling: paint figures then show a second opening, not a first.
  const keep = process.env.BENCH_UI_KEEP
  const dir = keep ?? mkdtempSync(join(tmpdir(), 'exportscope-bench-ui-'))
  try {
    const rows: Row[] = []
    for (const n of SIZES) {
      // A folder each: exports side by side in one folder would be read as the parts of one.
      const at = join(dir, String(n))
      const made = join(at, 'made.json')
      if (!keep || !existsSync(made)) {
        process.stderr.write(`generating ${n.toLocaleString('en-US')} recordings…\n`)
        mkdirSync(at, { recursive: true })
        // Every recording has a (tiny) audio file, so every row has a waveform to show.
        const g = await generateExport({ provider: 'amazon', own: Math.round(n * 0.6), foreign: n - Math.round(n * 0.6), kind: 'combined', seed: 'bench-ui', clips: { sampleRate: 8000, maxSeconds: 0.05 } }, join(at, 'export.zip'))
        writeFileSync(made, JSON.stringify({ path: g.paths[0]!, recordings: g.truth.counts.recordings }))
      }
      const { path, recordings } = JSON.parse(readFileSync(made, 'utf8')) as { path: string; recordings: number }
      process.stderr.write(`measuring ${n.toLocaleString('en-US')} (load ${loadAverage()})…\n`)
      const home = keep ? join(at, 'home') : undefined
      if (home) mkdirSync(home, { recursive: true })
      rows.push(await measure(path, recordings, home))
    }
    process.stdout.write(`${paintTable(rows)}\n\n${frameTable(rows)}\n`)
    process.stdout.write(
      [
        'index: openArchive answered and the summary is shown; 1st paint: the timeline drawn with the first page of recordings; all painted: with every recording; JS heap: the renderer after a GC (CDP).',
        'Engine busy after open: how long the test process (the engine and its workers) kept working in the background once every length was known; frames are measured once it is under 10 % of a core (its share then shown).',
        'Frames (ms, after 3 settling frames): rAF Δ is the time between two requestAnimationFrame callbacks in the page, the frame rate a person sees, machine load included;',
        'main thread is the renderer main thread\'s task time between two frames (Chromium trace, wall), CPU the same tasks\' own CPU time (what the page costs, whatever else runs);',
        'style, layout, paint are the p95 of their share of the wall time. The list scrolls 900 px a frame (every row new each frame) unless stated; the plain-text list is the baseline:',
        'a hand-written pool of text rows of the same height in the same box, no React, no waveforms. Idle: nothing happens.',
        'Goals: index → 1st paint < 1 s, scroll and zoom p95 < 20 ms, heap < 500 MB.'
      ].join('\n') + '\n'
    )
  } finally {
    await closeBrowser()
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
}

main().catch(async (err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  await closeBrowser()
  process.exit(1)
})
