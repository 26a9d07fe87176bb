import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { openArchive } from '../../src/core/archive'
import { PeaksCache, PeaksPool, PeaksScheduler } from '../../src/core/audio'
import { makeInputs } from './inputs'

/**
 * Peaks for 1,700 five-second WAV and MP3 clips in a generated ZIP: cold (decode and cache write),
 * warm (all from the cache), and without a cache against `ffmpeg -f null` decoding the same clips
 * in as many processes as the pool has workers. Goals (issue 6): WAV under 5 s, MP3 under 15 s,
 * warm under 0.5 s; select to waveform drawn (in the e2e harness, on a built renderer) under 150 ms.
 * Prints one table; asserts nothing.
 */
const COUNT = 1700

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!
}

interface Row {
  what: string
  ms: number | null
  goal: string
  note: string
}

async function peaksOf(zip: string, cache: PeaksCache | null, pool: PeaksPool): Promise<{ ms: number; failed: number }> {
  const archive = await openArchive(zip)
  try {
    const scheduler = new PeaksScheduler({ pool, cache, buckets: 2000, memory: 16 })
    const targets = archive.entries.map((entry) => ({ id: entry.info.path, archive, entry }))
    const t = performance.now()
    scheduler.add(targets)
    const results = await Promise.all(targets.map((x) => scheduler.get(x.id)))
    const ms = performance.now() - t
    scheduler.close()
    return { ms, failed: results.filter((r) => r.status !== 'ready').length }
  } finally {
    await archive.close()
  }
}

const hasFfmpeg = spawnSync('ffmpeg', ['-version'], { stdio: 'ignore' }).status === 0

async function ffmpegNull(dir: string, lists: string[][]): Promise<number> {
  const files = await Promise.all(
    lists.map(async (list, i) => {
      const path = join(dir, `concat-${i}.txt`)
      await writeFile(path, list.map((f) => `file '${f}'`).join('\n'))
      return path
    })
  )
  const t = performance.now()
  await Promise.all(
    files.map(
      (list) =>
        new Promise<void>((resolve, reject) =>
          spawn('ffmpeg', ['-loglevel', 'error', '-f', 'concat', '-safe', '0', '-i', list, '-f', 'null', '-'], { stdio: 'ignore' }).on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`ffmpeg exited ${code}`))))
        )
    )
  )
  return performance.now() - t
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'exportscope-bench-audio-'))
  const rows: Row[] = []
  const pool = new PeaksPool()
  const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`
  try {
    const formats = [
      ['wav', 5000],
      ['mp3', 15000]
    ] as const
    // Made in a child process, so the encoder's and zip writer's memory is not counted against the pool.
    process.stderr.write(`generating ${COUNT} WAV and ${COUNT} MP3 clips…\n`)
    const made = spawnSync(process.execPath, ['--import', 'tsx', __filename, '--make', dir], { stdio: ['ignore', 'ignore', 'inherit'] })
    if (made.status !== 0) throw new Error('generating the bench inputs failed')
    const inputs = new Map<string, Awaited<ReturnType<typeof makeInputs>>>(Object.entries(JSON.parse(await readFile(join(dir, 'inputs.json'), 'utf8'))))
    for (const [format, goal] of formats) {
      const input = inputs.get(format)!
      const cache = new PeaksCache(join(dir, `cache-${format}`))
      process.stderr.write(`peaks of ${COUNT} ${format} clips…\n`)
      const rssBefore = process.memoryUsage.rss()
      pool.peakRss = 0
      const cold = await peaksOf(input.zip, cache, pool)
      const coldRss = pool.peakRss
      rows.push({ what: `${format.toUpperCase()} ×${COUNT}, cold (decode + cache write)`, ms: cold.ms, goal: `< ${goal / 1000} s`, note: `${cold.failed ? `${cold.failed} failed, ` : ''}${(cold.ms / COUNT).toFixed(2)} ms/clip; peak RSS ${mb(coldRss)} (${mb(rssBefore)} before)` })
      const warm = await peaksOf(input.zip, cache, pool)
      rows.push({ what: `${format.toUpperCase()} ×${COUNT}, warm (all from cache)`, ms: warm.ms, goal: '< 0.5 s', note: `${(warm.ms / COUNT).toFixed(3)} ms/clip` })
      const bare = await peaksOf(input.zip, null, pool)
      const ff = hasFfmpeg ? await ffmpegNull(dir, input.lists) : null
      rows.push({ what: `${format.toUpperCase()} ×${COUNT}, no cache (read + inflate + decode)`, ms: bare.ms, goal: '', note: '' })
      rows.push({
        what: `  ffmpeg -f null, same clips, ${input.lists.length} processes`,
        ms: ff,
        goal: '',
        note: ff === null ? 'ffmpeg not installed' : `ours / ffmpeg = ${(bare.ms / ff).toFixed(2)}×`
      })
    }
    process.stderr.write('select to waveform in the harness…\n')
    const ran = spawnSync(process.execPath, ['--import', 'tsx', join(__dirname, 'select.ts'), dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] })
    const select = (() => {
      try {
        return JSON.parse(ran.stdout) as { cold: number[]; warm: number[] } | string
      } catch {
        return `the harness run failed (exit ${ran.status})`
      }
    })()
    if (typeof select === 'string') rows.push({ what: 'select → waveform drawn (J in the harness)', ms: null, goal: '< 150 ms', note: `not measured: ${select}` })
    else
      for (const [label, times] of [['first visit, background running', select.cold], ['again, peaks computed', select.warm]] as const)
        rows.push({
          what: `select → waveform drawn, ${label}`,
          ms: quantile(times, 0.5),
          goal: '< 150 ms',
          note: `median of ${times.length} J presses; p95 ${Math.round(quantile(times, 0.95))} ms, max ${Math.round(Math.max(...times))} ms`
        })
  } finally {
    await pool.close()
    await rm(dir, { recursive: true, force: true })
  }
  rows.push({ what: `pool: ${pool.size} workers × ${pool.perWorker} jobs`, ms: null, goal: '', note: 'RSS is the whole process (worker threads share it)' })

  const w = Math.max(...rows.map((r) => r.what.length))
  console.log(`\npeaks bench — ${availableParallelism()} cores, Node ${process.version}\n`)
  console.log(`${'what'.padEnd(w)}  ${'wall'.padStart(9)}  ${'goal'.padEnd(8)}  note`)
  for (const r of rows) console.log(`${r.what.padEnd(w)}  ${(r.ms === null ? '' : `${(r.ms / 1000).toFixed(3)} s`).padStart(9)}  ${r.goal.padEnd(8)}  ${r.note}`)
}

async function make(dir: string): Promise<void> {
  const out: Record<string, Awaited<ReturnType<typeof makeInputs>>> = {}
  for (const format of ['wav', 'mp3'] as const) out[format] = await makeInputs(dir, format, COUNT)
  await writeFile(join(dir, 'inputs.json'), JSON.stringify(out))
}

void (process.argv[2] === '--make' ? make(process.argv[3]!) : main()).catch((err) => {
  console.error(err)
  process.exitCode = 1
})
