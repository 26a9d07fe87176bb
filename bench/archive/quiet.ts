import { existsSync, readFileSync } from 'node:fs'

/** Idle and total jiffies of all cores together, from /proc/stat; null where there is none. */
function cpuTimes(): { idle: number; total: number } | null {
  if (!existsSync('/proc/stat')) return null
  const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number)
  return { idle: fields[3] ?? 0, total: fields.reduce((a, b) => a + b, 0) }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export interface QuietLog {
  /** Runs that waited for a quiet second, all of them together. */
  waitedMs: number
  /** Runs that found no quiet second within the limit and ran anyway. */
  timedOut: number
  runs: number
}

/**
 * Waits until the machine's cores were at least `share` idle over one whole second, at most
 * `maxMs`, so a timed run does not start while another process is busy. It does not make this
 * 2-core VM steady: the same scan still moves by ~15 % from one minute to the next when it is idle.
 * Where /proc/stat is missing it does not wait.
 */
export async function waitForQuiet(log: QuietLog, share = 0.9, maxMs = 20_000): Promise<void> {
  const started = Date.now()
  log.runs++
  for (;;) {
    const a = cpuTimes()
    if (a === null) return
    await sleep(1000)
    const b = cpuTimes()!
    if (b.total > a.total && (b.idle - a.idle) / (b.total - a.total) >= share) break
    if (Date.now() - started > maxMs) {
      log.timedOut++
      break
    }
  }
  log.waitedMs += Date.now() - started
}
