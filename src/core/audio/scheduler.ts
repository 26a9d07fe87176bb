import { crc32Of, partOf, pathOf, sizeOf, type ArchiveEntry, type OpenedArchive } from '../archive'
import { PeaksCache, type PeaksKey } from './cache'
import { failure } from './errors'
import type { PeaksPool } from './pool/pool'
import { probe } from './probe/index'
import { entryReader } from './reader'
import { validateRendererPeaks } from './renderer-peaks'
import type { JobOutcome } from './peaks/job'
import type { Peaks, PeaksResult } from './types'

export interface PeaksTarget {
  /** The recording's id (or any id the caller uses to ask again). */
  id: string
  archive: OpenedArchive
  entry: ArchiveEntry
}

export interface PeaksProgress {
  total: number
  done: number
  failed: number
  fromCache: number
  running: number
}

/** What the scheduler needs of a pool; tests pass a fake to control timing. */
export type PeaksRunner = Pick<PeaksPool, 'capacity' | 'run'>

export interface SchedulerOptions {
  pool: PeaksRunner
  cache?: PeaksCache | null
  /** Buckets per recording; a few thousand draw sharply at any width a screen has. */
  buckets?: number
  /** Cache reads at once: they are cheap and must not queue behind decodes. */
  lookups?: number
  /** Peaks kept in memory for get(); the cache holds the rest. */
  memory?: number
}

type State = 'new' | 'lookup' | 'queued' | 'decoding' | 'done' | 'cancelled'

interface Task {
  target: PeaksTarget
  /** Made when first needed (see keyOf): queueing 100,000 recordings need not make 100,000 keys. */
  key: PeaksKey | null
  state: State
  /** Small results (errors, renderer requests) stay; ready peaks live in the memory LRU. */
  result: Exclude<PeaksResult, { status: 'ready' }> | null
  abort: AbortController | null
  waiters: { resolve: (r: PeaksResult) => void; reject: (e: unknown) => void }[]
  fromCache: boolean
}

type Events = { result: (id: string, r: PeaksResult) => void; progress: (p: PeaksProgress) => void }

const cancelled = () => Object.assign(new Error('Peaks for this recording were cancelled.'), { name: 'AbortError' })

export const peaksKey = (archive: OpenedArchive, entry: ArchiveEntry, buckets: number): PeaksKey => ({
  fingerprint: archive.fingerprint,
  path: partOf(entry) ? `${partOf(entry)}:${pathOf(entry)}` : pathOf(entry),
  size: sizeOf(entry),
  crc32: crc32Of(entry),
  buckets
})

/**
 * Works through every recording's peaks in the order the person is likely to need them: the
 * selected one first, then the visible ones, then the rest. Cache reads and decodes have their own
 * limits, and the selected recording bypasses both, so neither a slow decode nor a long queue
 * delays what is on screen. Calls never wait on work: they queue it and return.
 */
export class PeaksScheduler {
  readonly buckets: number
  private readonly pool: PeaksRunner
  private readonly cache: PeaksCache | null
  private readonly lookupLimit: number
  private readonly memoryLimit: number
  private readonly tasks = new Map<string, Task>()
  private readonly memory = new Map<string, Peaks>()
  private fresh: Task[] = []
  private freshHead = 0
  private waiting: Task[] = []
  private waitingHead = 0
  private selected: string | null = null
  private visible: string[] = []
  private lookups = 0
  private decodes = 0
  private readonly counts = { done: 0, failed: 0, fromCache: 0 }
  /** Tasks not cancelled, kept as they change: progress is reported per finished recording, and walking 100,000 tasks each time made the background work quadratic. */
  private live = 0
  private readonly listeners: { [K in keyof Events]: Set<Events[K]> } = { result: new Set(), progress: new Set() }
  private lastProgress = 0
  private progressTimer: NodeJS.Timeout | null = null

  constructor(o: SchedulerOptions) {
    this.pool = o.pool
    this.cache = o.cache ?? null
    this.buckets = o.buckets ?? 2000
    this.lookupLimit = o.lookups ?? 16
    this.memoryLimit = o.memory ?? 256
  }

  on<K extends keyof Events>(event: K, cb: Events[K]): () => void {
    this.listeners[event].add(cb)
    return () => this.listeners[event].delete(cb)
  }

