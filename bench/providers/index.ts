import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive } from '../../src/core/archive'
import { generateExport, type ExportOptions } from '../../src/core/generate'
import { LARGE_ITEM_CASES } from './large-items'
import { bigFieldExport } from './big-field'

async function metadataBytes(zip: string, entry: string): Promise<number> {
  const archive = await openArchive(zip, {})
  try {
    return archive.entries.find((e) => e.info.path === entry)?.info.size ?? 0
  } finally {
    await archive.close()
  }
}

/**
 * Parse time and peak RSS of the providers on generated exports of 1,700 and 100,000 recordings,
 * against a baseline in the same run: the metadata file read whole and parsed in one call.
 * Goals (issue 5): under 0.3 s for 1,700, under 3 s for 100,000, RSS under 250 MB. Asserts nothing.
 */
interface Case {
  name: string
  options?: ExportOptions
  /** Writes the export itself (an input the generator has no variation for); returns its path. */
  make?: (path: string) => Promise<string>
  /** The metadata entry the baseline parses. */
  entry: string
  /** Small inputs are also timed on a second pass, once modules are loaded and compiled. */
  warm: boolean
}

const tiny = { sampleRate: 8000, maxSeconds: 0.3 }
// Only the cases whose name contains this (`npm run bench:providers -- 'MB'`), or all.
const only = process.argv[2]
const ALL: Case[] = [
  { name: 'Amazon CSV, 1,700', options: { provider: 'amazon', own: 1200, foreign: 500, kind: 'unregistered-device', clips: tiny }, entry: 'Alexa.zip!/Alexa/Alexa.VoiceHistory.csv', warm: true },
  { name: 'Amazon CSV, 100,000', options: { provider: 'amazon', own: 90_000, foreign: 10_000, kind: 'unregistered-device', amazon: { metadataOnly: true } }, entry: 'Alexa.zip!/Alexa/Alexa.VoiceHistory.csv', warm: false },
  { name: 'Google JSON, 1,700', options: { provider: 'google', own: 1200, foreign: 500, kind: 'unrecognized-speaker', clips: tiny }, entry: 'Takeout/My Activity/Assistant/MyActivity.json', warm: true },
  { name: 'Google JSON, 100,000 (~300 MB)', options: { provider: 'google', own: 90_000, foreign: 10_000, kind: 'unrecognized-speaker', google: { metadataOnly: true, padding: 2300 } }, entry: 'Takeout/My Activity/Assistant/MyActivity.json', warm: false },
  ...LARGE_ITEM_CASES
]
const CASES = only ? ALL.filter((c) => c.name.includes(only)) : ALL

interface Measured {
  ms: number
  coldMs: number
  count: number
  rssMb: number
}

function measure(mode: 'providers' | 'providers-warm' | 'baseline', zip: string, entry: string): Measured {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'case.ts'), mode, zip, entry], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (r.status !== 0) throw new Error(`${mode} on ${zip} failed: ${r.stderr}`)
  return JSON.parse(r.stdout) as Measured
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'exportscope-bench-providers-'))
  const rows: string[][] = [['input', 'zip MB', 'metadata MB', 'recordings', 'cold s', 'warm s', 'RSS MB', 'baseline s', 'baseline RSS MB', 'vs baseline']]
  try {
    for (const c of CASES) {
      process.stderr.write(`generating ${c.name}…\n`)
      const path = join(dir, `${c.name.replace(/\W+/g, '-')}.zip`)
      const zip = c.make ? await c.make(path) : (await generateExport({ ...c.options!, seed: 'bench' }, path)).paths[0]!
      const p = measure(c.warm ? 'providers-warm' : 'providers', zip, c.entry)
      const b = measure('baseline', zip, c.entry)
      const metadataMb = (await metadataBytes(zip, c.entry)) / 1e6
      rows.push([c.name, ((await stat(zip)).size / 1e6).toFixed(1), metadataMb.toFixed(1), String(p.count), (p.coldMs / 1000).toFixed(3), c.warm ? (p.ms / 1000).toFixed(3) : '-', p.rssMb.toFixed(0), (b.ms / 1000).toFixed(3), b.rssMb.toFixed(0), (p.ms / b.ms).toFixed(2)])
    }
    // One 520 MB field among 10,000 rows: it must cost its own record (a problem line), never the rows after it, in bounded memory.
    process.stderr.write('generating Amazon CSV with one 520 MB field…\n')
    const big = join(dir, 'big-field.zip')
    await bigFieldExport(big, 10_000, 520 * 1024 * 1024)
    const p = measure('providers', big, 'Alexa/Alexa.VoiceHistory.csv')
    rows.push(['Amazon CSV, 10,000 + one 520 MB field', ((await stat(big)).size / 1e6).toFixed(1), ((await metadataBytes(big, 'Alexa/Alexa.VoiceHistory.csv')) / 1e6).toFixed(1), String(p.count), (p.coldMs / 1000).toFixed(3), '-', p.rssMb.toFixed(0), '-', '-', '-'])
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const r of rows) process.stdout.write(`${r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ')}\n`)
  process.stdout.write('cold: first readExport in a fresh process (module loading included); warm: a second pass. baseline: the metadata entry inflated whole, then JSON.parse, csv-parse/sync or the parseDocument of htmlparser2. Archive open time excluded from all. The 520 MB field has no baseline: parsed whole it takes over 1.4 GB.\n')
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
