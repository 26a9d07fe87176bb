import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..')
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name)
    if (statSync(join(root, rel)).isDirectory()) return sources(rel)
    return /\.(ts|tsx)$/.test(name) ? [rel] : []
  })
const importsOf = (file: string): string[] =>
  [...readFileSync(join(root, file), 'utf8').matchAll(/(?:^|\n)\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|require\(['"]([^'"]+)['"]\)|import\(['"]([^'"]+)['"]\)/g)].map(
    (m) => `${m[2] ? 'type:' : ''}${m[3] ?? m[4] ?? m[5]}`
  )

describe('the layers (design.md): a wrong import is a test failure', () => {
  it('only the shell files import electron at run time', () => {
    const runtime = [...sources('src'), ...sources('e2e')].filter((f) => importsOf(f).includes('electron')).map((f) => relative(root, join(root, f)))
    expect(runtime.sort()).toEqual(['src/main/index.ts', 'src/main/ipc.ts', 'src/main/menu.ts', 'src/main/renderer-protocol.ts', 'src/main/window.ts', 'src/preload/index.ts'])
  })
  it('src/core imports no electron, no renderer and no main', () => {
    for (const f of sources('src/core')) {
      for (const i of importsOf(f)) {
        expect(i.replace(/^type:/, ''), f).not.toBe('electron')
        expect(i, f).not.toMatch(/\/(renderer|main|preload)\//)
      }
    }
  })
  it('src/shared imports nothing of ours outside it, no node: and no electron', () => {
    for (const f of sources('src/shared')) {
      for (const i of importsOf(f)) {
        expect(i, f).not.toMatch(/^(type:)?(node:|electron$)/)
        expect(i, f).not.toMatch(/\.\.\/\.\.\//)
      }
    }
  })
  it('the renderer reaches the engine only through the contract', () => {
    for (const f of sources('src/renderer')) {
      for (const i of importsOf(f)) {
        expect(i, f).not.toMatch(/^(node:|electron$)/)
        expect(i, f).not.toMatch(/\/(core|main|preload|cli)\//)
      }
    }
  })
})
