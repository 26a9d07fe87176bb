import { availableParallelism } from 'node:os'
import { Worker, type ResourceLimits } from 'node:worker_threads'
import type { JobOutcome } from '../peaks/job'
import type { FromWorker, ToWorker } from './protocol'
import { peaksWorkerSpec, type WorkerSpec } from './worker-path'

export interface PoolJob {
  size: number
  buckets: number
  /** Also compute the recording's voice vector in the same decode (see voices/). */
  voice?: boolean
  /** Opens the recording's bytes; called again if the job has to be retried on a fresh worker. */
  open(): Promise<AsyncIterable<Uint8Array> | Iterable<Uint8Array>>
  signal?: AbortSignal
  /** The recording the person is looking at: may take a worker beyond the pool's size. */
  urgent?: boolean
}

export interface PoolOptions {
  /** Worker threads; the machine's parallelism by default. */
  size?: number
  /** Jobs one worker takes at once; its I/O waits are then filled with another job's decoding. */
  perWorker?: number
  /** A job whose worker has not answered for this long is failed and its worker replaced. */
  stallMs?: number
  /** Workers with nothing to do end after this long, giving their memory back. */
  idleMs?: number
  spec?: WorkerSpec
  resourceLimits?: ResourceLimits
}

interface Active {
  id: number
  job: PoolJob
  resolve: (o: JobOutcome) => void
  reject: (e: unknown) => void
  lastHeard: number
  /** Chunks sent and not yet acknowledged. */
  unacked: number
  wake: (() => void) | null
  /** Waiting on the worker: chunks unacknowledged, or the end sent and the answer not yet back. */
  ended: boolean
  done: boolean
  retried: boolean
  /** Bumped on a retry, so the first attempt's reader stops sending. */
  attempt: number
}

interface Slot {
  worker: Worker
  active: Map<number, Active>
  extra: boolean
  idleTimer: NodeJS.Timeout | null
  /** Being replaced: takes no new jobs. */
  dead: boolean
}

const BATCH = 256 * 1024
const WINDOW = 2

const abortError = () => Object.assign(new Error('The peaks job was cancelled.'), { name: 'AbortError' })

/**
 * A pool of peaks workers sized to the machine. Bytes are read here (I/O only) and streamed to a
 * worker in batches with a small window of unacknowledged chunks, so memory stays bounded however
 * long a recording is; the worker decodes and answers with the peaks.
 */
export class PeaksPool {
  readonly size: number
  readonly perWorker: number
  private readonly stallMs: number
  private readonly idleMs: number
  private readonly spec: WorkerSpec
  private readonly limits: ResourceLimits | undefined
  private readonly slots = new Set<Slot>()
  private readonly queue: Active[] = []
  private nextId = 1
  private closed = false
  private readonly watchdog: NodeJS.Timeout
  /** Peak resident memory seen while jobs ran (sampled), for the bench. */
  peakRss = 0

  constructor(o: PoolOptions = {}) {
    this.size = Math.max(1, o.size ?? availableParallelism())
    this.perWorker = Math.max(1, o.perWorker ?? 2)
    this.stallMs = o.stallMs ?? 30_000
    this.idleMs = o.idleMs ?? 15_000
    this.spec = o.spec ?? peaksWorkerSpec()
    this.limits = o.resourceLimits
    this.watchdog = setInterval(() => this.checkStalls(), Math.min(1000, this.stallMs / 2))
    this.watchdog.unref()
  }

  /** Jobs the pool runs at once without queueing. */
  get capacity(): number {
    return this.size * this.perWorker
  }

  get running(): number {
    let n = 0
    for (const s of this.slots) n += s.active.size
    return n
  }

