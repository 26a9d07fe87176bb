import { existsSync } from 'node:fs'
import { join } from 'node:path'

export interface WorkerSpec {
  /** A file, or with `eval` the code of a small bootstrap. */
  filename: string
  eval: boolean
}

/**
 * The built worker (out/main/peaks-worker.js, a third input of the main build) when we run from the
 * bundle; otherwise the TypeScript source through tsx's require hook, as under vitest and the bench. The bundle may
 * put this code in a shared chunk one folder down, so the folder above is tried too.
 */
export function peaksWorkerSpec(dir = __dirname): WorkerSpec {
  for (const candidate of [join(dir, 'peaks-worker.js'), join(dir, '..', 'peaks-worker.js')]) {
    if (existsSync(candidate)) return { filename: candidate, eval: false }
  }
  // `execArgv: ['--import', 'tsx']` is not honoured for a worker's own .ts entry on Node 20, and
  // tsx's ESM hook mangles the decoders' dynamic imports; its CommonJS hook, registered in the
  // thread, handles both.
  const source = join(dir, '..', 'peaks.worker.ts')
  return { filename: `require('tsx/cjs/api').register(); require(${JSON.stringify(source)})`, eval: true }
}
