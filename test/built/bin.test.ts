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
