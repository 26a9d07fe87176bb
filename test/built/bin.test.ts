import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import pkg from '../../package.json'

const bin = resolve(__dirname, '../../bin/exportscope')
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, EXPORTSCOPE_HOME: resolve(__dirname, '../../.tmp/home') } })

describe('./bin/exportscope after npm run build', () => {
  it('--version prints the package version', () => {
    const r = run('--version')
    expect(r.status).toBe(0)
    expect(r.stdout.trim()).toBe(pkg.version)
  })
  it('--help lists the scan command', () => {
    const r = run('--help')
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/scan/)
    expect(r.stdout).toMatch(/--json/)
  })
  it('a missing archive exits 2 with one line on stderr', () => {
    const r = run('scan', '/nonexistent/export.zip')
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
    expect(r.stderr).toMatch(/export\.zip/)
  })
})

describe('./bin/exportscope when its reader stops early', () => {
  it('scan --json | head: exits 0 with nothing on stderr once the pipe closes', async () => {
    const { spawn } = await import('node:child_process')
    const { mkdtempSync, rmSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { generateExport } = await import('../../src/core/generate')
    const dir = mkdtempSync(resolve(tmpdir(), 'exportscope-built-pipe-'))
    try {
      // A report of some 300 KB: far more than a pipe holds, so the CLI is still writing when the reader goes.
      const made = await generateExport({ provider: 'amazon', own: 800, foreign: 5, kind: 'unregistered-device', seed: 'built-pipe', clips: { sampleRate: 8000, maxSeconds: 0.05 } }, resolve(dir, 'export.zip'))
      const child = spawn(process.execPath, [bin, 'scan', '--json', '--no-hash', made.paths[0]!], { env: { ...process.env, EXPORTSCOPE_HOME: resolve(dir, 'home') } })
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      let first = 0
      // Read one chunk, then close our end, as `head -c` does.
      child.stdout.once('data', (d: Buffer) => {
        first = d.length
        child.stdout.destroy()
      })
      const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)))
      expect(first).toBeGreaterThan(0)
      expect(stderr).not.toMatch(/EPIPE|Error|\bat /)
      expect(code).toBe(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)
})
