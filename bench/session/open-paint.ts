// `node scripts/build-then.mjs --bundled bench/session/open-paint.ts EXPORT.zip [runs] [--fresh]`:
// the app's open → first timeline paint on a real export, in the harness (the built renderer in
// Chromium, wired to the real engine in this process, as the e2e specs run it). `--bundled` runs
// the engine bundled beside the built main, as the app runs it (under tsx every module is its own
// transpiled file, and the warm engine measured ~20% more CPU per open than the bundle here).
// The clock starts when the person clicks "Open export…" (the dialog answers at once), once the
// warm-up the app starts at appInfo is over (a person takes longer than that to choose a file), and
// stops at the first timeline paint with recordings; beside it, the same export's
// `scan --json --no-hash` in a child as a baseline of the engine's own part. Run 1 is this
// process's first open (cold code, as a person's first open after starting the app); later runs
// are repeated opens in the same process (each in a new window), reported apart. `--fresh` runs each
// open in a process of its own, so every run is a first open; `--same-window` opens the export again
// and again in one window through the File menu's command, 2 s after each paint, as a person opening
// one export after another does (the previous export is closed as the new one opens). Prints one block per run and the medians; asserts nothing.
// Goal (issue 15): under 1.5 s at 100,000 recordings.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { hasChromium, noChromiumReason } from '../../e2e/browser'
import { closeBrowser, startHarness } from '../../e2e/harness'
import { warmedUp } from '../../src/core/session/warm'
import { loopBlocks } from '../loop-blocks'
import type { ArchiveSummary } from '../../src/shared/model/archive'

/** The repository: the folder above with package.json (this file runs from bench/ or bundled into out/main). */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) return resolve(__dirname, '../..')
  }
}
const root = repositoryRoot(__dirname)
const profileDir = process.env.OPEN_PAINT_PROFILE
const SPLIT_LINE = '@@open-paint '

type ChromiumCpu = Record<string, number>

/** CPU (user+sys, ms) of the Chromium processes this process started, by kind (browser, renderer, gpu-process, utility) and in all. */
function chromiumCpu(): ChromiumCpu {
  const parents = new Map<number, number>()
  const cpu = new Map<number, { kind: string; ms: number }>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      parents.set(Number(name), Number(after[1]))
      if (!/chrom/i.test(comm)) continue
      const kind = /--type=([\w-]+)/.exec(readFileSync(`/proc/${name}/cmdline`, 'utf8'))?.[1] ?? 'browser'
      // utime and stime, fields 14 and 15 of /proc/PID/stat, in clock ticks (100 a second here).
      cpu.set(Number(name), { kind, ms: (Number(after[11]) + Number(after[12])) * 10 })
    } catch {
      // The process ended meanwhile.
    }
  }
  const out: ChromiumCpu = { all: 0 }
  for (const [pid, { kind, ms }] of cpu) {
    for (let p = parents.get(pid); p !== undefined && p > 1; p = parents.get(p)) {
      if (p !== process.pid) continue
      out.all = out.all! + ms
      out[kind] = (out[kind] ?? 0) + ms
      break
    }
  }
  return out
}
const cpuSince = (before: ChromiumCpu, after: ChromiumCpu): ChromiumCpu => Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]))
const kinds = (c: ChromiumCpu) => Object.entries(c).filter(([k]) => k !== 'all').map(([k, v]) => `${k} ${v}`).join(', ')

