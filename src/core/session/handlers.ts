import { basename } from 'node:path'
import type { Handlers } from '../../shared/ipc/dispatch'
import { CallError } from '../../shared/ipc/result'
import type { ArchiveSummary } from '../../shared/model/archive'
import { summarizeRecording } from '../../shared/model/export'
import type { ExportReading, Recording } from '../../shared/model/recording'
import type { Platform } from '../platform'
import { saveMapping } from '../providers/saved-mappings'
import { createJobs } from './jobs'
import { openSession, type Session } from './session'
import { exportSha256 } from '../archive/combined-sha256'
import { ArchiveOpenError, hashArchive } from '../archive'
import { NO_LIFECYCLE, type ArchiveLifecycle } from './lifecycle'
import { kindOf, type ArchiveEntry, type OpenedArchive } from '../archive/types'
import { plainRecording } from '../providers/csv/recording-columns'

type ArchiveHandlers = Pick<Handlers, 'cancelJob' | 'listEntries' | 'listRecordings' | 'recordingDetail' | 'saveColumnMapping' | 'closeArchive'>

// Per reading (a re-read with a column mapping makes a new one), built on the first detail asked for.
const recordingIndex = new WeakMap<ExportReading, Map<string, Recording>>()
function byId(reading: ExportReading): Map<string, Recording> {
  let index = recordingIndex.get(reading)
  if (!index) {
    index = new Map(reading.recordings.map((r) => [r.id, r]))
    recordingIndex.set(reading, index)
  }
  return index
}

/**
 * Background work of an open export waits for the first screen: at 100,000 recordings it otherwise
 * takes the CPU and the event loop from the open answer, the first page and the first paint (audio's
 * set-up alone, mapping and queueing every recording, held the loop ~1 s on a busy machine). The
 * SHA-256 starts once the first page of the list is answered; audio's work when the renderer first
 * asks for audio (the Length column asks once the first page is shown) or, for a host that never
 * does, this long after the open answer (lifecycle.shown).
 */
export const BACKGROUND_AFTER_MS = 3000

interface Slot {
  session: Session
  hashing: AbortController
  /** Starts the hash once. */
  hash: () => void
  /** Starts all background work once (the hash and lifecycle.shown); clears the timer. */
  background: () => void
}

