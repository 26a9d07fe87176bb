// `npm run bench:tar-gz`: the evidence bundle of the same export as ZIP and as tar.gz, in the same
// run: the seed case's shape (every recording flagged, stored WAVs of real sizes), so the bundle
// reads most of the audio. Goal (issue 15): the tar.gz within 2x the ZIP's time. Also every flagged
// recording read in shuffled order (what peaks and playback do), and the one inflate of the listing
// as a floor (`gzip -dc` of the same file). Prints one table; asserts nothing.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive } from '../../src/core/archive'
import type { OpenedArchive } from '../../src/core/archive/types'
import { buildManifest, writeBundle } from '../../src/core/complaint/bundle'
import { loadEvidence } from '../../src/core/complaint/bundle/load'
import { generateExport } from '../../src/core/generate'
import { tarGzOf } from '../../test/fixtures/tar-gz-of'

const RUNS = 3
const log = (line: string) => process.stderr.write(`bench: ${line}\n`)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now()
  const value = await fn()
  return [value, performance.now() - t]
}

/** Open, read, judge, manifest (every flagged entry hashed), bundle with sealed originals: what `exportscope bundle --sealed` does. */
async function bundleOf(file: string, out: string): Promise<number> {
  const [, ms] = await timed(async () => {
    const { archive, reading, analysis } = await loadEvidence(file)
    try {
      const built = await buildManifest({ archive, reading, verdicts: analysis.recordingVerdicts, findings: analysis.findings })
      await writeBundle({ manifest: built, custodyLog: [], sealedOriginals: true, out })
    } finally {
      await archive.close()
    }
  })
  return ms
}

/** Every audio entry read whole, in a shuffled (fixed) order: peaks and playback jump around. */
async function shuffledReads(archive: OpenedArchive): Promise<number> {
  const audio = archive.entries.filter((e) => e.info.kind === 'audio')
  let seed = 7
  const order = audio.map((e) => ({ e, k: (seed = (seed * 48271) % 2147483647) })).sort((a, b) => a.k - b.k)
  const [, ms] = await timed(async () => {
    for (const { e } of order) for await (const _ of await archive.openEntry(e)) void _
  })
  return ms
}

export async function benchTarGz(recordings: number): Promise<string[][]> {
  const dir = mkdtempSync(join(tmpdir(), 'exportscope-bench-targz-'))
  try {
    log(`generating the seed case with ${recordings} flagged recordings, as ZIP and as tar.gz…`)
    // 16 kHz clips of up to 6 s: about 100-190 KB a WAV, stored.
    const made = await generateExport({ provider: 'amazon', own: 0, foreign: recordings, kind: 'seed', seed: 'bench-tgz', clips: { sampleRate: 16_000, maxSeconds: 6 } }, join(dir, 'seed.zip'))
    const zip = made.paths[0]!
    const tgz = join(dir, 'seed.tar.gz')
    await tarGzOf(zip, tgz)
    const gunzip = (): number => {
      const t = performance.now()
      const r = spawnSync('sh', ['-c', `gzip -dc '${tgz}' > /dev/null`])
      if (r.status !== 0) throw new Error('gzip -dc failed')
      return performance.now() - t
    }
    gunzip() // warms the page cache for every contender alike
    const zipMs: number[] = []
    const tgzMs: number[] = []
    const gzMs: number[] = []
    for (let i = 0; i < RUNS; i++) {
      log(`bundling, run ${i + 1} of ${RUNS}…`)
      zipMs.push(await bundleOf(zip, join(dir, `zip-${i}.zip`)))
      tgzMs.push(await bundleOf(tgz, join(dir, `tgz-${i}.zip`)))
      gzMs.push(gunzip())
    }
    const shuffled: Record<string, number> = {}
    for (const [name, file, limits] of [
      ['zip', zip, {}],
      ['tgz', tgz, {}],
      // A part larger than its temp copy: past 16 MB, reads go through the gunzip cursor and zran access points.
      ['zran', tgz, { maxSpillBytes: 16_000_000 }]
    ] as const) {
      const a = await openArchive(file, { limits })
      try {
        shuffled[name] = await shuffledReads(a)
      } finally {
        await a.close()
      }
    }
    const ratio = median(tgzMs) / median(zipMs)
    return [
      ['tar.gz against ZIP', `${recordings} flagged WAVs`, 'ZIP', 'tar.gz', 'tar.gz / ZIP'],
      ['export size', '', mb(statSync(zip).size), mb(statSync(tgz).size), ''],
      ['bundle with sealed originals (open, read, judge, hash, write)', `median of ${RUNS}`, secs(median(zipMs)), secs(median(tgzMs)), `${ratio.toFixed(2)}x (goal at most 2x)`],
      ['every recording read whole, shuffled order (after open)', '', secs(shuffled.zip!), secs(shuffled.tgz!), `${(shuffled.tgz! / shuffled.zip!).toFixed(2)}x`],
      ['the same, tar.gz with a temp copy of 16 MB only (zran past it)', '', '', secs(shuffled.zran!), `${(shuffled.zran! / shuffled.zip!).toFixed(2)}x`],
      ['gzip -dc of the tar.gz (the floor of one inflate)', `median of ${RUNS}`, '', secs(median(gzMs)), '']
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const r of rows) process.stdout.write(`${r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ')}\n`)
}

if (require.main === module) {
  const n = Number(process.argv[process.argv.indexOf('--recordings') + 1]) || 1700
  benchTarGz(n)
    .then(printTable)
    .catch((err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
      process.exit(1)
    })
}
