import { analyze } from '../../src/core/analysis'
import { featuresOf } from '../../src/core/analysis/features'
import { loadLanguageDetector } from '../../src/core/analysis/text/language'
import type { ExportOptions } from '../../src/core/generate'
import { plainRecording } from '../../src/core/providers/csv/recording-columns'
import { readBuilt } from '../../src/core/providers/testing/read-built'
import type { ExportReading } from '../../src/shared/model/recording'

/**
 * Rule time over 100,000 recordings (goal, issue 8: under 1 s), against a baseline in the same
 * run: one plain loop that only groups the recordings by device. Asserts nothing.
 */
interface Case {
  name: string
  options: ExportOptions
  /** Make every transcript distinct, so no language guess or word lookup is reused. */
  distinct: boolean
}

const N = 100_000
const CASES: Case[] = [
  { name: 'Amazon, all kinds planted', options: { provider: 'amazon', own: N - 5000, foreign: 5000, kind: 'combined', amazon: { metadataOnly: true } }, distinct: false },
  { name: 'Amazon, every transcript distinct', options: { provider: 'amazon', own: N - 5000, foreign: 5000, kind: 'combined', amazon: { metadataOnly: true } }, distinct: true },
  { name: 'Google, weak kinds only', options: { provider: 'google', own: N - 5000, foreign: 5000, kind: 'other-language', google: { metadataOnly: true } }, distinct: true },
  { name: 'Amazon seed case (all foreign)', options: { provider: 'amazon', own: 0, foreign: N, kind: 'seed', layout: 'current', amazon: { metadataOnly: true } }, distinct: true }
]

const NUMBERS = ['eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn']

function distinct(reading: ExportReading): ExportReading {
  // A fresh array: features are cached per recordings array, and this run must not reuse them.
  const recordings = reading.recordings.map((r, i) => ({ ...plainRecording(r), transcript: r.transcript ? `${r.transcript} ${String(i).split('').map((d) => NUMBERS[Number(d)]).join(' ')}` : r.transcript }))
  return { ...reading, recordings }
}

/** The baseline: group by device and count each device's hours, the least any analysis must do. */
function groupByDevice(reading: ExportReading): number {
  const groups = new Map<string | null, number[]>()
  reading.recordings.forEach((r, i) => {
    const list = groups.get(r.deviceId)
    if (list) list.push(i)
    else groups.set(r.deviceId, [i])
  })
  return groups.size
}

const time = async <T>(fn: () => T | Promise<T>): Promise<[T, number]> => {
  const t = performance.now()
  const value = await fn()
  return [value, performance.now() - t]
}

async function main(): Promise<void> {
  const [, loadMs] = await time(loadLanguageDetector)
  const rows: string[][] = [['input', 'recordings', 'distinct texts', 'words s', 'rules s', 'after marks s', 'first s', 'findings', 'baseline ms', 'rules / baseline']]
  for (const c of CASES) {
    process.stderr.write(`generating ${c.name}…\n`)
    const built = await readBuilt({ ...c.options, seed: 'bench' })
    const reading = c.distinct ? distinct(built.reading) : built.reading
    const [, baseMs] = await time(() => groupByDevice(reading))
    const [first, firstMs] = await time(() => analyze(reading))
    // A copy of the reading whose words are read already: what every analysis after the first costs.
    const [, wordsMs] = await time(() => featuresOf([...reading.recordings]))
    const [, rulesMs] = await time(() => analyze(reading))
    // As after the person marked a thousand recordings: the words are read already, the usual is learnt anew.
    const marks = Object.fromEntries(reading.recordings.slice(0, 1000).map((r) => [r.id, 'mine' as const]))
    const [, marksMs] = await time(() => analyze(reading, marks))
    const texts = new Set(reading.recordings.map((r) => r.transcript)).size
    const s = (ms: number) => (ms / 1000).toFixed(3)
    rows.push([c.name, reading.recordings.length.toLocaleString('en-US'), texts.toLocaleString('en-US'), s(wordsMs), s(rulesMs), s(marksMs), s(firstMs), String(first.findings.length), baseMs.toFixed(1), (rulesMs / baseMs).toFixed(0)])
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  for (const r of rows) process.stdout.write(`${r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ')}\n`)
  process.stdout.write(
    `words: places, names and language read from every distinct transcript (done once per reading; language guessing is most of it); rules: analyze() once the words are read, what every analysis after the first costs; after marks: 1,000 recordings marked mine, so the usual is learnt anew; first: analyze() on a reading it has not seen (words + rules). Loading the language tables once per process: ${(loadMs / 1000).toFixed(3)} s (in none of the figures). Goal: rules under 1 s.\n`
  )
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
