import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateExport } from '../../src/core/generate'

// EXPORTSCOPE_CLI runs another build's cli.js (a build into a private folder); by default the bin of `npm run build`.
const cli = process.env.EXPORTSCOPE_CLI ?? resolve(__dirname, '../../bin/exportscope')
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', env: { ...process.env, EXPORTSCOPE_HOME: join(dir, 'home') } })
const dir = mkdtempSync(join(tmpdir(), 'exportscope-built-bundle-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

let archive = ''
beforeAll(async () => {
  const made = await generateExport({ provider: 'amazon', own: 0, foreign: 40, kind: 'seed', seed: 'built-bundle', clips: { sampleRate: 8000, maxSeconds: 0.2 } }, join(dir, 'seed.zip'))
  archive = made.paths[0]!
}, 60_000)

describe('./bin/exportscope bundle and verify after npm run build', () => {
  it('bundle writes the evidence ZIP (exit 0); verify --against passes (0), then fails after one byte changes (3)', () => {
    const bundle = join(dir, 'bundle.zip')
    const made = run('bundle', archive, '--out', bundle)
    expect(made.status, made.stderr).toBe(0)
    expect(made.stdout).toMatch(/^Manifest {4}SHA-256 [0-9a-f]{64} {2}\(the same for the same export and marks\)$/m)
    const root = /^Root {8}SHA256SUMS, SHA-256 ([0-9a-f]{64}) {2}\(print it in every letter\)$/m.exec(made.stdout)?.[1]
    expect(root, made.stdout).toBeDefined()
    const cited = run('verify', bundle, '--root', root!)
    expect(cited.status, cited.stdout).toBe(0)
    expect(cited.stdout).toContain(`Root SHA256SUMS, SHA-256 ${root}: the value the letters print.`)

    const copy = join(dir, 'copy.zip')
    copyFileSync(archive, copy)
    const good = run('verify', bundle, '--against', copy)
    expect(good.status, good.stdout + good.stderr).toBe(0)
    expect(good.stdout).toMatch(/^OK: /)

    const bytes = readFileSync(copy)
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff
    writeFileSync(copy, bytes)
    const bad = run('verify', bundle, '--against', copy)
    expect(bad.status, bad.stdout + bad.stderr).toBe(3)
    expect(bad.stdout).toMatch(/^DIFFERS: /)
    expect(bad.stdout).toContain('archive-hash  copy.zip')
  })

  it('verify of a missing bundle exits 2 with one line', () => {
    const r = run('verify', join(dir, 'missing.zip'))
    expect(r.status).toBe(2)
    expect(r.stderr.trim().split('\n')).toHaveLength(1)
  })
})