  /** Queues recordings in the background tier; ones already known keep their state. */
  add(targets: PeaksTarget[]): void {
    for (const target of targets) {
      const known = this.tasks.get(target.id)
      if (known && known.state !== 'cancelled') continue
      const task: Task = { target, key: null, state: 'new', result: null, abort: null, waiters: [], fromCache: false }
      this.tasks.set(target.id, task)
      this.live++
      this.fresh.push(task)
    }
    this.pump()
  }

  /** The recording the person is looking at; null for none. Started at once, whatever else runs. */
  select(id: string | null): void {
    this.selected = id
    const task = id === null ? undefined : this.tasks.get(id)
    if (task?.state === 'new') this.lookup(task)
    else if (task?.state === 'queued') this.decode(task, true)
    this.pump()
  }

  /** The recordings on screen, in the order they should be done. */
  setVisible(ids: string[]): void {
    this.visible = ids
    this.pump()
  }

  /** The result once there is one; call select() first to have it now rather than in turn. */
  get(id: string): Promise<PeaksResult> {
    const task = this.tasks.get(id)
    if (!task || task.state === 'cancelled') return Promise.reject(new Error(`No peaks were asked for recording ${id}.`))
    const known = this.current(id, task)
    if (known) return Promise.resolve(known)
    if (task.state === 'done') this.requeue(task)
    return new Promise((resolve, reject) => task.waiters.push({ resolve, reject }))
  }

  /** Peaks already made (memory, else the disk cache) without queueing anything: for the list's small waveforms. */
  async peek(id: string): Promise<Peaks | null> {
    const task = this.tasks.get(id)
    if (!task || task.state !== 'done' || task.result) return null
    const kept = this.memory.get(id)
    if (kept) return kept
    const hit = this.cache ? await this.cache.get(this.keyOf(task)).catch(() => null) : null
    return hit?.status === 'ready' ? hit.peaks : null
  }

  /** Stops the given recordings (all when none are given); a later add() queues them again. */
  cancel(ids?: string[]): void {
    for (const id of ids ?? [...this.tasks.keys()]) {
      const task = this.tasks.get(id)
      if (!task || task.state === 'done' || task.state === 'cancelled') continue
      task.state = 'cancelled'
      this.live--
      task.abort?.abort()
      for (const w of task.waiters.splice(0)) w.reject(cancelled())
    }
    this.progress(true)
  }

  /** Peaks the renderer computed for a recording Node cannot decode; checked, cached, announced. */
  async storeRendererPeaks(id: string, payload: unknown): Promise<PeaksResult> {
    const task = this.tasks.get(id)
    if (task?.result?.status !== 'needsRendererDecode') return { status: 'error', error: 'peaks from the renderer are only taken for a recording that asked for them' }
    const checked = validateRendererPeaks(task.result.probe, payload)
    if ('error' in checked) return { status: 'error', error: checked.error }
    await this.cache?.put(this.keyOf(task), { status: 'ready', peaks: checked })
    task.result = null
    this.remember(id, checked)
    const result: PeaksResult = { status: 'ready', peaks: checked }
    this.emit(id, result)
    return result
  }

  progressNow(): PeaksProgress {
    return { total: this.live, ...this.counts, running: this.decodes }
  }

  private keyOf(task: Task): PeaksKey {
    return (task.key ??= peaksKey(task.target.archive, task.target.entry, this.buckets))
  }

  private current(id: string, task: Task): PeaksResult | null {
    if (task.state !== 'done') return null
    if (task.result) return task.result
    const peaks = this.memory.get(id)
    return peaks ? { status: 'ready', peaks } : null
  }

  /** A done recording whose peaks left memory: the cache has them, so this is one read. */
  private requeue(task: Task): void {
    task.state = 'new'
    this.counts.done--
    if (task.fromCache) this.counts.fromCache--
    this.fresh.push(task)
    this.pump()
  }

  private remember(id: string, peaks: Peaks): void {
    this.memory.delete(id)
    this.memory.set(id, peaks)
    if (this.memory.size > this.memoryLimit) this.memory.delete(this.memory.keys().next().value!)
  }

  private next(state: 'new' | 'queued'): Task | null {
    const ok = (t: Task | undefined): t is Task => t !== undefined && t.state === state
    const sel = this.selected === null ? undefined : this.tasks.get(this.selected)
    if (ok(sel)) return sel
    for (const id of this.visible) {
      const t = this.tasks.get(id)
      if (ok(t)) return t
    }
    const list = state === 'new' ? this.fresh : this.waiting
    let head = state === 'new' ? this.freshHead : this.waitingHead
    while (head < list.length && !ok(list[head])) head++
    if (head > 4096 && head * 2 > list.length) {
      list.splice(0, head)
      head = 0
    }
    if (state === 'new') this.freshHead = head
    else this.waitingHead = head
    return ok(list[head]) ? list[head]! : null
  }

