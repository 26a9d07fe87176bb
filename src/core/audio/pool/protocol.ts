import type { JobOutcome } from '../peaks/job'

/** Messages between the pool (main thread) and a peaks worker. Types only: both sides import this. */
export type ToWorker =
  | { type: 'start'; job: number; size: number; buckets: number; voice?: boolean }
  | { type: 'chunk'; job: number; bytes: Uint8Array }
  | { type: 'end'; job: number }
  | { type: 'cancel'; job: number }

export type FromWorker =
  | { type: 'ack'; job: number }
  | { type: 'done'; job: number; outcome: JobOutcome }
