import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import Module, { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Script } from 'node:vm'

/**
 * V8's code cache for the CLI's own chunks: the bytecode of every function a scan runs, made once at
 * build time (code-cache-build.ts runs the built CLI on the sample export with `make`) and read at
 * start instead of parsing and compiling ~400 kB of JavaScript, function by function, on first call.
 * Measured on a busy machine: the sample scan's CPU 20-40 ms less, module loading ~8 ms less; at 100,000
 * recordings the whole scan's CPU was within the noise of 8 pairs.
 *
 * Only files under `chunks/` beside the CLI are compiled here, each with the cache made from its very
 * source (the cache's name carries the source's SHA-256): a changed chunk never meets a stale cache,
 * and V8 itself refuses a cache of another V8 version or other flags (then it compiles as usual).
 * The cache is written by the build into the build's own output, never at run time (bytecode read
 * from a shared place would be code anyone who can write there could run).
 *
 * Node 20 loses a script's dynamic-import callback when V8 takes its code from a cache (every
 * `import()` in it then throws ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING), so a chunk compiled here
 * has each `import(` renamed to a function of the same length that this file, compiled by Node as
 * usual, hands in. The build checks with a real lexer that the renamed places are exactly the
 * chunk's dynamic imports (code-cache-build.ts), and keeps no cache where they are not.
 */
export const CODE_CACHE_DIR = 'code-cache'
export const MAKE_ENV = 'EXPORTSCOPE_CODE_CACHE'

interface Compiled {
  file: string
  hash: string
  script: Script
}

type Compile = (this: Module, content: string, filename: string) => unknown

/** A cache file's name: the chunk's and its source's hash, so only that very source takes it. */
export const cacheName = (file: string, hash: string): string => `${basename(file)}.${hash}.bin`

const sourceHash = (content: string): string => createHash('sha256').update(content).digest('hex').slice(0, 32)

/** Where a chunk's text has `import(` outside a longer name or a member: its dynamic imports, as the build's lexer confirms. */
export function dynamicImportsOf(content: string): number[] {
  const at: number[] = []
  for (const m of content.matchAll(/(?<![\w$.])import\(/g)) at.push(m.index)
  return at
}

/** `import(` → `_dynim(`: the same length, so every line and column stays where it was. */
const IMPORT_STANDIN = '_dynim'
const withStandIn = (content: string): string => content.replace(/(?<![\w$.])import\(/g, `${IMPORT_STANDIN}(`)

/** A chunk's `import()`, made from here: specifiers resolve as from the chunk (bare names and URLs alike from this folder's parent). */
const importFor = (filename: string) => (specifier: string) => import(specifier.startsWith('.') ? pathToFileURL(join(dirname(filename), specifier)).href : specifier)

export interface CodeCache {
  /** Chunks compiled with a cache V8 took, and with one it refused (another V8, other flags). */
  readonly used: number
  readonly rejected: number
  /** Writes the cache of every chunk compiled since (make); the process does it at exit. */
  write(): void
  /** Chunks compile as before from now on (tests). */
  stop(): void
}

/**
 * From now on the CLI's chunks under `root/chunks` compile with their code cache from
 * `root/code-cache`; with `make`, they compile as usual and their caches are written there at exit.
 * Without a cache folder (a build that made none, tests, tsx) nothing changes: null.
 */
export function useCodeCache(root: string, make = process.env[MAKE_ENV] === 'make'): CodeCache | null {
  const chunks = join(root, 'chunks')
  const cacheDir = join(root, CODE_CACHE_DIR)
  if (!make && !existsSync(cacheDir)) return null
  const compiled: Compiled[] = []
  const proto = Module.prototype as unknown as { _compile: Compile }
  const compile = proto._compile
  const cache = {
    used: 0,
    rejected: 0,
    write: () => writeCaches(cacheDir, compiled),
    stop: () => {
      if (proto._compile === withCache) proto._compile = compile
    }
  }
  const withCache: Compile = function (content, filename) {
    if (dirname(filename) !== chunks) return compile.call(this, content, filename)
    const hash = sourceHash(content)
    const cacheFile = join(cacheDir, cacheName(filename, hash))
    // Without its cache a chunk is Node's to compile, as it would be without this file.
    if (!make && !existsSync(cacheFile)) return compile.call(this, content, filename)
    const cachedData = make ? undefined : readFileSync(cacheFile)
    // The wrapper keeps every line where it was, so stack traces point at the chunk's own lines.
    const script = new Script(`(function (exports, require, module, __filename, __dirname, ${IMPORT_STANDIN}) { ${withStandIn(content)}\n});`, { filename, cachedData })
    if (cachedData) cache[script.cachedDataRejected ? 'rejected' : 'used']++
    if (make) compiled.push({ file: filename, hash, script })
    const wrapper = script.runInThisContext() as (...args: unknown[]) => unknown
    return wrapper.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename), importFor(filename))
  }
  proto._compile = withCache
  // After the run: the caches then hold every function the run compiled, not only the top levels.
  if (make) process.once('exit', cache.write)
  return cache
}

function writeCaches(cacheDir: string, compiled: readonly Compiled[]): void {
  mkdirSync(cacheDir, { recursive: true })
  for (const { file, hash, script } of compiled) writeFileSync(join(cacheDir, cacheName(file, hash)), script.createCachedData())
}
