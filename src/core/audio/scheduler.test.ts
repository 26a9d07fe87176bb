import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openArchive, type OpenedArchive } from '../archive'
import { workDir, writeZip } from '../../../test/fixtures/archives'
import { PeaksCache } from './cache'
import type { JobOutcome } from './peaks/job'
import { PeaksPool, type PoolJob } from './pool/pool'
import { PeaksScheduler, type PeaksTarget } from './scheduler'
import { sine, square, toInt16 } from './testing/signals'
import { writeWav } from './testing/wav-writer'
import { writeMp3 } from './testing/mp3-writer'
import { writeFlac } from './testing/flac-writer'
import { writeOggOpus } from './testing/ogg-writer'
import { writeM4a } from './testing/mp4-writer'
import type { PeaksResult } from './types'

let work: Awaited<ReturnType<typeof workDir>>
let archive: OpenedArchive
let home: string
const wav = (seconds: number) => writeWav([square(100, 8000, seconds, 0.5)], 8000, { codec: 'pcm', bits: 16 })

beforeAll(async () => {
  work = await workDir()
  home = await mkdtemp(join(tmpdir(), 'exportscope-home-'))
  const good = wav(1)
  await writeZip(work.path('export.zip'), [
    ...Array.from({ length: 12 }, (_, i) => ({ name: `clips/${i}.wav`, data: wav(0.5 + i / 10) })),
    { name: 'voice/a.mp3', data: await writeMp3(toInt16(sine(300, 16000, 1)), 16000) },
    { name: 'voice/b.opus', data: (await writeOggOpus(toInt16(sine(300, 48000, 1)), 48000)).bytes, compress: false },
    { name: 'voice/c.flac', data: writeFlac([toInt16(sine(300, 16000, 1))], 16000) },
    { name: 'voice/d.m4a', data: writeM4a({ sampleRate: 44100, channels: 1, samples: 44100, moovFirst: false }) },
    { name: 'broken/garbage.wav', data: Buffer.from('GIF89a, not audio at all'.repeat(40)) },
    { name: 'broken/cut.wav', data: good.subarray(0, good.length - 1001) }
  ])
  archive = await openArchive(work.path('export.zip'))
})
afterAll(async () => {
  await archive?.close()
  await work?.done()
  await rm(home, { recursive: true, force: true })
})

const targets = (): PeaksTarget[] => archive.entries.map((entry) => ({ id: entry.info.path, archive, entry }))

/** A pool whose jobs finish only when the test says so. */
function fakePool(capacity: number) {
  const started: { job: PoolJob; id: number; finish: (o: JobOutcome) => void }[] = []
  let n = 0
  return {
    capacity,
    started,
    run(job: PoolJob): Promise<JobOutcome> {
      return new Promise((resolve, reject) => {
        const id = n++
        job.signal?.addEventListener('abort', () => reject(Object.assign(new Error('aborted'), { name: 'AbortError' })))
        started.push({ job, id, finish: resolve })
      })
    }
  }
}

const done: JobOutcome = { status: 'ready', codec: 'pcm', sampleRate: 8000, channels: 1, duration: 1, min: new Int16Array(1), max: new Int16Array(1) }
const settle = () => new Promise((r) => setTimeout(r, 10))
const sizeOf = (job: PoolJob) => job.size

describe('the scheduler: order, never blocking, cancel', () => {
  it('the selected recording first, then the visible ones, then the rest in order', async () => {
    const pool = fakePool(1)
    const s = new PeaksScheduler({ pool, buckets: 10 })
    const all = targets().slice(0, 12)
    s.add(all)
    await settle()
    expect(pool.started.map((x) => sizeOf(x.job))).toEqual([all[0]!.entry.info.size])
    s.setVisible([all[9]!.id, all[8]!.id])
    s.select(all[5]!.id)
    await settle()
    // The selection did not wait for the busy slot.
    expect(pool.started.map((x) => x.job.size)).toEqual([all[0], all[5]].map((t) => t!.entry.info.size))
    expect(pool.started[1]!.job.urgent).toBe(true)
    for (let i = 0; i < 6; i++) {
      pool.started[i]!.finish(done)
      await settle()
    }
    expect(pool.started.map((x) => x.job.size)).toEqual([0, 5, 9, 8, 1, 2, 3].map((i) => all[i]!.entry.info.size))
    s.close()
  })

  it('a decode that never ends does not hold up the recording the person selects', async () => {
    const pool = fakePool(1)
    const s = new PeaksScheduler({ pool, buckets: 10 })
    const [slow, other] = targets()
    s.add([slow!, other!])
    await settle()
    s.select(other!.id)
    const result = s.get(other!.id)
    await settle()
    pool.started[1]!.finish(done)
    expect((await result).status).toBe('ready')
    s.close()
  })

  it('cancel stops queued and running work and rejects its waiters; add() queues it again', async () => {
    const pool = fakePool(1)
    const s = new PeaksScheduler({ pool, buckets: 10 })
    const [a, b] = targets()
    s.add([a!, b!])
    await settle()
    const waiting = s.get(a!.id)
    s.cancel([a!.id, b!.id])
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' })
    expect(pool.started[0]!.job.signal!.aborted).toBe(true)
    await settle()
    expect(pool.started).toHaveLength(1)
    s.add([b!])
    await settle()
    expect(pool.started).toHaveLength(2)
    s.close()
  })

  it('progress counts the recordings not cancelled, through adds, cancels, re-adds and duplicates', async () => {
    const pool = fakePool(1)
    const s = new PeaksScheduler({ pool, buckets: 10 })
    const [a, b, c] = targets()
    s.add([a!, b!, c!, a!])
    expect(s.progressNow()).toMatchObject({ total: 3, done: 0 })
    s.cancel([b!.id, c!.id])
    s.cancel([c!.id])
    expect(s.progressNow()).toMatchObject({ total: 1 })
    s.add([c!, c!])
    expect(s.progressNow()).toMatchObject({ total: 2 })
    await settle()
    pool.started[0]!.finish(done)
    await settle()
    // A finished recording stays in the total; cancelling it changes nothing.
    s.cancel([a!.id])
    expect(s.progressNow()).toMatchObject({ total: 2, done: 1 })
    s.close()
    // Closed, it forgets every task.
    expect(s.progressNow()).toMatchObject({ total: 0 })
    await expect(s.get(a!.id)).rejects.toThrow(/No peaks were asked/)
  })
})