interface Split {
  firstPaintMs: number
  recordings: number
  indexReadyMs: number
  /** Page-side marks, ms after the click. */
  at: Record<string, number>
  /** Renderer measures before the first paint: name → durations (ms). */
  measures: Record<string, number[]>
  /** The engine's own phases as the open answer carries them (ms). */
  engine: NonNullable<ArchiveSummary['timings']> | null
  /** The handlers' time in this process (wall ms), and the answers' JSON sizes. */
  node: { openMs: number; openCpuMs: number; openChars: number; pageMs: number; pageChars: number }
  /** CPU of this process (engine and harness, workers included) from the click to the first paint. */
  cpuMs: number
  /** CPU of the Chromium processes (renderer, GPU, browser) from the click to the first paint. */
  chromiumMs: number
  /** Of that, until the open's answer: what Chromium takes from the engine's two cores while it works, in all and by process kind. */
  chromiumWhileOpening: ChromiumCpu
  /** The warm-up the app starts at appInfo (warm.ts): from the page's load until it was over. */
  warmMs: number
  /** When chooseArchive and openArchive reached the engine, ms after the click or menu command (this process's clock). */
  reached: { choose: number; open: number }
  /** The engine's longest event-loop block in the second after the paint (ms). */
  loopBlockMs: number
  /** The first page's round trip asked again after the paint (the harness's bridge; the engine idle but for its background work). */
  bridgeMs: number[]
}

/** Time the app's window lets the first paint settle before the next open (`--same-window`): the export's background work (hash, audio) is running when the next open begins, as when a person opens another export. */
const LOOK_MS = 2000

/**
 * Opens the export `opens` times in one app window (a harness of its own): the first from the
 * welcome screen's button, each later one through the File menu's command (the harness emits the
 * shell's `app.command`), which closes the open export and opens the chosen one as in the app.
 */
