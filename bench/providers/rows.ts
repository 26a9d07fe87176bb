// `tsx bench/providers/rows.ts [EXPORT.zip] [--runs N]`: the voice-history CSV into recordings, by
// its parts, each in a process of its own (cold, as a scan meets it): inflating the CSV and counting
// its line ends (the least any reader does), the CSV scanner with a sink that keeps nothing, and the
// Alexa reader making recordings. CPU (user + system) says more than wall time on a busy machine.
// Without an export, one of 100,000 rows (no audio) is generated under .tmp/. Asserts nothing.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join, resolve } from 'node:path'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { openArchive } from '../../src/core/archive'
import { readVoiceHistory } from '../../src/core/providers/amazon-alexa/voice-history'
import { AudioLookup } from '../../src/core/providers/audio-lookup'
import { scanCsv } from '../../src/core/providers/csv/read-csv'
import { createExportView } from '../../src/core/providers/export-view'
import type { ParseContext, ProviderItem } from '../../src/core/providers/types'

const root = resolve(__dirname, '../..')
type Part = 'inflate' | 'scan' | 'rows'
const PARTS: Part[] = ['inflate', 'scan', 'rows']

interface Figures {
  cpuMs: number
  wallMs: number
  rows: number
  /** For 'rows': live heap bytes per recording the reader's result holds, and bytes kept off the heap (the rows' text). */
  heapPerRow?: number
  externalPerRow?: number
}

/** One part, measured in this process (the child). */
async function part(which: Part, zip: string): Promise<Figures> {
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const archive = await openArchive(zip, {})
  try {
    const view = createExportView(archive)
    const file = view.entries.find((e) => /voice ?history\.csv$/i.test(e.base))
    if (!file) throw new Error(`${zip} has no voice-history CSV`)
    const lookup = new AudioLookup(view)
    gc()
    const heap0 = process.memoryUsage()
    const cpu0 = process.cpuUsage()
    const t0 = performance.now()
    let rows = 0
    const kept: ProviderItem[][] = []
    if (which === 'inflate') {
      for await (const chunk of await view.open(file)) {
        const b = chunk as Buffer
        for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) rows++
      }
      rows--
    } else if (which === 'scan') {
      for await (const _ of scanCsv(await view.open(file), { header() {}, row: () => void rows++, error() {} })) {
        // (each piece)
      }
    } else {
      const ctx: ParseContext = { mappings: [], claimed: { has: () => false } }
      for await (const item of readVoiceHistory(view, file, ctx, { namedAsVoiceHistory: true, audio: lookup })) {
        if (item.type !== 'batch') continue
        kept.push(item.items)
        for (const one of item.items) rows += one.type === 'recordings' ? one.recordings.length : one.type === 'recording' ? 1 : 0
      }
    }
    const cpu = process.cpuUsage(cpu0)
    const figures: Figures = { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0, rows }
    if (which === 'rows') {
      gc()
      gc()
      const heap1 = process.memoryUsage()
      figures.heapPerRow = Math.round((heap1.heapUsed - heap0.heapUsed) / rows)
      figures.externalPerRow = Math.round((heap1.external - heap0.external) / rows)
      if (kept.length < 0) throw new Error('unreachable')
    }
    return figures
  } finally {
    await archive.close()
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function inChild(which: Part, zip: string): Figures {
  const r = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--part', which, zip], { cwd: root, encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`${which} failed: ${r.stderr}`)
  return JSON.parse(r.stdout) as Figures
}

async function exportToRead(given: string | undefined): Promise<string> {
  if (given) return given
  const dir = join(root, '.tmp', 'bench-rows')
  const zip = join(dir, 'alexa-100000-metadata.zip')
  if (!existsSync(zip)) {
    mkdirSync(dir, { recursive: true })
    process.stderr.write('generating 100,000 rows…\n')
    const { generateExport } = await import('../../src/core/generate')
    await generateExport({ provider: 'amazon', own: 90_000, foreign: 10_000, kind: 'unregistered-device', amazon: { metadataOnly: true }, seed: 'bench-rows' }, zip)
  }
  return zip
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--part') {
    process.stdout.write(JSON.stringify(await part(args[1] as Part, args[2]!)))
    return
  }
  const runsAt = args.indexOf('--runs')
  const runs = runsAt >= 0 ? Math.max(1, Number(args[runsAt + 1]) || 3) : 3
  const zip = await exportToRead(args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs'))
  const measured = new Map<Part, Figures[]>(PARTS.map((p) => [p, []]))
  // In turns, so a burst of load elsewhere falls on every part alike.
  for (let r = 0; r < runs; r++) for (const p of PARTS) measured.get(p)!.push(inChild(p, zip))
  const load = loadavg().map((l) => l.toFixed(2)).join(' ')
  const lines = [`${zip} (median of ${runs}, load ${load})`, `${'part'.padEnd(10)}${'rows'.padStart(9)}${'CPU ms'.padStart(9)}${'wall ms'.padStart(9)}${'ns/row'.padStart(9)}  memory`]
  for (const p of PARTS) {
    const fs = measured.get(p)!
    const cpu = median(fs.map((f) => f.cpuMs))
    const memory = p === 'rows' ? `${median(fs.map((f) => f.heapPerRow!))} B/row heap + ${median(fs.map((f) => f.externalPerRow!))} B/row off-heap` : ''
    lines.push(`${p.padEnd(10)}${String(fs[0]!.rows).padStart(9)}${cpu.toFixed(0).padStart(9)}${median(fs.map((f) => f.wallMs)).toFixed(0).padStart(9)}${((cpu * 1e6) / fs[0]!.rows).toFixed(0).padStart(9)}  ${memory}`)
  }
  process.stdout.write(`${lines.join('\n')}\n`)
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