describe('the scheduler with the real worker pool, archive and cache', () => {
  it('computes every recording, reports what cannot be read, and hands M4A to the renderer; the second run is all cache', async () => {
    const pool = new PeaksPool({ size: 2 })
    const cache = PeaksCache.inHome(home)
    const s = new PeaksScheduler({ pool, cache, buckets: 500 })
    const seen = new Map<string, PeaksResult>()
    s.on('result', (id, r) => seen.set(id, r))
    const progress: number[] = []
    s.on('progress', (p) => progress.push(p.done))
    s.add(targets())
    const results = new Map(await Promise.all(targets().map(async (t) => [t.id, await s.get(t.id)] as const)))
    for (let i = 0; i < 12; i++) {
      const r = results.get(`clips/${i}.wav`)!
      expect(r.status).toBe('ready')
      if (r.status === 'ready') {
        expect(r.peaks.duration).toBeCloseTo(0.5 + i / 10, 6)
        expect(Math.max(...r.peaks.max)).toBe(Math.round(0.5 * 32767))
      }
    }
    for (const id of ['voice/a.mp3', 'voice/b.opus', 'voice/c.flac']) expect(results.get(id)).toMatchObject({ status: 'ready', peaks: { duration: expect.any(Number) } })
    expect(results.get('voice/d.m4a')).toMatchObject({ status: 'needsRendererDecode', probe: { codec: 'aac', duration: 1, needsRendererDecode: true } })
    expect(results.get('broken/garbage.wav')).toEqual({ status: 'error', error: 'audio could not be read: it is not a WAV, MP3, Ogg, FLAC or M4A file' })
    expect(results.get('broken/cut.wav')).toEqual({ status: 'error', error: 'audio could not be read: the file is cut off before the end of its audio' })
    expect(seen.size).toBe(targets().length)
    expect(progress.at(-1)).toBe(targets().length)

    // The renderer decodes the M4A and hands its peaks back.
    const bad = await s.storeRendererPeaks('voice/d.m4a', { duration: 1, sampleRate: 44100, channels: 1, min: [0.5], max: [-0.5] })
    expect(bad).toEqual({ status: 'error', error: 'peaks from the renderer were rejected: a bucket has its minimum above its maximum' })
    expect(await s.storeRendererPeaks('clips/0.wav', { duration: 1, sampleRate: 8000, channels: 1, min: [0], max: [0] })).toMatchObject({ status: 'error' })
    const stored = await s.storeRendererPeaks('voice/d.m4a', { duration: 1, sampleRate: 44100, channels: 1, min: [-0.25, -0.5], max: [0.25, 0.5] })
    expect(stored).toMatchObject({ status: 'ready', peaks: { codec: 'aac', duration: 1 } })
    expect(await s.get('voice/d.m4a')).toEqual(stored)
    s.close()

    // Reopened: every waveform from disk, no decoding at all.
    const counting = { capacity: pool.capacity, runs: 0, run: (job: PoolJob) => (counting.runs++, pool.run(job)) }
    const again = new PeaksScheduler({ pool: counting, cache, buckets: 500 })
    again.add(targets())
    const second = await Promise.all(targets().map((t) => again.get(t.id)))
    expect(counting.runs).toBe(0)
    expect(second.filter((r) => r.status === 'ready')).toHaveLength(16)
    expect(again.progressNow()).toMatchObject({ total: targets().length, done: targets().length, fromCache: targets().length })
    again.close()
    await pool.close()
  })

  it('a long recording streams through the pool in bounded pieces and comes out right', async () => {
    const pool = new PeaksPool({ size: 1 })
    const long = writeWav([sine(50, 48000, 30, 0.9), square(25, 48000, 30, 0.1)], 48000, { codec: 'pcm', bits: 24 })
    let chunks = 0
    const outcome = await pool.run({
      size: long.length,
      buckets: 3000,
      open: async () =>
        (async function* () {
          for (let at = 0; at < long.length; at += 65536) {
            chunks++
            yield long.subarray(at, at + 65536)
          }
        })()
    })
    expect(chunks).toBeGreaterThan(60)
    expect(outcome).toMatchObject({ status: 'ready', duration: 30, channels: 2, sampleRate: 48000 })
    if (outcome.status === 'ready') {
      expect(outcome.max.length).toBe(3000)
      expect(Math.max(...outcome.max) / 32767).toBeCloseTo(0.9, 3)
    }
    await pool.close()
  })
})
