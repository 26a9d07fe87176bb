import { createHash } from 'node:crypto'
import { open, readdir, rm, stat, unlink, utimes } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { writeFileAtomic } from '../fs/atomic-write'
import { inLanes } from '../lanes'
import { nextTurn } from '../next-turn'
import type { AudioCodec, Peaks } from './types'

/** What identifies a recording's audio across runs: the export, the entry, its size and CRC. */
export interface PeaksKey {
  fingerprint: string
  path: string
  size: number
  crc32: number | null
  buckets: number
}

export type Cached = { status: 'ready'; peaks: Peaks } | { status: 'error'; error: string }

const MAGIC = 0x4b505345 // 'ESPK'
const VERSION = 1
const HEAD = 12
const TOUCH_AFTER_MS = 60 * 60 * 1000
/** File stats at once when the cache is measured or evicted. */
const STATS_AT_ONCE = 32

export function cacheKey(k: PeaksKey): string {
  return createHash('sha256').update(JSON.stringify([VERSION, k.fingerprint, k.path, k.size, k.crc32, k.buckets])).digest('hex').slice(0, 40)
}

/** Magic, version, JSON length; the JSON (codec, rate, channels, duration, or the error); min and max as Int16. */
function encode(c: Cached): Buffer {
  const meta = c.status === 'ready' ? { codec: c.peaks.codec, sampleRate: c.peaks.sampleRate, channels: c.peaks.channels, duration: c.peaks.duration, n: c.peaks.min.length } : { error: c.error }
  const json = Buffer.from(JSON.stringify(meta))
  const n = c.status === 'ready' ? c.peaks.min.length : 0
  const out = Buffer.alloc(HEAD + json.length + n * 4)
  out.writeUInt32LE(MAGIC, 0)
  out.writeUInt32LE(VERSION, 4)
  out.writeUInt32LE(json.length, 8)
  json.copy(out, HEAD)
  if (c.status === 'ready') {
    Buffer.from(c.peaks.min.buffer, c.peaks.min.byteOffset, n * 2).copy(out, HEAD + json.length)
    Buffer.from(c.peaks.max.buffer, c.peaks.max.byteOffset, n * 2).copy(out, HEAD + json.length + n * 2)
  }
  return out
}

/** Null for anything not exactly as we write it: a torn, foreign or older file is a miss. */
function decode(b: Buffer): Cached | null {
  if (b.length < HEAD || b.readUInt32LE(0) !== MAGIC || b.readUInt32LE(4) !== VERSION) return null
  const jsonLength = b.readUInt32LE(8)
  if (HEAD + jsonLength > b.length) return null
  let meta: { codec?: AudioCodec; sampleRate?: number; channels?: number; duration?: number; n?: number; error?: string }
  try {
    meta = JSON.parse(b.subarray(HEAD, HEAD + jsonLength).toString('utf8'))
  } catch {
    return null
  }
  if (typeof meta.error === 'string') return b.length === HEAD + jsonLength ? { status: 'error', error: meta.error } : null
  const n = meta.n
  if (typeof n !== 'number' || b.length !== HEAD + jsonLength + n * 4) return null
  const body = b.subarray(HEAD + jsonLength)
  const copy = new Uint8Array(body)
  return {
    status: 'ready',
    peaks: { codec: meta.codec!, sampleRate: meta.sampleRate!, channels: meta.channels!, duration: meta.duration!, min: new Int16Array(copy.buffer, 0, n), max: new Int16Array(copy.buffer, n * 2, n) }
  }
}

export interface PeaksCacheOptions {
  /** Past this total the least recently used files go; 256 MB holds some 20,000 recordings. */
  maxBytes?: number
}

/**
 * Peaks on disk, one small file per recording, so a reopened export shows every waveform at once.
 * Everything in the folder can be deleted at any time: a missing or unreadable file is a miss.
 *
 * The folder's names are read once (and again after relist(), which the app calls per opened export)
 * and kept as a set with what this cache writes and deletes: a name not in it is a miss without a
 * file open, where an empty cache otherwise cost 100,000 failed opens for 100,000 recordings. The set
 * is only a hint: a listed name still goes through the open and the checks of decode (a file gone or
 * torn since is a miss), and a file another process wrote after the listing is recomputed once.
 */
