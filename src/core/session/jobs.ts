import type { EventPayload } from '../../shared/ipc/events'

type Phase = EventPayload<'archive.progress'>['phase']
export interface JobCounts {
  entries: number
  bytes: number
  totalBytes: number
}

export interface Job {
  readonly id: string
  readonly signal: AbortSignal
  /** Reports progress; at most one event per `intervalMs`, except 'done', which always goes out. */
  progress(phase: Phase, counts?: JobCounts): void
  /** The job is over (done, failed or cancelled): its id may be used again. */
  end(): void
}

/**
 * The jobs an open export runs (opening, re-reading), each with one cancel and one progress
 * throttle, so every caller reports progress alike and `cancelJob` finds any of them.
 */
export function createJobs(emit: (progress: EventPayload<'archive.progress'>) => void, intervalMs = 100) {
  const running = new Map<string, AbortController>()
  return {
    start(id: string): Job {
      const controller = new AbortController()
      running.get(id)?.abort()
      running.set(id, controller)
      let last = -Infinity
      let counts: JobCounts = { entries: 0, bytes: 0, totalBytes: 0 }
      return {
        id,
        signal: controller.signal,
        progress(phase, next) {
          if (next) counts = next
          const now = Date.now()
          if (phase !== 'done' && now - last < intervalMs) return
          last = now
          emit({ jobId: id, phase, ...counts })
        },
        end() {
          if (running.get(id) === controller) running.delete(id)
        }
      }
    },
    /** True when a job of that id was running (it stops at its next check). */
    cancel(id: string): boolean {
      const job = running.get(id)
      job?.abort()
      return Boolean(job)
    },
    cancelAll(): void {
      for (const job of running.values()) job.abort()
    }
  }
}

export type Jobs = ReturnType<typeof createJobs>