async function openToPaint(path: string, opens = 1): Promise<Split[]> {
  const app = await startHarness({ viewport: { width: 1440, height: 900 } })
  const { page } = app
  // The handlers the harness dispatches to, timed in place: what the engine itself spends per call.
  const handlers = app.services.handlers
  let node = { openMs: 0, openCpuMs: 0, openChars: 0, pageMs: 0, pageChars: 0 }
  let answers: { open?: unknown; page?: unknown } = {}
  let chromiumAtAnswer: ChromiumCpu = {}
  // When the calls reach the engine, on this process's clock from the click (or menu command).
  let clicked = 0
  const reached = { choose: Number.NaN, open: Number.NaN }
  const chooseArchive = handlers.chooseArchive
  handlers.chooseArchive = async (request) => {
    reached.choose = performance.now() - clicked
    return chooseArchive(request)
  }
  const openArchive = handlers.openArchive
  handlers.openArchive = async (request) => {
    const t = performance.now()
    reached.open = t - clicked
    const cpu = process.cpuUsage()
    const answer = await openArchive(request)
    const used = process.cpuUsage(cpu)
    chromiumAtAnswer = chromiumCpu()
    node.openMs = performance.now() - t
    node.openCpuMs = (used.user + used.system) / 1000
    answers.open = answer
    return answer
  }
  const listRecordings = handlers.listRecordings
  handlers.listRecordings = async (request) => {
    const t = performance.now()
    const answer = await listRecordings(request)
    if (request.offset === 0) {
      node.pageMs = performance.now() - t
      answers.page = answer
    }
    return answer
  }
  const oneOpen = async (k: number): Promise<Split> => {
    node = { openMs: 0, openCpuMs: 0, openChars: 0, pageMs: 0, pageChars: 0 }
    answers = {}
    app.answerNextDialog(path)
    const open = page.getByRole('button', { name: 'Open export…' })
    const warmStart = performance.now()
    if (k === 0) {
      await open.waitFor()
      // The app warms up once the window asks appInfo (before the button shows); a person choosing a
      // file in the dialog takes longer than that, so the click waits for it to be over.
      await warmedUp()
    } else await new Promise((r) => setTimeout(r, LOOK_MS))
    const warmMs = performance.now() - warmStart
    // The renderer's own CPU profile from the click to the paint, when asked for (OPEN_PAINT_PROFILE=dir).
    const cdp = profileDir ? await page.context().newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    await page.evaluate(() => {
      performance.mark('bench:open-click')
      // The click as the page receives it: Playwright's actionability checks before it are the harness's.
      window.addEventListener('click', () => performance.mark('bench:click-event'), { capture: true, once: true })
      // The first paint with recordings, heard by an observer rather than polled for: polling over CDP
      // every 50 ms was the harness's own work on the same cores while the engine opened the export.
      // This open's paint: after its index is ready (the previous export's timeline may still draw meanwhile).
      const click = performance.now()
      const painted = () => {
        const ready = performance.getEntriesByName('exportscope:index-ready').find((m) => m.startTime >= click)
        return ready !== undefined && (performance.getEntriesByName('exportscope:timeline-paint') as PerformanceMark[]).some((m) => m.startTime >= ready.startTime && ((m.detail as { recordings: number } | null)?.recordings ?? 0) > 0)
      }
      ;(window as unknown as { __benchPainted: Promise<void> }).__benchPainted = new Promise((resolve) => {
        const observer = new PerformanceObserver(() => {
          if (!painted()) return
          observer.disconnect()
          resolve()
        })
        observer.observe({ type: 'mark' })
      })
    })
    const cpuStart = process.cpuUsage()
    const chromiumStart = chromiumCpu()
    reached.choose = reached.open = Number.NaN
    clicked = performance.now()
    // The menu's File › Open Export… as the shell sends it (harness: its stand-in for the menu).
    if (k === 0) await open.click()
    else await page.evaluate(() => (window as unknown as { __exportscopeEmit(n: string, p: unknown): void }).__exportscopeEmit('app.command', { command: 'open-export' }))
    await page.evaluate(() => (window as unknown as { __benchPainted: Promise<void> }).__benchPainted)
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop')
      mkdirSync(profileDir, { recursive: true })
      writeFileSync(join(profileDir, `renderer-${Date.now()}.cpuprofile`), JSON.stringify(profile))
      await cdp.detach()
    }
    const cpu = process.cpuUsage(cpuStart)
    const chromiumMs = chromiumCpu().all! - chromiumStart.all!
    const chromiumWhileOpening = cpuSince(chromiumStart, chromiumAtAnswer)
    node.openChars = JSON.stringify(answers.open).length
    node.pageChars = JSON.stringify(answers.page).length
    const seen = await page.evaluate(() => {
      const click = performance.getEntriesByName('bench:open-click').at(-1)!.startTime
      const ready = performance.getEntriesByName('exportscope:index-ready').find((m) => m.startTime >= click)!.startTime
      const paint = (performance.getEntriesByName('exportscope:timeline-paint') as PerformanceMark[]).find((m) => m.startTime >= ready && ((m.detail as { recordings: number } | null)?.recordings ?? 0) > 0)!
      // Marks of this open: those after its index is ready are looked for from there (a previous export's list may still be loading).
      const afterReady = new Set(['workspace-mounted', 'first-page', 'recordings-published'])
      const first = (name: string, from = click) => performance.getEntriesByName(name).find((e) => e.startTime >= from)
      const at: Record<string, number> = {}
      for (const name of ['bench:click-event', 'open-asked', 'open-answered', 'index-ready', 'workspace-mounted', 'first-page', 'recordings-published']) {
        const e = first(name.startsWith('bench:') ? name : `exportscope:${name}`, afterReady.has(name) ? ready : click)
        if (e) at[name] = e.startTime - click
      }
      at['timeline-paint'] = paint.startTime - click
      const measures: Record<string, number[]> = {}
      for (const e of performance.getEntriesByType('measure')) {
        if (!e.name.startsWith('exportscope:') || e.startTime < click || e.startTime > paint.startTime) continue
        ;(measures[e.name.slice('exportscope:'.length)] ??= []).push(e.duration)
      }
      const answered = first('exportscope:open-answered') as PerformanceMark | undefined
      return { at, measures, engine: (answered?.detail as Split['engine']) ?? null, recordings: (paint.detail as { recordings: number }).recordings, firstPaintMs: paint.startTime - click }
    })
    // The harness's bridge alone: the same first page asked again from the page once it is drawn
    // (the handler takes ~1 ms), so the rest of the round trip is JSON over CDP and the page's parse.
    const archiveId = (answers.open as { archiveId: string }).archiveId
    const bridgeMs: number[] = []
    // The engine's event loop over the second after the paint (when the list's first audio call starts
    // audio's set-up): its longest block, from a 5 ms timer's lateness in this (the engine's) process.
    const loop = loopBlocks()
    for (let k = 0; k < 3; k++) {
      bridgeMs.push(
        await page.evaluate(async (id) => {
          const t = performance.now()
          await (window as unknown as { exportscope: { listRecordings(r: object): Promise<unknown> } }).exportscope.listRecordings({ archiveId: id, offset: 0, limit: 1000 })
          return performance.now() - t
        }, archiveId)
      )
    }
    const loopBlockMs = await loop.after(1000)
    return { ...seen, indexReadyMs: seen.at['index-ready'] ?? Number.NaN, node, cpuMs: (cpu.user + cpu.system) / 1000, chromiumMs, chromiumWhileOpening, warmMs, bridgeMs, loopBlockMs, reached: { ...reached } }
  }
  try {
    const results: Split[] = []
    for (let k = 0; k < opens; k++) results.push(await oneOpen(k))
    return results
  } finally {
    await app.close()
  }
}

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '?' : String(Math.round(n)))

