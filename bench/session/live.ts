// `tsx bench/session/live.ts EXPORT.zip`: what an open export keeps in memory once each part is
// done, measured as the live heap after a full GC (peak RSS also holds V8's headroom and garbage):
// the archive's listing, the reading (recordings, devices) and the analysis, each in bytes per
// recording. The language detector's tables are loaded before the analysis and counted apart.
// Prints one JSON line. Asserts nothing.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { analyze } from '../../src/core/analysis'
import { loadLanguageDetector } from '../../src/core/analysis/text/language'
import { openArchive } from '../../src/core/archive'
import { readExport } from '../../src/core/providers'

export interface Live {
  recordings: number
  /** Live heap bytes per recording that each part added. */
  archive: number
  reading: number
  analysis: number
  /** The detector's tables, in MB: a fixed cost, not per recording. */
  detectorMb: number
}

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void
const live = (): number => {
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

export async function liveBytes(file: string): Promise<Live> {
  const start = live()
  const archive = await openArchive(file)
  try {
    const listed = live()
    const reading = await readExport(archive)
    const read = live()
    await loadLanguageDetector()
    const detector = live()
    const analysis = await analyze(reading)
    const analysed = live()
    const n = Math.max(1, reading.recordings.length)
    // Held to the end so nothing above is collected before it is measured.
    if (analysis.findings.length < 0) throw new Error('unreachable')
    return { recordings: reading.recordings.length, archive: Math.round((listed - start) / n), reading: Math.round((read - listed) / n), analysis: Math.round((analysed - detector) / n), detectorMb: Math.round((detector - read) / 1e6) }
  } finally {
    await archive.close()
  }
}

if (require.main === module) {
  const file = process.argv[2]
  if (!file) {
    process.stderr.write('usage: tsx bench/session/live.ts EXPORT.zip\n')
    process.exit(2)
  }
  liveBytes(file).then((l) => process.stdout.write(`${JSON.stringify(l)}\n`))
}
