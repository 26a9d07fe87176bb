// The one place in core that assembles the pipeline (open → read → analyse) and holds what an open export owns.
export { openSession, type Session, type SessionEvents, type SessionOptions, type SessionPhase, type SessionProgress } from './session'
export { createJobs, type Job, type JobCounts, type Jobs } from './jobs'
export { NO_LIFECYCLE, type ArchiveLifecycle, type OpenedExport } from './lifecycle'
export { warmUp } from './warm'