/** The run's time from the click to the first paint, part by part, each said as whose it is. */
function splitLines(r: Split): string {
  const a = r.at
  const e = r.engine
  const lines = [
    `  click → openArchive asked: ${ms(a['open-asked'])} ms, of which Playwright's actionability checks before the page sees the click (harness) ${ms(a['bench:click-event'])} ms; the rest is the chooseArchive round trip (bridge) and the renderer` +
      ` (the engine got chooseArchive ${ms(r.reached.choose)} ms and openArchive ${ms(r.reached.open)} ms after the click)`,
    `  openArchive call: ${ms((a['open-answered'] ?? 0) - (a['open-asked'] ?? 0))} ms, of which the handler ${ms(r.node.openMs)} ms (${ms(r.node.openCpuMs)} ms CPU)` +
      (e ? ` = engine open ${e.open} + read ${e.read} + hooks ${e.hooks} + analyse ${e.analyze} + answer ${e.answer} (+ ${ms(r.node.openMs - e.open - e.read - e.hooks - e.analyze - e.answer)} else)` : '') +
      `; the rest, ${ms((a['open-answered'] ?? 0) - (a['open-asked'] ?? 0) - r.node.openMs)} ms, is the bridge (harness: JSON over CDP, ${Math.round(r.node.openChars / 1024)} KiB)`,
    `  answer → index ready (store updates, per-export reset): ${ms((a['index-ready'] ?? 0) - (a['open-answered'] ?? 0))} ms`,
    `  first listRecordings page: ${ms((a['first-page'] ?? 0) - (a['index-ready'] ?? 0))} ms, of which the handler ${ms(r.node.pageMs)} ms (${Math.round(r.node.pageChars / 1024)} KiB; the rest is the bridge and the page's waiting for other work` +
      `, such as the workspace's first render, committed ${ms((a['workspace-mounted'] ?? Number.NaN) - (a['index-ready'] ?? 0))} ms after index ready)`,
    `  first page → published (store set, subscribers): ${ms((a['recordings-published'] ?? 0) - (a['first-page'] ?? 0))} ms`,
    `  published → first timeline paint (React render, derive, mount, draw): ${ms(a['timeline-paint']! - (a['recordings-published'] ?? 0))} ms; measures before paint: ` +
      Object.entries(r.measures).map(([k, v]) => `${k} ${v.map((d) => d.toFixed(1)).join('+')} ms`).join(', '),
    `  CPU from click to paint: the engine's process (engine, harness, workers) ${ms(r.cpuMs)} ms; Chromium (renderer, GPU, browser) ${ms(r.chromiumMs)} ms, of which ${ms(r.chromiumWhileOpening.all)} ms until the open's answer, while the engine works (${kinds(r.chromiumWhileOpening)}); the warm-up before the click was over ${ms(r.warmMs)} ms after the button showed`,
    `  the same first page asked again after the paint (bridge only; the engine's background work runs meanwhile): ${r.bridgeMs.map(ms).join(', ')} ms; the engine's longest event-loop block in the second after the paint ${ms(r.loopBlockMs)} ms`
  ]
  return lines.join('\n')
}

