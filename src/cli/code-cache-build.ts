import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { init, parse } from 'es-module-lexer'
import { CODE_CACHE_DIR, MAKE_ENV, dynamicImportsOf } from './code-cache'

/**
 * A build step (electron.vite.config.ts, the main build): once the CLI is written, it scans the
 * sample export once with `EXPORTSCOPE_CODE_CACHE=make`, which leaves V8's code cache of every
 * chunk it ran in `code-cache/` beside it (code-cache.ts). A failure costs only the cache: the
 * build goes on and the CLI compiles as before.
 */
export function cliCodeCachePlugin(sample: string) {
  return {
    name: 'exportscope-cli-code-cache',
    async writeBundle(options: { dir?: string }) {
      const dir = options.dir
      if (!dir || !existsSync(join(dir, 'cli.js'))) return
      rmSync(join(dir, CODE_CACHE_DIR), { recursive: true, force: true })
      if (!existsSync(sample)) return warn(`no sample export at ${sample}`)
      // Default V8 flags (no NODE_OPTIONS): a cache made under other flags is refused at run time.
      const env = { ...process.env, [MAKE_ENV]: 'make', NODE_OPTIONS: '' }
      const run = spawnSync(process.execPath, [join(dir, 'cli.js'), 'scan', '--json', '--no-hash', sample], { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' })
      if (run.status !== 0) return warn(`the sample scan exited ${run.status ?? run.signal}: ${run.stderr.trim().split('\n').pop() ?? ''}`)
      for (const chunk of await keepChecked(dir)) warn(`${chunk}: its dynamic imports are not where code-cache.ts renames them`)
    }
  }
}

/**
 * Removes the cache of any chunk whose `import(` places (code-cache.ts renames them when it compiles
 * the chunk) are not exactly its dynamic imports as a JavaScript lexer reads them: text such as
 * "import(" in a string would be renamed too. Answers the chunks whose cache it removed.
 */
export async function keepChecked(dir: string): Promise<string[]> {
  await init
  const cacheDir = join(dir, CODE_CACHE_DIR)
  const removed: string[] = []
  for (const name of existsSync(cacheDir) ? readdirSync(cacheDir) : []) {
    const chunk = name.replace(/\.[0-9a-f]+\.bin$/, '')
    const source = existsSync(join(dir, 'chunks', chunk)) ? readFileSync(join(dir, 'chunks', chunk), 'utf8') : null
    if (source !== null && sameImports(source)) continue
    rmSync(join(cacheDir, name))
    removed.push(chunk)
  }
  return removed
}

function sameImports(source: string): boolean {
  let lexed: number[]
  try {
    lexed = parse(source)[0].filter((i) => i.d > -1).map((i) => i.ss)
  } catch {
    return false
  }
  const renamed = dynamicImportsOf(source)
  return lexed.length === renamed.length && lexed.every((at, k) => at === renamed[k])
}

const warn = (why: string) => process.stderr.write(`exportscope: the CLI's code cache was not made (${why}); the CLI works without it, a little slower to start.\n`)
