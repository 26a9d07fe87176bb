// `npx tsx bench/audio/setup-latency.ts EXPORT.zip [runs] [--warm-cache]` (or `node scripts/build-then.mjs --bundled …`):
// audio's set-up after an open, in process through the services as the app reaches them. Opens the
// export, answers the first page, then makes the first audio call (as the Length column does once the
// first page is shown) and, for the second after it (until its asks are answered), asks for a list page and for chooseArchive
// every 50 ms, timing each answer; the event loop's longest block is taken from a 5 ms timer's
// lateness. The peaks cache starts empty (a new home per run) unless --warm-cache. Prints figures; asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { dispatch } from '../../src/shared/ipc/dispatch'
import { createServices } from '../../src/core/services'
import { loopBlocks } from '../loop-blocks'

const args = process.argv.slice(2)
const path = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a))
const runs = Number(args.find((a) => /^\d+$/.test(a)) ?? 3)
const warmCache = args.includes('--warm-cache')
if (!path) {
  console.error('usage: setup-latency.ts EXPORT.zip [runs] [--warm-cache]')
  process.exit(2)
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const cpu = () => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

async function once(home: string) {
  const services = createServices({ shell: 'cli', home, emit: () => undefined, chooseArchive: async () => null, mediaUrl: (t) => `bench-media://${t}` })
  try {
    const opened = await dispatch(services.handlers, 'openArchive', { token: services.grantPath(path!, 'dialog'), jobId: 'j' })
    if (!opened.ok) throw new Error(opened.error.message)
    const archiveId = (opened.value as { archiveId: string }).archiveId
    await services.handlers.listRecordings({ archiveId, offset: 0, limit: 200 })
    const loop = loopBlocks()
    const cpu0 = cpu()
    const elu0 = performance.eventLoopUtilization()
    const t0 = performance.now()
    const first = services.handlers.audioDurations({ archiveId, after: 0, limit: 1000 })
    const firstCall = performance.now() - t0
    const page: number[] = []
    const choose: number[] = []
    const asks: Promise<void>[] = []
    for (let at = 0; at < 1000; at += 50) {
      await sleep(Math.max(0, t0 + at - performance.now()))
      // Timed from when the request was due, as if it arrived then over IPC while the loop was busy.
      const s = t0 + at
      asks.push(services.handlers.listRecordings({ archiveId, offset: 1000 + at * 10, limit: 200 }).then(() => void page.push(performance.now() - s)))
      asks.push(services.handlers.chooseArchive({ kind: 'file' }).then(() => void choose.push(performance.now() - s)))
    }
    await Promise.all([first, ...asks])
    const cpuMs = cpu() - cpu0
    // The engine thread's own busy time (process CPU includes the peaks workers).
    const busyMs = performance.eventLoopUtilization(elu0).active
    const worst = loop.stop()
    const progress = await services.handlers.audioDurations({ archiveId, after: 0, limit: 1 })
    // The close, as the renderer sends it before opening the next export: how long it takes to answer.
    const c0 = performance.now()
    await services.handlers.closeArchive({ archiveId })
    const closeMs = performance.now() - c0
    return { firstCall, worst, page, choose, cpuMs, busyMs, closeMs, durations: progress.total }
  } finally {
    await services.dispose()
  }
}

async function main() {
  console.log(`audio set-up latency: ${path}, ${runs} runs, ${warmCache ? 'warm' : 'empty'} peaks cache, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  const shared = warmCache ? mkdtempSync(join(tmpdir(), 'es-audio-bench-')) : null
  if (shared) await once(shared)
  const all = { firstCall: [] as number[], worst: [] as number[], pageMax: [] as number[], pageMed: [] as number[], chooseMax: [] as number[], chooseMed: [] as number[], cpu: [] as number[], busy: [] as number[] }
  for (let i = 0; i < runs; i++) {
    const home = shared ?? mkdtempSync(join(tmpdir(), 'es-audio-bench-'))
    try {
      const r = await once(home)
      const f = (x: number) => x.toFixed(0)
      console.log(`run ${i + 1}: first audio call ${f(r.firstCall)} ms, longest loop block ${f(r.worst)} ms, page max/median ${f(Math.max(...r.page))}/${f(median(r.page))} ms, chooseArchive max/median ${f(Math.max(...r.choose))}/${f(median(r.choose))} ms, process CPU (user+sys, with workers) ${f(r.cpuMs)} ms, engine thread busy ${f(r.busyMs)} ms, lengths known ${r.durations}, closeArchive answered in ${f(r.closeMs)} ms`)
      all.firstCall.push(r.firstCall); all.worst.push(r.worst); all.pageMax.push(Math.max(...r.page)); all.pageMed.push(median(r.page)); all.chooseMax.push(Math.max(...r.choose)); all.chooseMed.push(median(r.choose)); all.cpu.push(r.cpuMs); all.busy.push(r.busyMs)
    } finally {
      if (!shared) rmSync(home, { recursive: true, force: true })
    }
  }
  if (shared) rmSync(shared, { recursive: true, force: true })
  const m = (xs: number[]) => median(xs).toFixed(0)
  console.log(`medians: first audio call ${m(all.firstCall)} ms, longest block ${m(all.worst)} ms, page max ${m(all.pageMax)} (median ${m(all.pageMed)}) ms, chooseArchive max ${m(all.chooseMax)} (median ${m(all.chooseMed)}) ms, process CPU ${m(all.cpu)} ms, engine thread busy ${m(all.busy)} ms; load after ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
}
void main().then(() => process.exit(0), (err) => {
  console.error(err)
  process.exit(1)
})