const middle = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** One run in a process of its own (`--fresh`): its split comes back as one JSON line. */
function freshRun(file: string): Split {
  const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, file, '1', '--child'], { encoding: 'utf8', maxBuffer: 1 << 26, stdio: ['ignore', 'pipe', 'inherit'] })
  const line = child.stdout.split('\n').find((l) => l.startsWith(SPLIT_LINE))
  if (!line) throw new Error(`the fresh run printed no split (exit ${child.status}): ${child.stdout.slice(-2000)}`)
  return JSON.parse(line.slice(SPLIT_LINE.length)) as Split
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const flags = new Set(args.filter((a) => a.startsWith('--')))
  const [file, runsArg] = args.filter((a) => !a.startsWith('--'))
  if (!file) throw new Error('usage: node scripts/build-then.mjs --bundled bench/session/open-paint.ts EXPORT.zip [runs] [--fresh | --same-window]')
  if (!hasChromium()) throw new Error(noChromiumReason)
  const runs = Math.max(1, Number(runsArg ?? 3) || 3)
  if (flags.has('--child')) {
    process.stdout.write(`${SPLIT_LINE}${JSON.stringify((await openToPaint(resolve(file)))[0])}\n`)
    return
  }
  const fresh = flags.has('--fresh')
  const sameWindow = flags.has('--same-window')
  const results: Split[] = []
  const inWindow = sameWindow ? await openToPaint(resolve(file), runs) : []
  for (let i = 0; i < runs; i++) {
    const r = sameWindow ? inWindow[i]! : fresh ? freshRun(resolve(file)) : (await openToPaint(resolve(file)))[0]!
    results.push(r)
    const kind = fresh || i === 0 ? 'first open in its process' : sameWindow ? `opened again from the menu ${LOOK_MS / 1000} s after the last paint, in the same window` : 'repeated open in the same process, a new window'
    process.stdout.write(`run ${i + 1} (${kind}): open click → index ready ${Math.round(r.indexReadyMs)} ms, → first timeline paint ${Math.round(r.firstPaintMs)} ms (${r.recordings.toLocaleString('en-US')} recordings drawn)\n${splitLines(r)}\n`)
  }
  const started = performance.now()
  spawnSync(process.execPath, [join(root, 'out/main/cli.js'), 'scan', '--json', '--no-hash', resolve(file)], { stdio: 'ignore' })
  const scanMs = performance.now() - started
  // From the click as the page receives it: without Playwright's actionability checks (harness).
  const summary = (label: string, set: Split[]) =>
    set.length === 0
      ? ''
      : `${label}: median open → first timeline paint ${ms(middle(set.map((r) => r.firstPaintMs)))} ms over ${set.length} (${ms(middle(set.map((r) => r.firstPaintMs - (r.at['bench:click-event'] ?? 0))))} ms from the click event the page receives); ` +
        `engine handler ${ms(middle(set.map((r) => r.node.openMs)))} ms wall, ${ms(middle(set.map((r) => r.node.openCpuMs)))} ms CPU; read ${ms(middle(set.map((r) => r.engine?.read ?? Number.NaN)))} ms; ` +
        `CPU click → paint: engine's process ${ms(middle(set.map((r) => r.cpuMs)))} ms, Chromium ${ms(middle(set.map((r) => r.chromiumMs)))} ms (${ms(middle(set.map((r) => r.chromiumWhileOpening.all!)))} ms until the answer)\n`
  const firsts = fresh ? results : results.slice(0, 1)
  const repeats = fresh ? [] : results.slice(1)
  process.stdout.write(summary('first opens', firsts) + summary('repeated opens', repeats))
  process.stdout.write(`the same export's scan --json --no-hash: ${Math.round(scanMs)} ms; load ${loadavg().map((l) => l.toFixed(1)).join(' ')}\n`)
}

main()
  .catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
    process.exitCode = 1
  })
  .finally(() => closeBrowser())