export class PeaksCache {
  readonly maxBytes: number
  private total: number | null = null
  private evicting: Promise<void> | null = null
  private listed: Promise<Set<string>> | null = null

  constructor(
    readonly dir: string,
    o: PeaksCacheOptions = {}
  ) {
    this.maxBytes = o.maxBytes ?? 256 * 1024 * 1024
  }

  /** The cache of the app home (see home.ts): `<home>/cache/peaks`. */
  static inHome(home: string, o?: PeaksCacheOptions): PeaksCache {
    return new PeaksCache(join(home, 'cache', 'peaks'), o)
  }

  private name(key: PeaksKey): string {
    return `${cacheKey(key)}.peaks`
  }

  /** The folder's names as last listed, with this cache's own writes and deletes since. */
  private names(): Promise<Set<string>> {
    this.listed ??= readdir(this.dir).then(
      (names) => new Set(names),
      () => new Set<string>()
    )
    return this.listed
  }

  /** Reads the folder's names again at the next get (files other processes wrote meanwhile count). */
  relist(): void {
    this.listed = null
  }

  async get(key: PeaksKey): Promise<Cached | null> {
    // (The key's SHA-256 once: the name is both the listing's and the file's.)
    const name = this.name(key)
    if (!(await this.names()).has(name)) {
      // A miss answers on the next turn of the event loop, as a failed open did: a caller going
      // through thousands of misses (the scheduler after an open) must not hold the loop meanwhile.
      await nextTurn()
      return null
    }
    const path = join(this.dir, name)
    let handle
    try {
      handle = await open(path, 'r')
    } catch {
      return null
    }
    try {
      const [info, bytes] = await Promise.all([handle.stat(), handle.readFile()])
      const found = decode(bytes)
      // Recency for eviction; touched at most hourly so hits stay one read.
      if (found && Date.now() - info.mtimeMs > TOUCH_AFTER_MS) {
        const now = new Date()
        void utimes(path, now, now).catch(() => undefined)
      }
      return found
    } catch {
      return null
    } finally {
      await handle.close()
    }
  }

  /**
   * Temp file then rename, so a reader never sees half a file. No fsync: a cache entry lost to a
   * crash is recomputed, and the rename already keeps torn files out.
   */
  async put(key: PeaksKey, value: Cached): Promise<void> {
    const bytes = encode(value)
    const name = this.name(key)
    await writeFileAtomic(join(this.dir, name), bytes, { durable: false })
    // After a listing still under way too: the name is noted once the set exists.
    void this.names().then((names) => names.add(name))
    if (this.total === null) this.total = await this.measure()
    else this.total += bytes.length
    if (this.total > this.maxBytes) await this.evict()
  }

  async clear(): Promise<void> {
    await rm(this.dir, { recursive: true, force: true })
    this.total = 0
    this.listed = Promise.resolve(new Set())
  }

  /**
   * Every file's size and age, a few stats at a time: starting one per file at once (some 30,000 in a
   * full cache) held the engine's thread 0.3-0.7 s at the window's first put, in the second after an open.
   */
  private async entries(): Promise<{ path: string; size: number; mtime: number }[]> {
    const names = await readdir(this.dir).catch(() => [] as string[])
    const out: Array<{ path: string; size: number; mtime: number } | null> = new Array(names.length).fill(null)
    await inLanes(names.length, STATS_AT_ONCE, async (i) => {
      const path = join(this.dir, names[i]!)
      const s = await stat(path).catch(() => null)
      if (s?.isFile()) out[i] = { path, size: s.size, mtime: s.mtimeMs }
    })
    return out.filter((e) => e !== null)
  }

  private async measure(): Promise<number> {
    return (await this.entries()).reduce((n, e) => n + e.size, 0)
  }

  /** Oldest first until a fifth below the bound, so eviction runs rarely rather than on every put. */
  private evict(): Promise<void> {
    this.evicting ??= (async () => {
      const all = (await this.entries()).sort((a, b) => a.mtime - b.mtime)
      let total = all.reduce((n, e) => n + e.size, 0)
      for (const e of all) {
        if (total <= this.maxBytes * 0.8) break
        await unlink(e.path).catch(() => undefined)
        void this.names().then((names) => names.delete(basename(e.path)))
        total -= e.size
      }
      this.total = total
    })().finally(() => (this.evicting = null))
    return this.evicting
  }
}
