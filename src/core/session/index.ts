export { openSession, type Session, type SessionEvents, type SessionOptions, type SessionPhase, type SessionProgress } from './session'
export { createJobs, type Job, type JobCounts, type Jobs } from './jobs'
