import { basename } from 'node:path'
import { randomBytes } from 'node:crypto'
import type { Handlers } from '../../shared/ipc/dispatch'
import { CallError } from '../../shared/ipc/result'
import type { ArchiveSummary } from '../../shared/model/archive'
import { summarizeRecording } from '../../shared/model/export'
import type { ExportReading, Recording } from '../../shared/model/recording'
import type { Platform } from '../platform'
import { readExport } from '../providers'
import { loadSavedMappings, saveMapping } from '../providers/saved-mappings'
import { exportSha256 } from './combined-sha256'
import { ArchiveOpenError, hashArchive, openArchive } from './index'
import { NO_LIFECYCLE, type ArchiveLifecycle } from './lifecycle'
import type { OpenedArchive } from './types'

type ArchiveHandlers = Pick<Handlers, 'openArchive' | 'cancelJob' | 'listEntries' | 'listRecordings' | 'recordingDetail' | 'saveColumnMapping' | 'closeArchive'>

interface OpenSlot {
  archive: OpenedArchive
  reading: ExportReading
  sha256: string | null
  hashing: AbortController
}

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

/** The archives this window has open, by opaque id: the renderer never names a file to read. */
export function createArchiveHandlers(platform: Platform, lifecycle: ArchiveLifecycle = NO_LIFECYCLE) {
  const open = new Map<string, OpenSlot>()
  const jobs = new Map<string, AbortController>()

  const get = (archiveId: string): OpenSlot => {
    const slot = open.get(archiveId)
    if (!slot) throw new CallError('not-found', `No open archive has the id ${archiveId}; it may have been closed.`)
    return slot
  }

  const summarize = (id: string, slot: OpenSlot): ArchiveSummary => {
    const a = slot.archive
    const { recordings, ...reading } = slot.reading
    return {
      archiveId: id,
      path: a.path,
      name: basename(a.path),
      format: a.format,
      bytes: a.bytes,
      entryCount: a.entries.length,
      audioCount: a.entries.filter((e) => e.info.kind === 'audio').length,
      parts: a.parts.map((p) => ({ path: p.path, bytes: p.bytes })),
      fingerprint: a.fingerprint,
      problems: a.problems,
      sha256: slot.sha256,
      reading: { ...reading, recordingCount: recordings.length }
    }
  }

  const startHash = (id: string, slot: OpenSlot) => {
    if (slot.archive.format === 'folder') return
    hashArchive(slot.archive.parts.map((p) => p.path), { signal: slot.hashing.signal })
      .then((hashes) => {
        // The same hash `exportscope scan` prints, so a case and a CLI report name the export alike.
        slot.sha256 = exportSha256(hashes.map((h) => h.sha256))
        lifecycle.hashed(id, slot.sha256)
        platform.emit('archive.hashed', { archiveId: id, sha256: slot.sha256, error: null })
      })
      .catch((err: unknown) => {
        if (slot.hashing.signal.aborted) return
        platform.emit('archive.hashed', { archiveId: id, sha256: null, error: err instanceof Error ? err.message : String(err) })
      })
  }

  const readWithSavedMappings = async (archive: OpenedArchive, signal?: AbortSignal, onProgress?: () => void): Promise<ExportReading> => {
    const saved = await loadSavedMappings(platform.home)
    const reading = await readExport(archive, { signal, onProgress, mappings: saved.mappings })
    if (saved.problem) reading.problems.push({ kind: 'mappings', path: null, message: saved.problem, provider: null, line: null })
    return reading
  }

  /** Lists the archive, then lets the providers read it; progress is throttled to ten events a second. */
  const openAndRead = async (path: string, jobId: string): Promise<ArchiveSummary> => {
    const controller = new AbortController()
    jobs.set(jobId, controller)
    let lastEmit = 0
    let totals = { entries: 0, bytes: 0, totalBytes: 0 }
    const progress = (phase: 'listing' | 'nested' | 'parts' | 'providers' | 'done', counts = totals) => {
      const now = Date.now()
      if (phase !== 'done' && now - lastEmit < 100) return
      lastEmit = now
      platform.emit('archive.progress', { jobId, phase, ...counts })
    }
    let archive: OpenedArchive | null = null
    try {
      archive = await openArchive(path, {
        signal: controller.signal,
        onProgress: (p) => {
          totals = { entries: p.entries, bytes: p.bytes, totalBytes: p.totalBytes }
          if (p.phase !== 'done') progress(p.phase)
        }
      })
      totals = { entries: archive.entries.length, bytes: archive.bytes, totalBytes: archive.bytes }
      const reading = await readWithSavedMappings(archive, controller.signal, () => progress('providers'))
      progress('done')
      const id = `a${randomBytes(8).toString('hex')}`
      const slot: OpenSlot = { archive, reading, sha256: null, hashing: new AbortController() }
      open.set(id, slot)
      // The review restores this export's case (and logs the opening) before the person sees it.
      const caseProblems = await lifecycle.opened(id, slot)
      startHash(id, slot)
      const summary = summarize(id, slot)
      return caseProblems.length ? { ...summary, problems: [...summary.problems, ...caseProblems] } : summary
    } catch (err) {
      await archive?.close().catch(() => undefined)
      if (controller.signal.aborted) throw new CallError('cancelled', 'Opening the export was cancelled.')
      if (err instanceof ArchiveOpenError) throw new CallError('cannot-open', err.message)
      throw err
    } finally {
      jobs.delete(jobId)
    }
  }

  const handlers: ArchiveHandlers = {
    openArchive: ({ path, jobId }) => openAndRead(path, jobId),
    async cancelJob({ jobId }) {
      const job = jobs.get(jobId)
      job?.abort()
      return { cancelled: Boolean(job) }
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
      return { total: reading.recordings.length, offset, recordings: reading.recordings.slice(offset, offset + limit).map(summarizeRecording) }
    },
    async recordingDetail({ archiveId, recordingId }) {
      const { reading } = get(archiveId)
      const recording = byId(reading).get(recordingId)
      if (!recording) throw new CallError('not-found', `The export has no recording with the id ${recordingId}.`)
      return recording
    },
    async saveColumnMapping({ archiveId, mapping }) {
      const slot = get(archiveId)
      await saveMapping(platform.home, mapping)
      slot.reading = await readWithSavedMappings(slot.archive)
      return summarize(archiveId, slot)
    },
    async closeArchive({ archiveId }) {
      const slot = open.get(archiveId)
      if (!slot) return { closed: false }
      open.delete(archiveId)
      slot.hashing.abort()
      await lifecycle.closed(archiveId)
      await slot.archive.close()
      return { closed: true }
    }
  }

  const dispose = async () => {
    for (const job of jobs.values()) job.abort()
    await Promise.all([...open.keys()].map((id) => handlers.closeArchive({ archiveId: id })))
  }
  /** For the complaint: the open archive itself (to hash and copy entries), its reading and its SHA-256 once known. */
  const openedOf = (archiveId: string): { archive: OpenedArchive; reading: ExportReading; sha256: string | null } => {
    const { archive, reading, sha256 } = get(archiveId)
    return { archive, reading, sha256 }
  }
  return { handlers, openAndRead, dispose, openedOf, readingOf: (archiveId: string) => get(archiveId).reading }
}
