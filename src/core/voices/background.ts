import type { OpenedArchive } from '../archive'
import type { ArchiveLifecycle } from '../session/lifecycle'
import { PeaksCache } from '../audio/cache'
import type { PeaksPool } from '../audio/pool/pool'
import type { ExportReading } from '../../shared/model/recording'
import { analyseVoices } from './analyse'
import { VoiceCache } from './cache'
import type { VoiceGroups } from './groups'
import { spectralEmbedder } from './spectral'

/** The buckets the app's waveform scheduler asks for (PeaksScheduler's default), so its cache hits. */
const PEAKS_BUCKETS = 2000
/** Progress is told at most this often; the end (ready or failed) always. */
const PROGRESS_MS = 250

export interface VoiceJob {
  status: 'working' | 'ready' | 'failed'
  done: number
  total: number
  groups: VoiceGroups | null
  error: string | null
}

interface Running extends VoiceJob {
  reading: ExportReading
  abort: AbortController
}

/**
 * The voices of each open export for the app: started the first time the Voices panel asks (never
 * at open, so an export nobody looks at by voice costs nothing), in the background on a pool of its
 * own with one worker, so the waveforms the person looks at keep the rest. Vectors are cached
 * beside the peaks; a close or a re-read stops the work. The review reads `groupsOf`, and its
 * analysis is keyed on the groups it was made with, so new groups mean a new analysis. `changed`
 * hears the progress (throttled) and the end, so the app is told rather than asking again.
 */
export function createVoiceJobs(o: {
  home: string
  openedOf: (archiveId: string) => { archive: OpenedArchive; reading: ExportReading }
  newPool: () => PeaksPool
  changed?: (archiveId: string, job: VoiceJob) => void
}) {
  const jobs = new Map<string, Running>()
  const cache = VoiceCache.inHome(o.home, spectralEmbedder)
  // The decode that makes a voice vector makes the waveform too: kept where the waveforms look first.
  const peaks = PeaksCache.inHome(o.home)
  let pool: PeaksPool | null = null

  const start = (archiveId: string): Running => {
    const { archive, reading } = o.openedOf(archiveId)
    const job: Running = { status: 'working', done: 0, total: reading.recordings.length, groups: null, error: null, reading, abort: new AbortController() }
    jobs.set(archiveId, job)
    pool ??= o.newPool()
    let told = 0
    const onProgress = (p: { done: number; total: number }) => {
      Object.assign(job, { done: p.done, total: p.total })
      const now = Date.now()
      if (now - told < PROGRESS_MS || jobs.get(archiveId) !== job) return
      told = now
      o.changed?.(archiveId, job)
    }
    analyseVoices(archive, reading, { pool, cache, peaks, buckets: PEAKS_BUCKETS, signal: job.abort.signal, onProgress })
      .then((groups) => {
        if (jobs.get(archiveId) !== job) return
        Object.assign(job, { status: 'ready', groups, done: job.total })
        o.changed?.(archiveId, job)
      })
      .catch((err: unknown) => {
        if (jobs.get(archiveId) !== job || job.abort.signal.aborted) return
        Object.assign(job, { status: 'failed', error: err instanceof Error ? err.message : String(err) })
        o.changed?.(archiveId, job)
      })
    return job
  }

  /** The job of an export, started now if it never was (or its reading changed since). */
  const ensure = (archiveId: string): VoiceJob => {
    const job = jobs.get(archiveId)
    if (job && job.reading === o.openedOf(archiveId).reading) return job
    job?.abort.abort()
    return start(archiveId)
  }

  const groupsOf = (archiveId: string): VoiceGroups | null => {
    const job = jobs.get(archiveId)
    return job && job.status === 'ready' && job.reading === o.openedOf(archiveId).reading ? job.groups : null
  }

  const lifecycle: ArchiveLifecycle = {
    opened: async () => [],
    hashed: () => undefined,
    async closed(archiveId) {
      jobs.get(archiveId)?.abort.abort()
      jobs.delete(archiveId)
    }
  }

  const dispose = async () => {
    for (const job of jobs.values()) job.abort.abort()
    jobs.clear()
    await pool?.close()
  }
  return { ensure, groupsOf, lifecycle, dispose }
}
