import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CODE_CACHE_DIR, useCodeCache, type CodeCache } from './code-cache'
import { keepChecked } from './code-cache-build'

// A chunk as the build writes them: CommonJS that requires Node's modules and may import() lazily.
// Each test's chunk is its own text: V8 keeps what a process compiled and would answer from that.
const chunk = (factor: number) => `// ${Math.random()}
const { join } = require('node:path')
exports.times = (n) => n * ${factor}
exports.joined = join('a', 'b')
exports.file = __filename
exports.later = () => import('node:path').then((m) => typeof m.join)
`

describe('the CLI code cache', () => {
  let root: string
  let file: string
  let cache: CodeCache | null = null
  const load = () => {
    const require = createRequire(join(root, 'cli.js'))
    delete require.cache[file]
    return require(file) as { times(n: number): number; joined: string; file: string; later(): Promise<string> }
  }

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'exportscope-code-cache-'))
    mkdirSync(join(root, 'chunks'))
    file = join(root, 'chunks', 'work-abc.js')
    writeFileSync(file, chunk(2))
  })
  afterEach(() => {
    cache?.stop()
    cache = null
    rmSync(root, { recursive: true, force: true })
  })

  /** The chunk loaded in a fresh process (a V8 that never compiled it) with the cache in `root`. */
  const loadElsewhere = (): { used: number; rejected: number; times: number; joined: string; later: string } => {
    const child = join(root, 'child.mts')
    writeFileSync(
      child,
      `import { createRequire } from 'node:module'
import { useCodeCache } from ${JSON.stringify(resolve(__dirname, 'code-cache.ts'))}
const cache = useCodeCache(${JSON.stringify(root)}, false)
const m = createRequire(${JSON.stringify(join(root, 'cli.js'))})(${JSON.stringify(file)})
console.log(JSON.stringify({ used: cache.used, rejected: cache.rejected, times: m.times(4), joined: m.joined, later: await m.later() }))
`
    )
    const run = spawnSync(process.execPath, ['--import', 'tsx', child], { cwd: resolve(__dirname, '../..'), encoding: 'utf8' })
    expect(run.stderr).toBe('')
    return JSON.parse(run.stdout) as ReturnType<typeof loadElsewhere>
  }
  const made = () => {
    cache = useCodeCache(root, true)!
    expect(load().times(4)).toBe(8)
    cache.write()
    cache.stop()
    cache = null
  }

  it('changes nothing where the build made no cache', () => {
    expect(useCodeCache(root, false)).toBeNull()
    expect(load().times(4)).toBe(8)
  })

  it('makes a cache after the run, and a fresh process compiles the chunk from it, working the same', () => {
    made()
    expect(readdirSync(join(root, CODE_CACHE_DIR))).toEqual([expect.stringMatching(/^work-abc\.js\.[0-9a-f]{32}\.bin$/)])
    expect(loadElsewhere()).toEqual({ used: 1, rejected: 0, times: 8, joined: join('a', 'b'), later: 'function' })
  })

  it('a changed chunk never takes the cache of its old source: Node compiles it', () => {
    made()
    writeFileSync(file, chunk(3))
    expect(loadElsewhere()).toEqual({ used: 0, rejected: 0, times: 12, joined: join('a', 'b'), later: 'function' })
  })

  it('a cache V8 refuses costs only the cache: the chunk compiles as usual', () => {
    made()
    const [name] = readdirSync(join(root, CODE_CACHE_DIR))
    writeFileSync(join(root, CODE_CACHE_DIR, name!), Buffer.alloc(64, 7))
    expect(loadElsewhere()).toMatchObject({ used: 0, rejected: 1, times: 8, later: 'function' })
  })

  it("the build keeps a chunk's cache only where the renamed 'import(' places are its dynamic imports", async () => {
    made()
    expect(await keepChecked(root)).toEqual([])
    expect(readdirSync(join(root, CODE_CACHE_DIR))).toHaveLength(1)
    // The same text in a string would be renamed too: no cache for such a chunk.
    rmSync(join(root, CODE_CACHE_DIR), { recursive: true })
    writeFileSync(file, `${chunk(2)}exports.note = 'call import(x) later'\n`)
    made()
    expect(await keepChecked(root)).toEqual(['work-abc.js'])
    expect(readdirSync(join(root, CODE_CACHE_DIR))).toEqual([])
  })

  it('only chunks are compiled with it: a file beside them is left to Node', () => {
    cache = useCodeCache(root, true)!
    const beside = join(root, 'other.js')
    writeFileSync(beside, 'exports.x = 1\n')
    expect((createRequire(join(root, 'cli.js'))(beside) as { x: number }).x).toBe(1)
    cache.write()
    expect(existsSync(join(root, CODE_CACHE_DIR))).toBe(true)
    expect(readdirSync(join(root, CODE_CACHE_DIR))).toEqual([])
  })
})
