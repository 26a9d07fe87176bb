import { spawn } from 'node:child_process'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../../fs/atomic-write'
import { emptyCase, parseCase, serializeCase } from '../case-file'
import { casePath, casesDir } from '../case-store'

export interface KillLoopOptions {
  home: string
  kills: number
  /** Longest wait, after the child has read the case, before it is killed. */
  maxDelayMs: number
  random?: () => number
  onKill?: (i: number, result: KillResult) => void
}

export interface KillResult {
  valid: boolean
  /** Saves the child acknowledged before it was killed (its custody lines). */
  acknowledged: number
  /** Custody lines in the file after the kill. */
  found: number
  error: string | null
}

export interface KillLoopReport {
  kills: number
  valid: number
  /** Kills after which an acknowledged save was missing from the file. */
  lostAcknowledged: number
  /** Kills that happened while a write was under way or queued (torn temp files found). */
  tornWrites: number
  saves: number
  results: KillResult[]
}

const FINGERPRINT = 'fp1-12345-durability0000000000000000000000'
const child = join(__dirname, 'case-writer-child.ts')

function runOnce(home: string, delay: number): Promise<{ acknowledged: number; readOk: boolean }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', child, home, FINGERPRINT], { stdio: ['ignore', 'pipe', 'pipe'] })
    let acknowledged = 0
    let readOk = true
    let buffer = ''
    let stderr = ''
    let timer: NodeJS.Timeout | null = null
    p.stdout.setEncoding('utf8')
    p.stdout.on('data', (chunk: string) => {
      buffer += chunk
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        const [word, a, b] = line.split(' ')
        if (word === 'ready') {
          readOk = a === 'ok'
          acknowledged = Number(b)
          timer ??= setTimeout(() => p.kill('SIGKILL'), delay)
        } else if (word === 'saved') acknowledged = Number(a)
      }
    })
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    p.on('error', reject)
    p.on('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (${code}): ${stderr.slice(0, 500)}`))
      else resolve({ acknowledged, readOk })
    })
  })
}

/**
 * Starts a process that saves a case file in a loop, kills it with SIGKILL at a random moment,
 * and checks the file: it must parse as a valid case and hold every save acknowledged before the kill.
 */
export async function killLoop(o: KillLoopOptions): Promise<KillLoopReport> {
  const random = o.random ?? Math.random
  const path = casePath(o.home, FINGERPRINT)
  await writeFileAtomic(path, serializeCase(emptyCase(FINGERPRINT, new Date().toISOString())))
  const results: KillResult[] = []
  let tornWrites = 0
  let lastFound = 0
  let saves = 0
  for (let i = 0; i < o.kills; i++) {
    const { acknowledged, readOk } = await runOnce(o.home, Math.floor(random() * o.maxDelayMs))
    const torn = (await readdir(casesDir(o.home))).filter((n) => n.endsWith('.tmp')).length
    if (torn > 0) tornWrites++
    let result: KillResult
    try {
      const found = parseCase(await readFile(path, 'utf8'), FINGERPRINT).custody.length
      saves += found - lastFound
      lastFound = found
      result = { valid: readOk, acknowledged, found, error: readOk ? null : 'the writer found the file damaged when it started' }
    } catch (err) {
      result = { valid: false, acknowledged, found: 0, error: (err as Error).message }
    }
    results.push(result)
    o.onKill?.(i, result)
  }
  return {
    kills: o.kills,
    valid: results.filter((r) => r.valid).length,
    lostAcknowledged: results.filter((r) => r.found < r.acknowledged).length,
    tornWrites,
    saves,
    results
  }
}