  private pump(): void {
    for (let t = this.next('new'); t && this.lookups < this.lookupLimit; t = this.next('new')) this.lookup(t)
    for (let t = this.next('queued'); t && this.decodes < this.pool.capacity; t = this.next('queued')) this.decode(t, false)
  }

  private lookup(task: Task): void {
    task.state = 'lookup'
    this.lookups++
    void (async () => {
      const hit = this.cache ? await this.cache.get(this.keyOf(task)).catch(() => null) : null
      this.lookups--
      if (task.state !== 'lookup') return this.pump()
      if (hit) {
        task.fromCache = true
        this.finish(task, hit)
      } else {
        task.state = 'queued'
        this.waiting.push(task)
        if (this.selected === task.target.id) this.decode(task, true)
      }
      this.pump()
    })()
  }

  private decode(task: Task, urgent: boolean): void {
    task.state = 'decoding'
    task.abort = new AbortController()
    this.decodes++
    const { archive, entry } = task.target
    void (async () => {
      let result: PeaksResult
      let cacheable = false
      try {
        const outcome = await this.pool.run({
          size: entry.info.size,
          buckets: this.buckets,
          open: async () => archive.openEntry(entry),
          signal: task.abort!.signal,
          urgent
        })
        result = await this.toResult(task, outcome)
        cacheable = outcome.status !== 'needsRendererDecode'
      } catch (err) {
        if (task.state === 'cancelled') return
        // The archive would not give the bytes (CRC, limits, a damaged entry), or a decoder died.
        result = { status: 'error', ...failure(err instanceof Error ? err.message : String(err)) }
      } finally {
        this.decodes--
        task.abort = null
        this.pump()
      }
      if (task.state !== 'decoding') return
      if (cacheable && this.cache) await this.cache.put(this.keyOf(task), result.status === 'ready' ? result : { status: 'error', error: (result as { error: string }).error }).catch(() => undefined)
      this.finish(task, result)
    })()
  }

  private async toResult(task: Task, o: JobOutcome): Promise<PeaksResult> {
    if (o.status === 'ready') return { status: 'ready', peaks: { codec: o.codec, sampleRate: o.sampleRate, channels: o.channels, duration: o.duration, min: o.min, max: o.max } }
    if (o.status === 'error') return { status: 'error', ...failure(o.error) }
    const p = await probe(entryReader(task.target.archive, task.target.entry))
    return 'error' in p ? { status: 'error', ...failure(p.error) } : { status: 'needsRendererDecode', probe: p }
  }

  private finish(task: Task, result: PeaksResult): void {
    task.state = 'done'
    const id = task.target.id
    if (result.status === 'ready') {
      task.result = null
      this.remember(id, result.peaks)
    } else task.result = result
    this.counts.done++
    if (result.status === 'error') this.counts.failed++
    if (task.fromCache) this.counts.fromCache++
    for (const w of task.waiters.splice(0)) w.resolve(result)
    this.emit(id, result)
    this.progress(false)
  }

  private emit(id: string, result: PeaksResult): void {
    for (const cb of this.listeners.result) cb(id, result)
  }

  /** At most ten progress reports a second, and always the last one. */
  private progress(force: boolean): void {
    const now = Date.now()
    const p = this.progressNow()
    const last = p.done === p.total
    if (!force && !last && now - this.lastProgress < 100) {
      this.progressTimer ??= setTimeout(() => {
        this.progressTimer = null
        this.progress(true)
      }, 100)
      this.progressTimer.unref()
      return
    }
    this.lastProgress = now
    for (const cb of this.listeners.progress) cb(p)
  }

  /**
   * Stops everything queued or running and forgets every task; the pool is the caller's and stays
   * open. Lookups and decodes still in flight hold the scheduler a moment longer: without its tasks
   * it no longer holds every recording's archive entry.
   */
  close(): void {
    this.cancel()
    if (this.progressTimer) clearTimeout(this.progressTimer)
    this.tasks.clear()
    this.memory.clear()
    this.fresh = []
    this.waiting = []
    this.freshHead = this.waitingHead = 0
    this.visible = []
    this.selected = null
    this.live = 0
  }
}
