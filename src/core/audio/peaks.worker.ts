/**
 * A peaks worker thread: many jobs at once, each fed its bytes in order by the pool. Messages of one
 * job are handled one after another; jobs interleave, so a long recording never holds up a short one.
 */
import { parentPort } from 'node:worker_threads'
import { spectralEmbedder } from '../voices/spectral'
import { PeaksJob, type JobOutcome } from './peaks/job'
import type { FromWorker, ToWorker } from './pool/protocol'

interface Running {
  job: PeaksJob
  /** The tail of this job's work so far; each message waits for the one before. */
  chain: Promise<unknown>
  finished: boolean
}

const port = parentPort!
const running = new Map<number, Running>()

const send = (m: FromWorker): void => {
  if (m.type === 'done' && m.outcome.status === 'ready') {
    const voice = m.outcome.voice ? [m.outcome.voice.buffer] : []
    port.postMessage(m, [m.outcome.min.buffer, m.outcome.max.buffer, ...voice] as ArrayBuffer[])
  }
  else port.postMessage(m)
}

const finish = (id: number, r: Running, outcome: JobOutcome): void => {
  if (r.finished) return
  r.finished = true
  running.delete(id)
  send({ type: 'done', job: id, outcome })
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'start') {
    running.set(m.job, { job: new PeaksJob(m.size, m.buckets, m.voice ? spectralEmbedder : null), chain: Promise.resolve(), finished: false })
    return
  }
  const r = running.get(m.job)
  if (!r) return
  if (m.type === 'cancel') {
    r.finished = true
    running.delete(m.job)
    void r.chain.then(() => r.job.abandon())
    return
  }
  r.chain = r.chain.then(async () => {
    if (r.finished) return
    if (m.type === 'chunk') {
      const early = await r.job.push(m.bytes)
      if (early) finish(m.job, r, early)
      else send({ type: 'ack', job: m.job })
    } else finish(m.job, r, await r.job.end())
  })
})
