// ./bin/exportscope in a fresh clone (no out/ yet) builds once, then runs; a failed build is said in
// one closing line. The build here is a stand-in electron-vite that writes a tiny cli.js.
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

import { projectRoot } from './sandbox'

const boxes: string[] = []
afterAll(() => boxes.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

function clone(buildSource: string): string {
  const root = mkdtempSync(join(tmpdir(), 'exportscope-bin-'))
  boxes.push(root)
  cpSync(join(projectRoot, 'bin'), join(root, 'bin'), { recursive: true })
  mkdirSync(join(root, 'node_modules', 'electron-vite', 'bin'), { recursive: true })
  writeFileSync(join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), buildSource)
  return root
}
const run = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'exportscope'), ...args], { cwd: root, encoding: 'utf8', timeout: 30_000 })

describe('./bin/exportscope on first use', () => {
  it('builds once when out/ is missing, then runs the CLI; the next run does not build', () => {
    const root = clone(
      "const fs = require('fs'); fs.mkdirSync('out/main', { recursive: true }); fs.appendFileSync('builds.txt', process.argv.slice(2).join(' ') + '\\n');\n" +
        "fs.writeFileSync('out/main/cli.js', 'console.log(JSON.stringify(process.argv.slice(2)))')\n"
    )
    const first = run(root, 'scan', '--sample')
    expect(first.status).toBe(0)
    expect(first.stderr).toBe('exportscope: first use, building it once (npm run build) …\n')
    expect(JSON.parse(first.stdout)).toEqual(['scan', '--sample'])
    const second = run(root, '--version')
    expect(second.stderr).toBe('')
    expect(JSON.parse(second.stdout)).toEqual(['--version'])
    expect(readFileSync(join(root, 'builds.txt'), 'utf8')).toBe('build\n')
  })

  it('a failed build shows its output and ends with one line saying so, exit 2', () => {
    const root = clone("console.error('src/cli/index.ts:1: broken on purpose'); process.exit(1)\n")
    const r = run(root, '--help')
    expect(r.status).toBe(2)
    const lines = r.stderr.trim().split('\n')
    expect(lines).toContain('src/cli/index.ts:1: broken on purpose')
    expect(lines.at(-1)).toBe('exportscope: building the CLI failed (its output is above); `npm run build` runs the same build.')
    expect(existsSync(join(root, 'out'))).toBe(false)
  })
})
