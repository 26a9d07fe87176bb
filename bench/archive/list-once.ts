// `tsx bench/archive/list-once.ts open|view|floor|load FILE [SRC]`: one listing in a fresh process, as
// the CLI and the app pay it, printed as one JSON line. `open` runs openArchive from SRC (a copy of
// src/, default this tree's: the bench compares an older copy in the same run); `view` then makes
// the export view of the listing (createExportView, what every scan makes next) and adds its wall,
// CPU and GC as view*, its entries counted in the kept bytes per entry; `floor` is the
// least any listing can do: the central directory read in one piece and every name decoded
// (latin1) and kept with its offset and size, no checks; `load` only loads openArchive (under
// `valgrind --tool=cachegrind`, open minus load counts the instructions of one listing, a figure
// that a busy machine does not move). Retained bytes are the live heap (and
// array buffers) after a full GC with the listing still held. Asserts nothing.
import { closeSync, openSync, readSync, fstatSync } from 'node:fs'
import { resolve } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { directoryOf } from './directory'
import { liveBytes } from '../fresh-process'

const live = liveBytes

interface Floor {
  names: string[]
  offsets: Float64Array
  sizes: Float64Array
}

function floor(file: string): Floor {
  const fd = openSync(file, 'r')
  try {
    const { start, count, length } = directoryOf(fd, fstatSync(fd).size)
    const buf = Buffer.allocUnsafe(length)
    readSync(fd, buf, 0, length, start)
    const out: Floor = { names: new Array<string>(count), offsets: new Float64Array(count), sizes: new Float64Array(count) }
    let at = 0
    for (let i = 0; i < count; i++) {
      const nameLength = buf.readUInt16LE(at + 28)
      out.sizes[i] = buf.readUInt32LE(at + 24)
      out.offsets[i] = buf.readUInt32LE(at + 42)
      out.names[i] = buf.toString('latin1', at + 46, at + 46 + nameLength)
      at += 46 + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32)
    }
    return out
  } finally {
    closeSync(fd)
  }
}

async function main(): Promise<void> {
  const [mode, file, src] = process.argv.slice(2)
  if ((mode !== 'open' && mode !== 'view' && mode !== 'floor' && mode !== 'load') || !file) {
    process.stderr.write('usage: tsx bench/archive/list-once.ts open|view|floor|load FILE [SRC]\n')
    process.exit(2)
  }
  const root = src ?? resolve(__dirname, '../../src')
  const open = mode !== 'floor' ? ((await import(resolve(root, 'core/archive/index.ts'))) as typeof import('../../src/core/archive')).openArchive : null
  const makeView = mode === 'view' ? ((await import(resolve(root, 'core/providers/export-view.ts'))) as typeof import('../../src/core/providers/export-view')).createExportView : null
  const before = live()
  // Time in garbage collection pauses during the listing (the full GCs of live() are outside it).
  let gcMs = 0
  let counting = true
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (counting) gcMs += e.duration
  })
  observer.observe({ entryTypes: ['gc'] })
  const cpu = process.cpuUsage()
  const started = process.hrtime.bigint()
  let entries: number
  let held: unknown
  if (mode === 'load') {
    entries = 0
    held = null
  } else if (open) {
    const archive = await open(file)
    entries = archive.entries.length
    held = archive
  } else {
    const f = floor(file)
    entries = f.names.length
    held = f
  }
  const ended = process.hrtime.bigint()
  const wallMs = Number(ended - started) / 1e6
  const used = process.cpuUsage(cpu)
  // Entries are delivered after a turn of the event loop: let those of the listing arrive.
  await new Promise((r) => setImmediate(r))
  const listingGcMs = gcMs
  let viewed: { viewWallMs: number; viewCpuMs: number; viewGcMs: number; viewEntries: number } | null = null
  // Held until the live heap is counted, so the view's bytes are in it.
  let view: unknown = null
  if (makeView && held) {
    const viewCpu = process.cpuUsage()
    const viewStarted = process.hrtime.bigint()
    const made = makeView(held as Parameters<typeof makeView>[0])
    const viewWallMs = Number(process.hrtime.bigint() - viewStarted) / 1e6
    const viewUsed = process.cpuUsage(viewCpu)
    await new Promise((r) => setImmediate(r))
    viewed = { viewWallMs, viewCpuMs: (viewUsed.user + viewUsed.system) / 1000, viewGcMs: gcMs - listingGcMs, viewEntries: made.entries.length }
    view = made
  }
  counting = false
  observer.disconnect()
  const retained = live() - before
  view = null
  const result = { mode, entries, wallMs, cpuMs: (used.user + used.system) / 1000, gcMs: listingGcMs, ...viewed, bytesPerEntry: retained / Math.max(1, entries), maxRssKiB: process.resourceUsage().maxRSS,
    // CLOCK_MONOTONIC seconds, for `perf record -k CLOCK_MONOTONIC` then `perf report --time from,to`.
    window: [Number(started) / 1e9, Number(ended) / 1e9].map((t) => t.toFixed(6)).join(',') }
  process.stdout.write(`${JSON.stringify(result)}\n`)
  if (held && open) await (held as { close(): Promise<void> }).close()
}

void main()
