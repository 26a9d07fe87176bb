import { describe, expect, it } from 'vitest'
import { PeaksPool } from './pool'
import { writeWav } from '../testing/wav-writer'
import { square } from '../testing/signals'

const clip = writeWav([square(100, 8000, 1, 0.5)], 8000, { codec: 'pcm', bits: 16 })
const job = (bytes: Uint8Array = clip) => ({ size: bytes.length, buckets: 20, open: async () => [bytes] })

describe('the peaks pool', () => {
  it('runs many jobs on workers sized to the machine (or as told), in parallel', async () => {
    const pool = new PeaksPool({ size: 2 })
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => pool.run(job())))
    expect(outcomes.every((o) => o.status === 'ready')).toBe(true)
    expect(pool.capacity).toBe(4)
    expect(new PeaksPool().size).toBe((await import('node:os')).availableParallelism())
    await pool.close()
  })

  it('cancelling a job rejects it with AbortError and stops reading its bytes', async () => {
    const pool = new PeaksPool({ size: 1 })
    const controller = new AbortController()
    let pulled = 0
    const endless = {
      size: 10_000_000,
      buckets: 20,
      signal: controller.signal,
      open: async () =>
        (async function* () {
          yield clip.subarray(0, 44)
          for (;;) {
            pulled++
            yield new Uint8Array(256 * 1024)
          }
        })()
    }
    const running = pool.run(endless)
    await new Promise((r) => setTimeout(r, 200))
    controller.abort()
    await expect(running).rejects.toMatchObject({ name: 'AbortError' })
    const after = pulled
    await new Promise((r) => setTimeout(r, 100))
    expect(pulled).toBe(after)
    // The window of unacknowledged chunks kept the reader close behind the worker.
    expect((await pool.run(job())).status).toBe('ready')
    await pool.close()
  })

  it('a worker that dies is replaced; its jobs are retried once, then fail', async () => {
    const pool = new PeaksPool({ size: 1, spec: { filename: 'process.exit(3)', eval: true } })
    await expect(pool.run(job())).rejects.toThrow()
    await pool.close()
  })

  it('closing the pool lets go of a recording whose reading waits for the worker: its source is ended, not left to the garbage collector', async () => {
    // A decoder that takes the bytes and never acknowledges them: the reading waits for room in its window.
    const pool = new PeaksPool({ size: 1, stallMs: 60_000, spec: { filename: "require('node:worker_threads').parentPort.on('message', () => {})", eval: true } })
    let pulled = 0
    let released = false
    const slow = {
      size: 10_000_000,
      buckets: 20,
      open: async () =>
        (async function* () {
          try {
            for (;;) {
              pulled++
              yield new Uint8Array(64 * 1024)
            }
          } finally {
            // Where an entry's read stream is destroyed (a folder export's file handle closed).
            released = true
          }
        })()
    }
    const running = pool.run(slow).catch((err: Error) => err.message)
    // Two batches of 256 KiB sent, the third read and held: the reading stops there.
    for (let i = 0; i < 200 && pulled < 12; i++) await new Promise((r) => setTimeout(r, 10))
    await new Promise((r) => setTimeout(r, 100))
    const waiting = pulled
    expect(waiting).toBe(12)
    await pool.close()
    expect(await running).toBe('The peaks pool was closed.')
    for (let i = 0; i < 100 && !released; i++) await new Promise((r) => setTimeout(r, 10))
    expect(released).toBe(true)
    expect(pulled).toBe(waiting)
  })

  it('a decoder that never answers is given up on, with a reason, and its thread replaced', async () => {
    const pool = new PeaksPool({ size: 1, stallMs: 300, spec: { filename: "require('node:worker_threads').parentPort.on('message', () => {})", eval: true } })
    expect(await pool.run(job())).toEqual({ status: 'error', error: 'decoding did not finish within 300 ms' })
    await pool.close()
  })
})
