// `tsx bench/providers/first-byte-once.ts FILE|- [SRC]`: one fresh process pays what a scan pays from
// `open` to the voice history's first byte, phase by phase: openArchive (listing, judging, header
// checks), the export view, every provider's recognize (which locates its files), the audio lookup
// of the first provider that parses, and the first chunk of that provider's first CSV. SRC is a copy
// of src/ (default this tree's), so first-byte.ts can compare an older copy in the same run.
// Prints one JSON line: wall and CPU ms per phase, GC pause ms over all, live heap per entry kept
// once the lookup is built. Asserts nothing.
import { resolve } from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { liveBytes } from '../fresh-process'

const live = liveBytes

type Archive = typeof import('../../src/core/archive')
type Providers = typeof import('../../src/core/providers')
type View = typeof import('../../src/core/providers/export-view')
type Lookup = typeof import('../../src/core/providers/audio-lookup')

async function main(): Promise<void> {
  const [file, src = resolve(__dirname, '../../src')] = process.argv.slice(2)
  if (!file) {
    process.stderr.write('usage: tsx bench/providers/first-byte-once.ts FILE|- [SRC]\n')
    process.exit(2)
  }
  const at = (p: string) => resolve(src, p)
  const { openArchive } = (await import(at('core/archive/index.ts'))) as Archive
  const { builtInProviders } = (await import(at('core/providers/index.ts'))) as Providers
  const { createExportView } = (await import(at('core/providers/export-view.ts'))) as View
  const { AudioLookup } = (await import(at('core/providers/audio-lookup.ts'))) as Lookup
  // '-' only loads the modules: under `valgrind --tool=cachegrind`, FILE minus '-' counts the
  // instructions of open..first byte, a figure a busy machine does not move.
  if (file === '-') return
  const before = live()
  let gcMs = 0
  const observer = new PerformanceObserver((list) => {
    for (const e of list.getEntries()) gcMs += e.duration
  })
  observer.observe({ entryTypes: ['gc'] })
  const phases: Record<string, { wallMs: number; cpuMs: number }> = {}
  const started = performance.now()
  const timed = async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const cpu = process.cpuUsage()
    const t = performance.now()
    const out = await fn()
    const used = process.cpuUsage(cpu)
    phases[name] = { wallMs: Math.round(performance.now() - t), cpuMs: Math.round((used.user + used.system) / 1000) }
    return out
  }
  const archive = await timed('open', () => openArchive(file))
  const view = await timed('view', () => createExportView(archive))
  const providers = builtInProviders().list()
  await timed('recognize', () => providers.map((p) => p.recognize(view)))
  const lookup = await timed('lookup', () => new AudioLookup(view))
  const csv = view.entries.find((e) => e.ext === 'csv' && /voicehistory/.test(e.norm)) ?? null
  await timed('first CSV byte', async () => {
    if (!csv) return
    const stream = await view.open(csv)
    await new Promise<void>((done, fail) => {
      stream.once('data', () => done())
      stream.once('error', fail)
      stream.once('end', () => done())
    })
    stream.destroy()
  })
  const totalMs = Math.round(performance.now() - started)
  observer.disconnect()
  const kept = live() - before
  const result = { entries: archive.entries.length, totalMs, gcMs: Math.round(gcMs), phases, bytesPerEntry: Math.round(kept / Math.max(1, archive.entries.length)), unique: lookup.uniqueNames, maxRssKiB: process.resourceUsage().maxRSS }
  process.stdout.write(`${JSON.stringify(result)}\n`)
  await archive.close()
}

void main()