  run(job: PoolJob): Promise<JobOutcome> {
    if (this.closed) return Promise.reject(new Error('The peaks pool is closed.'))
    if (job.signal?.aborted) return Promise.reject(abortError())
    return new Promise((resolve, reject) => {
      const a: Active = { id: this.nextId++, job, resolve, reject, lastHeard: Date.now(), unacked: 0, wake: null, ended: false, done: false, retried: false, attempt: 0 }
      job.signal?.addEventListener('abort', () => this.cancel(a), { once: true })
      this.queue.push(a)
      this.dispatch()
    })
  }

  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.watchdog)
    for (const a of this.queue.splice(0)) a.reject(new Error('The peaks pool was closed.'))
    await Promise.all([...this.slots].map((s) => this.retire(s, new Error('The peaks pool was closed.'))))
  }

  private dispatch(): void {
    while (this.queue.length) {
      const a = this.queue[0]!
      const slot = this.freeSlot(a.job.urgent === true)
      if (!slot) return
      this.queue.shift()
      this.start(slot, a)
    }
  }

  private freeSlot(urgent: boolean): Slot | null {
    let best: Slot | null = null
    for (const s of this.slots) if (!s.dead && s.active.size < this.perWorker && (!best || s.active.size < best.active.size)) best = s
    const regular = [...this.slots].filter((s) => !s.extra && !s.dead).length
    if (best && best.active.size === 0) return best
    if (regular < this.size) return this.spawn(false)
    if (best) return best
    // The selected recording must not wait behind slow decodes: one extra worker, retired when idle.
    if (urgent && ![...this.slots].some((s) => s.extra)) return this.spawn(true)
    return null
  }

  private spawn(extra: boolean): Slot {
    const worker = new Worker(this.spec.filename, { eval: this.spec.eval, resourceLimits: this.limits })
    const slot: Slot = { worker, active: new Map(), extra, idleTimer: null, dead: false }
    worker.on('message', (m: FromWorker) => this.onMessage(slot, m))
    worker.on('error', (err) => void this.retire(slot, err))
    worker.on('exit', () => {
      if (this.slots.has(slot)) void this.retire(slot, new Error('the decoder stopped unexpectedly'))
    })
    this.slots.add(slot)
    return slot
  }

  private start(slot: Slot, a: Active): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.idleTimer = null
    slot.active.set(a.id, a)
    a.lastHeard = Date.now()
    this.post(slot, { type: 'start', job: a.id, size: a.job.size, buckets: a.job.buckets, voice: a.job.voice })
    const attempt = ++a.attempt
    void this.pump(slot, a, attempt).catch((err) => {
      if (a.attempt === attempt) this.settle(slot, a, null, err)
    })
  }

  private post(slot: Slot, m: ToWorker): void {
    if (m.type === 'chunk') slot.worker.postMessage(m, [m.bytes.buffer as ArrayBuffer])
    else slot.worker.postMessage(m)
  }

  /** Reads the recording and sends it on, at most WINDOW batches ahead of the worker. */
  private async pump(slot: Slot, a: Active, attempt: number): Promise<void> {
    const stale = () => a.done || a.attempt !== attempt
    const source = await a.job.open()
    let batch: Uint8Array[] = []
    let batched = 0
    const flush = async () => {
      if (!batched) return
      const bytes = new Uint8Array(batched)
      let at = 0
      for (const b of batch) {
        bytes.set(b, at)
        at += b.length
      }
      batch = []
      batched = 0
      while (a.unacked >= WINDOW && !stale()) await new Promise<void>((r) => (a.wake = r))
      if (stale()) return
      a.unacked++
      this.post(slot, { type: 'chunk', job: a.id, bytes })
    }
    for await (const chunk of source) {
      if (stale()) return
      batch.push(chunk)
      batched += chunk.length
      if (batched < BATCH) continue
      await flush()
      // (Done while it waited: no further byte is read.)
      if (stale()) return
    }
    await flush()
    if (stale()) return
    a.ended = true
    a.lastHeard = Date.now()
    this.post(slot, { type: 'end', job: a.id })
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const a = slot.active.get(m.job)
    if (!a) return
    a.lastHeard = Date.now()
    if (m.type === 'ack') {
      a.unacked--
      a.wake?.()
      a.wake = null
      return
    }
    this.settle(slot, a, m.outcome, null)
  }

  private settle(slot: Slot, a: Active, outcome: JobOutcome | null, err: unknown): void {
    if (a.done) return
    a.done = true
    a.wake?.()
    slot.active.delete(a.id)
    if (outcome) a.resolve(outcome)
    else {
      this.post(slot, { type: 'cancel', job: a.id })
      a.reject(err)
    }
    this.sampleRss()
    if (slot.active.size === 0) this.idle(slot)
    this.dispatch()
  }

  private cancel(a: Active): void {
    const queued = this.queue.indexOf(a)
    if (queued >= 0) {
      this.queue.splice(queued, 1)
      a.reject(abortError())
      return
    }
    for (const s of this.slots) if (s.active.get(a.id) === a) this.settle(s, a, null, abortError())
  }

  private idle(slot: Slot): void {
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    slot.idleTimer = setTimeout(() => void this.retire(slot, null), slot.extra ? Math.min(this.idleMs, 2000) : this.idleMs)
    slot.idleTimer.unref()
  }

  /** Ends a worker. Jobs still on it are retried once on another worker, unless it failed them itself. */
  private async retire(slot: Slot, err: unknown): Promise<void> {
    if (!this.slots.delete(slot)) return
    if (slot.idleTimer) clearTimeout(slot.idleTimer)
    for (const a of slot.active.values()) {
      slot.active.delete(a.id)
      if (this.closed || a.retried || a.done) {
        a.done = true
        // A reading waiting for room in its window must wake to see it is done and end its source:
        // left waiting, a folder export's file handle went to the garbage collector.
        a.wake?.()
        a.reject(err ?? new Error('the decoder stopped'))
      } else {
        a.retried = true
        a.unacked = 0
        a.ended = false
        a.wake?.()
        this.queue.unshift(a)
      }
    }
    await slot.worker.terminate()
    if (!this.closed) this.dispatch()
  }

  private checkStalls(): void {
    if (this.running) this.sampleRss()
    const now = Date.now()
    for (const s of this.slots) {
      for (const a of s.active.values()) {
        if ((a.unacked === 0 && !a.ended) || now - a.lastHeard < this.stallMs) continue
        // A decoder stuck in a loop cannot be interrupted from outside but by ending its thread.
        s.dead = true
        this.settle(s, a, { status: 'error', error: `decoding did not finish within ${this.stallMs >= 1000 ? `${Math.round(this.stallMs / 1000)} s` : `${this.stallMs} ms`}` }, null)
        void this.retire(s, new Error('a decoder stalled'))
      }
    }
  }

  private sampleRss(): void {
    const rss = process.memoryUsage.rss()
    if (rss > this.peakRss) this.peakRss = rss
  }
}
