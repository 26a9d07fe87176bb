import { Worker } from 'node:worker_threads'
import { abortError } from './errors'

export interface HashProgress {
  /** The part being hashed. */
  path: string
  /** Bytes hashed so far, over all parts. */
  bytes: number
  totalBytes: number
}

export interface HashOptions {
  signal?: AbortSignal
  onProgress?: (p: HashProgress) => void
}

type WorkerMessage =
  | { type: 'sizes'; sizes: number[] }
  | { type: 'progress'; path: string; bytes: number }
  | { type: 'done'; path: string; sha256: string }
  | { type: 'error'; message: string; code: string | null }

/*
 * The worker is plain JavaScript given as a string: electron-vite bundles src/core into
 * out/main/*.js, where a separate worker .ts file would not exist, and vitest runs the sources.
 * A string runs the same in both.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads')
const { createReadStream, statSync } = require('node:fs')
const { createHash } = require('node:crypto')
;(async () => {
  const sizes = workerData.paths.map((p) => statSync(p).size)
  parentPort.postMessage({ type: 'sizes', sizes })
  let done = 0
  for (const path of workerData.paths) {
    const hash = createHash('sha256')
    let lastPost = 0
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      hash.update(chunk)
      done += chunk.length
      const now = Date.now()
      if (now - lastPost > 100) {
        lastPost = now
        parentPort.postMessage({ type: 'progress', path, bytes: done })
      }
    }
    parentPort.postMessage({ type: 'progress', path, bytes: done })
    parentPort.postMessage({ type: 'done', path, sha256: hash.digest('hex') })
  }
})().catch((err) => parentPort.postMessage({ type: 'error', message: String(err && err.message || err), code: err && err.code || null }))
`

/**
 * The SHA-256 of each file of an export, streamed in a worker thread so the index is usable (and
 * the main thread free) while a 50 GB part is hashed. Opens the files read-only.
 */
export function hashArchive(paths: string[], options: HashOptions = {}): Promise<{ path: string; sha256: string }[]> {
  const { signal, onProgress } = options
  if (signal?.aborted) return Promise.reject(abortError())
  return new Promise((resolve, reject) => {
    const results: { path: string; sha256: string }[] = []
    let totalBytes = 0
    let settled = false
    const worker = new Worker(workerSource, { eval: true, workerData: { paths } })
    const finish = (err: Error | null) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', onAbort)
      void worker.terminate()
      if (err) reject(err)
      else resolve(results)
    }
    const onAbort = () => finish(abortError())
    signal?.addEventListener('abort', onAbort, { once: true })
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'sizes') totalBytes = m.sizes.reduce((a, b) => a + b, 0)
      else if (m.type === 'progress') onProgress?.({ path: m.path, bytes: m.bytes, totalBytes })
      else if (m.type === 'done') {
        results.push({ path: m.path, sha256: m.sha256 })
        if (results.length === paths.length) finish(null)
      } else {
        const err = new Error(`The export could not be hashed: ${m.message}.`) as Error & { code?: string }
        if (m.code) err.code = m.code
        finish(err)
      }
    })
    worker.on('error', (err) => finish(err))
    worker.on('exit', (code) => finish(results.length === paths.length ? null : new Error(`The hashing worker stopped early (exit code ${code}).`)))
    if (paths.length === 0) finish(null)
  })
}
