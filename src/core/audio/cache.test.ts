import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { cacheKey, PeaksCache, type PeaksKey } from './cache'
import type { Peaks } from './types'

let home: string
beforeEach(async () => (home = await mkdtemp(join(tmpdir(), 'exportscope-peaks-cache-'))))
afterEach(() => rm(home, { recursive: true, force: true }))

const key = (path: string): PeaksKey => ({ fingerprint: 'fp1', path, size: 1000, crc32: 0xdeadbeef, buckets: 100 })
const peaks = (n: number): Peaks => ({ codec: 'pcm', sampleRate: 16000, channels: 1, duration: 5, min: Int16Array.from({ length: n }, (_, i) => -i), max: Int16Array.from({ length: n }, (_, i) => i) })

describe('the peaks cache', () => {
  it('gives back what was put, under <home>/cache/peaks, owner-only', async () => {
    const cache = PeaksCache.inHome(home)
    expect(await cache.get(key('a.wav'))).toBeNull()
    await cache.put(key('a.wav'), { status: 'ready', peaks: peaks(100) })
    expect(await cache.get(key('a.wav'))).toEqual({ status: 'ready', peaks: peaks(100) })
    await cache.put(key('b.wav'), { status: 'error', error: 'audio could not be read: it holds no audio' })
    expect(await cache.get(key('b.wav'))).toEqual({ status: 'error', error: 'audio could not be read: it holds no audio' })
    const dir = join(home, 'cache', 'peaks')
    expect((await stat(dir)).mode & 0o777).toBe(0o700)
    for (const f of await readdir(dir)) {
      expect(f).toMatch(/^[0-9a-f]{40}\.peaks$/)
      expect((await stat(join(dir, f))).mode & 0o777).toBe(0o600)
    }
  })

  it('keys on every part of the identity', async () => {
    const cache = PeaksCache.inHome(home)
    await cache.put(key('a.wav'), { status: 'ready', peaks: peaks(10) })
    for (const other of [{ fingerprint: 'fp2' }, { size: 1001 }, { crc32: 1 }, { buckets: 50 }, { path: 'b.wav' }]) {
      expect(await cache.get({ ...key('a.wav'), ...other })).toBeNull()
    }
  })

  it('a torn or foreign file is a miss, and deleting the folder is safe', async () => {
    const cache = PeaksCache.inHome(home)
    await cache.put(key('a.wav'), { status: 'ready', peaks: peaks(10) })
    const [file] = await readdir(cache.dir)
    await writeFile(join(cache.dir, file!), Buffer.from('ESPK and then garbage'))
    expect(await cache.get(key('a.wav'))).toBeNull()
    await rm(cache.dir, { recursive: true })
    expect(await cache.get(key('a.wav'))).toBeNull()
    await cache.put(key('a.wav'), { status: 'ready', peaks: peaks(10) })
    expect(await cache.get(key('a.wav'))).not.toBeNull()
  })

  it('stays under its bound, dropping the least recently used first', async () => {
    // Each entry is about 4 KB; room for about 10.
    const cache = new PeaksCache(join(home, 'c'), { maxBytes: 42_000 })
    for (let i = 0; i < 10; i++) await cache.put(key(`${i}.wav`), { status: 'ready', peaks: peaks(1000) })
    // Make 0.wav the most recent and everything else old.
    const files = await readdir(cache.dir)
    const old = new Date(Date.now() - 86_400_000)
    for (const f of files) await utimes(join(cache.dir, f), old, old)
    await utimes(join(cache.dir, `${cacheKey(key('0.wav'))}.peaks`), new Date(), new Date())
    await cache.put(key('10.wav'), { status: 'ready', peaks: peaks(1000) })
    expect(await cache.get(key('0.wav'))).not.toBeNull()
    expect((await readdir(cache.dir)).length).toBeLessThan(10)
    for (let i = 11; i < 30; i++) await cache.put(key(`${i}.wav`), { status: 'ready', peaks: peaks(1000) })
    const left = await readdir(cache.dir)
    const total = (await Promise.all(left.map((f) => stat(join(cache.dir, f))))).reduce((n, s) => n + s.size, 0)
    expect(total).toBeLessThanOrEqual(42_000)
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([])
    expect(await cache.get(key('29.wav'))).not.toBeNull()
    expect(await cache.get(key('1.wav'))).toBeNull()
  })
})

describe('the peaks cache’s listing', () => {
  it('a file another cache wrote after the listing counts from the next relist; a listed file gone or torn is a miss', async () => {
    const dir = join(home, 'shared')
    const mine = new PeaksCache(dir)
    const other = new PeaksCache(dir)
    expect(await mine.get(key('a.wav'))).toBeNull()
    await other.put(key('a.wav'), { status: 'ready', peaks: peaks(10) })
    // Listed before the other wrote: a miss (recomputed), never a wrong waveform.
    expect(await mine.get(key('a.wav'))).toBeNull()
    mine.relist()
    expect(await mine.get(key('a.wav'))).toEqual({ status: 'ready', peaks: peaks(10) })
    // Its own writes count at once.
    await mine.put(key('b.wav'), { status: 'ready', peaks: peaks(20) })
    expect(await mine.get(key('b.wav'))).toEqual({ status: 'ready', peaks: peaks(20) })
    // Listed, then deleted or torn behind its back: a miss.
    await rm(join(dir, `${cacheKey(key('a.wav'))}.peaks`))
    await writeFile(join(dir, `${cacheKey(key('b.wav'))}.peaks`), Buffer.from('ESPK torn'))
    expect(await mine.get(key('a.wav'))).toBeNull()
    expect(await mine.get(key('b.wav'))).toBeNull()
  })

  it('a run of misses lets timers in between, as file opens did', async () => {
    const cache = new PeaksCache(join(home, 'empty'))
    // Other work: a task that queues itself again on each turn of the loop.
    let ticks = 0
    let going = true
    const other = () => {
      ticks++
      if (going) setImmediate(other)
    }
    await cache.get(key('listing.wav'))
    setImmediate(other)
    try {
      for (let i = 0; i < 200; i++) expect(await cache.get(key(`${i}.wav`))).toBeNull()
    } finally {
      going = false
    }
    expect(ticks).toBeGreaterThan(100)
  })
})
