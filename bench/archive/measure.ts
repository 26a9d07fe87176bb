import { spawn } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'

export interface Measured {
  wallMs: number
  /** Peak resident set size in bytes; null when it could not be measured. */
  peakRss: number | null
  /** User + system CPU time of the child (GNU time); null without it. On a busy machine this says more than wall time. */
  cpuMs: number | null
  code: number | null
  stdout: string
  stderr: string
}

const TIME = '/usr/bin/time'
const hasTime = existsSync(TIME)
const probe = join(__dirname, 'rss-probe.cjs')

/**
 * This shell's environment without NODE_EXTRA_CA_CERTS, or null where it is not set. Where it is
 * (this sandbox), every node start first reads and parses that certificate bundle, which a
 * person's shell does not make it do: the benches measure a node child both ways.
 */
export function envWithoutExtraCa(): NodeJS.ProcessEnv | null {
  if (!process.env.NODE_EXTRA_CA_CERTS) return null
  const env = { ...process.env }
  delete env.NODE_EXTRA_CA_CERTS
  return env
}

/**
 * Wall time from before spawn to exit, so a Node child's start-up counts; peak RSS from GNU time,
 * or, where it is missing, from the child itself (Node children only) through a preloaded probe.
 */
export function measure(command: string, args: string[], options: { keepStdout?: boolean; rssFile: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  const isNode = command === process.execPath
  const base = options.env ?? process.env
  const [cmd, argv, env] = hasTime
    ? [TIME, ['-f', 'peak-rss-kb=%M cpu-s=%U+%S', command, ...args], base]
    : [command, isNode ? ['--require', probe, ...args] : args, { ...base, BENCH_RSS_FILE: options.rssFile }]
  rmSync(options.rssFile, { force: true })
  const started = process.hrtime.bigint()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, argv, { env, stdio: ['ignore', options.keepStdout ? 'pipe' : 'ignore', 'pipe'] })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout?.on('data', (b: Buffer) => out.push(b))
    child.stderr?.on('data', (b: Buffer) => err.push(b))
    child.on('error', reject)
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6
      let stderr = Buffer.concat(err).toString('utf8')
      let peakRss: number | null = null
      let cpuMs: number | null = null
      const line = /peak-rss-kb=(\d+) cpu-s=([\d.]+)\+([\d.]+)\s*$/.exec(stderr)
      if (line) {
        peakRss = Number(line[1]) * 1024
        cpuMs = (Number(line[2]) + Number(line[3])) * 1000
        stderr = stderr.slice(0, line.index)
      } else if (existsSync(options.rssFile)) peakRss = Number(readFileSync(options.rssFile, 'utf8')) * 1024
      resolve({ wallMs, peakRss, cpuMs, code, stdout: Buffer.concat(out).toString('utf8'), stderr })
    })
  })
}

export interface Repeated extends Measured {
  /** Lowest and highest peak RSS over the runs: garbage collection timing alone moves it by tens of MB. */
  rssRange: [number, number] | null
}

/** The median of `runs` measurements by wall time (one slow outlier on a shared machine does not decide), with the RSS range. */
export async function median(runs: number, run: () => Promise<Measured>): Promise<Repeated> {
  const results: Measured[] = []
  for (let i = 0; i < runs; i++) results.push(await run())
  const rss = results.map((r) => r.peakRss).filter((x): x is number => x !== null)
  const middle = results.sort((a, b) => a.wallMs - b.wallMs)[Math.floor(runs / 2)]!
  return { ...middle, rssRange: rss.length ? [Math.min(...rss), Math.max(...rss)] : null }
}
