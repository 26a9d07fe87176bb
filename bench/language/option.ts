// One language detector in a fresh process (run by index.ts): loads it after an optional ballast of
// recordings (so the figure is what it adds to a scan that already holds them), detects every generated
// voice command, and prints one JSON line. Asserts nothing.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { loadCompactEld } from '../../src/core/analysis/text/eld-table'
import { voiceCommands } from '../../src/core/analysis/text/testing/voice-commands'

type Guess = (text: string) => string | null
const [name = 'none', ballastArg = '0', candidates = ''] = process.argv.slice(2)
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {})

// ISO 639-3 answers of franc and lande, for the languages the commands are in.
const ISO3: Record<string, string> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es', ita: 'it', nld: 'nl', pol: 'pl', tur: 'tr', por: 'pt', swe: 'sv' }
const fromCandidates = (file: string) => import(pathToFileURL(join(candidates, 'node_modules', file)).href)

/** Each option as the other-language rule would use it: a language, or null when the detector is unsure. */
const OPTIONS: Record<string, () => Promise<Guess>> = {
  none: async () => () => null,
  'eld/extrasmall': async () => {
    const { eld } = await import('eld/extrasmall')
    return (t) => {
      const g = eld.detect(t)
      return g.language && g.isReliable() ? g.language : null
    }
  },
  'eld compact': async () => {
    const detect = await loadCompactEld()
    return (t) => {
      const g = detect(t)
      return g.language && g.isReliable() ? g.language : null
    }
  },
  // eld/extrasmall in a worker thread that ends when the commands are read: its heap counts while it lives.
  'eld/extrasmall in a worker': async () => {
    const texts = voiceCommands().map((c) => c.text)
    const worker = new Worker(
      `const { parentPort, workerData } = require('node:worker_threads')
      import('eld/extrasmall').then(({ eld }) => parentPort.postMessage(workerData.map((t) => { const g = eld.detect(t); return g.language && g.isReliable() ? g.language : null })))`,
      { eval: true, workerData: texts }
    )
    const answers = await new Promise<(string | null)[]>((resolve, reject) => worker.once('message', resolve).once('error', reject))
    await worker.terminate()
    const byText = new Map(texts.map((t, i) => [t, answers[i] ?? null]))
    return (t) => byText.get(t) ?? null
  },
  'franc-min': async () => {
    const { franc } = await fromCandidates('franc-min/index.js')
    return (t) => ((l: string) => (l === 'und' ? null : (ISO3[l] ?? l)))(franc(t, { minLength: 3 }))
  },
  'tinyld/light': async () => {
    const { detect } = await fromCandidates('tinyld/dist/tinyld.light.node.mjs')
    return (t) => detect(t) || null
  },
  tinyld: async () => {
    const { detect } = await fromCandidates('tinyld/dist/tinyld.normal.node.mjs')
    return (t) => detect(t) || null
  },
  lande: async () => {
    const { default: lande } = await fromCandidates('lande/standalone/t50.js')
    return (t) => ((r: [string, number][]) => (r.length ? (ISO3[r[0]![0]] ?? r[0]![0]) : null))(lande(t))
  }
}

/** Roughly what a scan of that many recordings holds: an object per recording with its strings. */
function ballast(n: number): unknown[] {
  const out: unknown[] = []
  for (let i = 0; i < n; i++) {
    const day = String(i % 28).padStart(2, '0')
    out.push({
      id: `rec-${i.toString(36)}-${(i * 2654435761) >>> 0}`,
      time: `2023-05-${day}T10:${String(i % 60).padStart(2, '0')}:00Z`,
      transcript: `turn off the lights in room ${i % 977}`,
      response: 'OK.',
      audio: `Audio/2023${day}-${String(i).padStart(6, '0')}.wav`,
      raw: [`2023-05-${day}`, 'Echo Dot', `G090LF${i}`, 'A1OWNER', `turn off the lights in room ${i % 977}`]
    })
  }
  return out
}

async function main(): Promise<void> {
  const option = OPTIONS[name]
  if (!option) throw new Error(`unknown option ${name}; one of ${Object.keys(OPTIONS).join(', ')}`)
  const held = ballast(Number(ballastArg))
  gc()
  const rssBefore = process.memoryUsage().rss
  const peakBefore = process.resourceUsage().maxRSS * 1024
  const heapBefore = process.memoryUsage().heapUsed
  // CPU time of this process (the worker's threads included): on a machine shared with others it says more than wall time.
  const cpuMs = (since: NodeJS.CpuUsage): number => ((u) => (u.user + u.system) / 1000)(process.cpuUsage(since))
  const started = performance.now()
  const cpuStarted = process.cpuUsage()
  const guess = await option()
  guess('schalte das Licht im Wohnzimmer aus')
  const loadMs = performance.now() - started
  const loadCpuMs = cpuMs(cpuStarted)
  const commands = voiceCommands()
  const detectStarted = process.cpuUsage()
  const got = commands.map((c) => guess(c.text))
  const detectUs = (cpuMs(detectStarted) * 1000) / commands.length
  const peakAfter = process.resourceUsage().maxRSS * 1024
  const rssAfter = process.memoryUsage().rss
  gc()
  const heapKept = process.memoryUsage().heapUsed - heapBefore
  const enDe = commands.filter((c) => c.language === 'en' || c.language === 'de')
  const others = commands.filter((c) => c.language !== 'en' && c.language !== 'de')
  const at = (c: (typeof commands)[number]) => got[commands.indexOf(c)]
  console.log(
    JSON.stringify({
      name,
      commands: commands.length,
      held: held.length,
      rssGrowth: rssAfter - rssBefore,
      peakGrowth: Math.max(0, peakAfter - Math.max(peakBefore, rssBefore)),
      heapKept,
      loadMs,
      loadCpuMs,
      detectUs,
      enDeRight: enDe.filter((c) => at(c) === c.language).length,
      enDe: enDe.length,
      othersAsEnDe: others.filter((c) => at(c) === 'en' || at(c) === 'de').length,
      othersRight: others.filter((c) => at(c) === c.language).length,
      others: others.length
    })
  )
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e))
  process.exit(1)
})