/** The exports this window has open, as sessions by opaque id: the renderer never names a file to read. */
export function createArchiveHandlers(platform: Platform, lifecycle: ArchiveLifecycle = NO_LIFECYCLE) {
  const open = new Map<string, Slot>()
  const jobs = createJobs((p) => platform.emit('archive.progress', p))
  // Opens not yet answered: dispose waits for them before it closes what is open, so an open that
  // finishes meanwhile (openSession checks the cancel after its analysis) is closed with the rest.
  const opening = new Set<Promise<unknown>>()

  const get = (archiveId: string): Session => {
    const slot = open.get(archiveId)
    if (!slot) throw new CallError('not-found', `No open archive has the id ${archiveId}; it may have been closed.`)
    return slot.session
  }

  /** A count, not a filtered copy of 100,000 entries, on the way to the first paint. */
  const countAudio = (entries: readonly ArchiveEntry[]) => {
    let n = 0
    for (const e of entries) if (kindOf(e) === 'audio') n++
    return n
  }

  const summarize = (s: Session): ArchiveSummary => {
    const a = s.archive
    const { recordings, ...reading } = s.reading
    return {
      archiveId: s.id,
      path: a.path,
      name: basename(a.path),
      format: a.format,
      bytes: a.bytes,
      entryCount: a.entries.length,
      audioCount: countAudio(a.entries),
      parts: a.parts.map((p) => ({ path: p.path, bytes: p.bytes })),
      fingerprint: a.fingerprint,
      problems: s.problems.length ? [...a.problems, ...s.problems] : a.problems,
      sha256: s.sha256,
      reading: { ...reading, recordingCount: recordings.length }
    }
  }

  const startHash = (s: Session, hashing: AbortController) => {
    if (s.archive.format === 'folder') return
    hashArchive(s.archive.parts.map((p) => p.path), { signal: hashing.signal })
      .then((hashes) => {
        // The same hash `exportscope scan` prints, so a case and a CLI report name the export alike.
        const sha256 = exportSha256(hashes.map((h) => h.sha256))
        s.hashed(sha256)
        lifecycle.hashed(s.id, sha256)
        platform.emit('archive.hashed', { archiveId: s.id, sha256, error: null })
      })
      .catch((err: unknown) => {
        if (hashing.signal.aborted) return
        platform.emit('archive.hashed', { archiveId: s.id, sha256: null, error: err instanceof Error ? err.message : String(err) })
      })
  }

  /** Opens a session (list, read with the saved mappings, restore the case, analyse); progress through the job's throttle. */
  const openAndRead = (path: string, jobId: string): Promise<ArchiveSummary> => {
    const answer = openOnce(path, jobId)
    const settled = answer.catch(() => undefined).finally(() => opening.delete(settled))
    opening.add(settled)
    return answer
  }

  const openOnce = async (path: string, jobId: string): Promise<ArchiveSummary> => {
    const job = jobs.start(jobId)
    let hooks = 0
    try {
      const session = await openSession(path, {
        signal: job.signal,
        savedMappingsHome: platform.home,
        onProgress: (p) => {
          if (p.open) job.progress(p.open.phase === 'done' ? 'listing' : p.open.phase, { entries: p.open.entries, bytes: p.open.bytes, totalBytes: p.open.totalBytes })
          else job.progress('providers')
        },
        // The review restores this export's case (and logs the opening) before it is analysed and shown.
        onRead: async (s) => {
          s.on('closed', () => lifecycle.closed(s.id))
          const t = performance.now()
          try {
            return await lifecycle.opened(s.id, s)
          } finally {
            hooks = Math.round(performance.now() - t)
          }
        }
      })
      job.progress('done', { entries: session.archive.entries.length, bytes: session.archive.bytes, totalBytes: session.archive.bytes })
      const hashing = new AbortController()
      const isOpen = () => open.get(session.id)?.session === session
      let hashStarted = false
      let shown = false
      const hash = () => {
        if (hashStarted || !isOpen()) return
        hashStarted = true
        startHash(session, hashing)
      }
      const timer = setTimeout(() => background(), BACKGROUND_AFTER_MS)
      timer.unref?.()
      const background = () => {
        clearTimeout(timer)
        hash()
        if (shown || !isOpen()) return
        shown = true
        lifecycle.shown?.(session.id)
      }
      open.set(session.id, { session, hashing, hash, background })
      const t = performance.now()
      const summary = summarize(session)
      const { open: listed, read, analyze } = session.timings
      return { ...summary, timings: { open: listed, read, hooks, analyze, answer: Math.round(performance.now() - t) } }
    } catch (err) {
      if (job.signal.aborted) throw new CallError('cancelled', 'Opening the export was cancelled.')
      if (err instanceof ArchiveOpenError) throw new CallError('cannot-open', err.message)
      throw err
    } finally {
      job.end()
    }
  }

  const handlers: ArchiveHandlers = {
    async cancelJob({ jobId }) {
      return { cancelled: jobs.cancel(jobId) }
    },
    async listEntries({ archiveId, offset, limit }) {
      const { archive } = get(archiveId)
      return {
        total: archive.entries.length,
        offset,
        entries: archive.entries.slice(offset, offset + limit).map((e) => e.info)
      }
    },
    async listRecordings({ archiveId, offset, limit }) {
      const { reading } = get(archiveId)
      const page = { total: reading.recordings.length, offset, recordings: reading.recordings.slice(offset, offset + limit).map(summarizeRecording) }
      // The first page is on its way to the screen: the hash starts right after this answer.
      if (offset === 0) setImmediate(() => open.get(archiveId)?.hash())
      return page
    },
    async recordingDetail({ archiveId, recordingId }) {
      const { reading } = get(archiveId)
      const recording = byId(reading).get(recordingId)
      if (!recording) throw new CallError('not-found', `The export has no recording with the id ${recordingId}.`)
      // (A CSV row's fields are made when read: the answer carries them as plain data.)
      return plainRecording(recording)
    },
    async saveColumnMapping({ archiveId, mapping }) {
      const session = get(archiveId)
      await saveMapping(platform.home, mapping)
      await session.reread()
      return summarize(session)
    },
    async closeArchive({ archiveId }) {
      const slot = open.get(archiveId)
      if (!slot) return { closed: false }
      open.delete(archiveId)
      slot.background() // only clears its timer: the export is no longer open
      slot.hashing.abort()
      await slot.session.close()
      return { closed: true }
    }
  }

  const dispose = async () => {
    jobs.cancelAll()
    await Promise.all(opening)
    await Promise.all([...open.keys()].map((id) => handlers.closeArchive({ archiveId: id })))
  }
  /** For the complaint: the open archive itself (to hash and copy entries), its reading and its SHA-256 once known. */
  const openedOf = (archiveId: string): { archive: OpenedArchive; reading: ExportReading; sha256: string | null } => {
    const { archive, reading, sha256 } = get(archiveId)
    return { archive, reading, sha256 }
  }
  return { handlers, openAndRead, dispose, openedOf, sessionOf: get, readingOf: (archiveId: string) => get(archiveId).reading }
}
