import { randomBytes } from 'node:crypto'
import type { Handlers } from '../../shared/ipc/dispatch'
import { CallError } from '../../shared/ipc/result'
import type { RecordingAudio } from '../../shared/model/audio'
import type { ExportReading } from '../../shared/model/recording'
import type { ArchiveEntry, OpenedArchive } from '../archive'
import type { ArchiveLifecycle } from '../session/lifecycle'
import { AudioEntryIndex } from './entry-lookup'
import type { Platform } from '../platform'
import { PeaksCache } from './cache'
import { rowWave } from './row-wave'
import { failure } from './errors'
import { headerDurations } from './header-durations'
import { serveMedia, type MediaResponse } from './media'
import { peaksToJson } from './peaks/json'
import { PeaksPool, type PoolOptions } from './pool/pool'
import { probe } from './probe/index'
import { entryReader } from './reader'
import { PeaksScheduler, type PeaksTarget } from './scheduler'
import { inSlices } from './slices'
import type { AudioFailure, AudioProbe, PeaksResult } from './types'

/** Header lengths are announced in batches of this many (and once the pass ends). */
const DURATIONS_EVENT_EVERY = 500

type AudioHandlers = Pick<Handlers, 'recordingAudio' | 'audioDurations' | 'setAudioPriorities' | 'rowWaveforms' | 'storeRendererPeaks'>

/** Answers one media request by the token the services issued; null for a token they never issued (or one whose export is closed). */
export type MediaSource = (token: string, rangeHeader: string | null | undefined) => Promise<MediaResponse | null>

export interface AudioOptions {
  pool?: PoolOptions
  buckets?: number
  cacheBytes?: number
  /** Start every recording's peaks in the background when an export opens (on by default). */
  background?: boolean
}

interface OpenAudio {
  archive: OpenedArchive
  /** The reading the maps below were built from; a re-read (column mapping) replaces it. */
  reading: ExportReading | null
  /** Recording id → its audio entry; null when the recording names no audio the archive holds. */
  entries: Map<string, ArchiveEntry | null>
  /** Settles once `entries` holds the reading's recordings (or the mapping stopped: closed, re-read). */
  mapped: Promise<void>
  scheduler: PeaksScheduler
  probes: Map<string, Promise<AudioProbe | AudioFailure>>
  /** Recordings the renderer asked about while their peaks were pending: they get an `audio.peaks` event. */
  asked: Set<string>
  tokens: Map<string, string>
  /** Durations learnt from WAV headers or decoded audio, in the order learnt, so the renderer can ask for what is new. */
  durations: { ids: string[]; ms: number[]; known: Set<string> }
  off: Array<() => void>
}

/**
 * The audio calls: facts, peaks and a media URL per recording, background peaks that follow what
 * the person looks at, and the media answers for the host's scheme or loopback server. One pool
 * and one disk cache for the window; one scheduler per open export, stopped when it closes.
 */
export function createAudioHandlers(platform: Platform, readingOf: (archiveId: string) => ExportReading, o: AudioOptions = {}) {
  const open = new Map<string, OpenAudio>()
  const tokens = new Map<string, { archiveId: string; recordingId: string }>()
  let pool: PeaksPool | null = null
  let cache: PeaksCache | null = null

  const get = (archiveId: string): OpenAudio => {
    const a = open.get(archiveId)
    if (!a) throw new CallError('not-found', `No open archive has the id ${archiveId}; it may have been closed.`)
    sync(archiveId, a)
    return a
  }
  /** The export's audio once its recordings are mapped to entries (see sync). */
  const mapped = async (archiveId: string): Promise<OpenAudio> => {
    const a = get(archiveId)
    // A re-read (column mapping) meanwhile starts a new mapping and stops this one: wait for the newest.
    for (let p = a.mapped; ; p = a.mapped) {
      await p
      if (p === a.mapped) return a
    }
  }

  /**
   * Maps recordings to entries for the reading the archive has now, and queues any new ones: in
   * slices between turns of the event loop (see inSlices), as at 100,000 recordings this was one
   * block of ~0.5 s on the engine's thread. Calls that need the map wait for `a.mapped`.
   */
  const sync = (archiveId: string, a: OpenAudio) => {
    let reading: ExportReading
    try {
      reading = readingOf(archiveId)
    } catch {
      return
    }
    if (reading === a.reading) return
    a.reading = reading
    a.entries.clear()
    a.mapped = mapAndQueue(archiveId, a, reading).catch(() => undefined)
  }

  const mapAndQueue = async (archiveId: string, a: OpenAudio, reading: ExportReading) => {
    const stopped = () => open.get(archiveId) !== a || a.reading !== reading
    const index = new AudioEntryIndex(a.archive.entries)
    if (!(await inSlices(a.archive.entries.length, (from, to) => index.file(from, to), stopped))) return
    const recordings = reading.recordings
    const targets: PeaksTarget[] = []
    const mapped = await inSlices(
      recordings.length,
      (from, to) => {
        const first = targets.length
        for (let i = from; i < to; i++) {
          const r = recordings[i]!
          const entry = index.find(r)
          a.entries.set(r.id, entry)
          if (entry) targets.push({ id: r.id, archive: a.archive, entry })
        }
        // Queued slice by slice in list order: the first recordings' cache reads start at once.
        if (o.background !== false && targets.length > first) a.scheduler.add(targets.slice(first))
      },
      stopped
    )
    if (!mapped) return
    // Lengths from the headers, at once: the Length column need not wait for the decode.
    let told = 0
    const tell = () => {
      if (a.durations.ids.length > told && open.get(archiveId) === a) platform.emit('audio.durations', { archiveId, known: (told = a.durations.ids.length) })
    }
    void headerDurations(
      a.archive,
      targets,
      (id, entry) => probeOf(a, id, entry),
      (id, ms) => {
        learnt(a, id, ms)
        if (a.durations.ids.length - told >= DURATIONS_EVENT_EVERY) tell()
      },
      stopped
    ).then(tell, () => undefined)
  }

  const learnt = (a: OpenAudio, id: string, ms: number) => {
    if (a.durations.known.has(id)) return
    a.durations.known.add(id)
    a.durations.ids.push(id)
    a.durations.ms.push(ms)
  }

  const probeOf = (a: OpenAudio, id: string, entry: ArchiveEntry) => {
    let p = a.probes.get(id)
    if (!p) {
      p = probe(entryReader(a.archive, entry)).catch((err: unknown) => failure(err instanceof Error ? err.message : String(err)))
      a.probes.set(id, p)
    }
    return p
  }

  const mediaUrl = (archiveId: string, a: OpenAudio, recordingId: string): string | null => {
    if (!platform.mediaUrl) return null
    let token = a.tokens.get(recordingId)
    if (!token) {
      token = randomBytes(16).toString('hex')
      a.tokens.set(recordingId, token)
      tokens.set(token, { archiveId, recordingId })
    }
    return platform.mediaUrl(token)
  }

  const answer = (archiveId: string, a: OpenAudio, recordingId: string, facts: AudioProbe | AudioFailure, result: PeaksResult | null): RecordingAudio => {
    const probeFailed = 'error' in facts
    const base = { recordingId, facts: probeFailed ? null : facts, peaks: null, error: null, mediaUrl: null }
    if (probeFailed) return { ...base, status: 'error', error: failure(facts.error).error }
    if (result?.status === 'error') return { ...base, status: 'error', error: result.error }
    const url = mediaUrl(archiveId, a, recordingId)
    if (!result) return { ...base, status: 'pending', mediaUrl: url }
    if (result.status === 'needsRendererDecode') return { ...base, status: 'decode-here', mediaUrl: url }
    const { codec: _codec, ...peaks } = peaksToJson(result.peaks)
    return { ...base, status: 'ready', peaks, mediaUrl: url }
  }

  const ensurePool = () => {
    pool ??= new PeaksPool(o.pool)
    cache ??= PeaksCache.inHome(platform.home, { maxBytes: o.cacheBytes })
    return { pool, cache }
  }

  const lifecycle: ArchiveLifecycle = {
    async opened(archiveId, { archive }) {
      const { pool, cache } = ensurePool()
      // Peaks other windows or runs wrote since the last open count as hits (see PeaksCache).
      cache.relist()
      const scheduler = new PeaksScheduler({ pool, cache, buckets: o.buckets })
      const a: OpenAudio = { archive, reading: null, entries: new Map(), mapped: Promise.resolve(), scheduler, probes: new Map(), asked: new Set(), tokens: new Map(), durations: { ids: [], ms: [], known: new Set() }, off: [] }
      a.off.push(
        scheduler.on('progress', (p) => platform.emit('audio.progress', { archiveId, total: p.total, done: p.done, failed: p.failed, fromCache: p.fromCache })),
        scheduler.on('result', (recordingId, r) => {
          // Exports rarely state how long a recording is; the decoded samples say it.
          if (r.status === 'ready') learnt(a, recordingId, Math.round(r.peaks.duration * 1000))
          if (!a.asked.delete(recordingId)) return
          platform.emit('audio.peaks', { archiveId, recordingId, status: r.status === 'needsRendererDecode' ? 'decode-here' : r.status })
        })
      )
      open.set(archiveId, a)
      // Recordings are mapped to entries and queued once the list is shown (or on the first audio call, see get).
      return []
    },
    shown(archiveId) {
      const a = open.get(archiveId)
      if (a) sync(archiveId, a)
    },
    hashed() {},
    async closed(archiveId) {
      const a = open.get(archiveId)
      if (!a) return
      open.delete(archiveId)
      for (const off of a.off) off()
      a.scheduler.close()
      for (const token of a.tokens.values()) tokens.delete(token)
      // Reads still in flight (header lengths, cache lookups) hold this object for a moment after the
      // close: drop what it maps, so a closed 100,000-recording export is not kept alive into the next open.
      a.reading = null
      a.entries.clear()
      a.probes.clear()
      a.durations = { ids: [], ms: [], known: new Set() }
    }
  }

  const handlers: AudioHandlers = {
    async recordingAudio({ archiveId, recordingId, waitMs }) {
      const a = await mapped(archiveId)
      if (!a.entries.has(recordingId)) throw new CallError('not-found', `The export has no recording with the id ${recordingId}.`)
      const entry = a.entries.get(recordingId)
      if (!entry) return { recordingId, status: 'none', facts: null, peaks: null, error: null, mediaUrl: null }
      // The person is looking at it: it goes ahead of everything, and a request without background work still queues it.
      a.scheduler.add([{ id: recordingId, archive: a.archive, entry }])
      a.scheduler.select(recordingId)
      // Header and peaks at once: a cached waveform is one file read, the header a few KB of the entry.
      const pending = a.scheduler.get(recordingId)
      pending.catch(() => undefined)
      const facts = await probeOf(a, recordingId, entry)
      if ('error' in facts) return answer(archiveId, a, recordingId, facts, null)
      let timer: NodeJS.Timeout | undefined
      const result = await Promise.race([
        pending,
        new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), waitMs)))
      ]).catch(() => null)
      clearTimeout(timer)
      if (!result) a.asked.add(recordingId)
      return answer(archiveId, a, recordingId, facts, result)
    },
    async audioDurations({ archiveId, after, limit }) {
      const { ids, ms } = get(archiveId).durations
      const end = Math.min(ids.length, after + limit)
      return { ids: ids.slice(after, end), ms: ms.slice(after, end), next: Math.max(after, end), total: ids.length }
    },
    async setAudioPriorities({ archiveId, selectedId, visibleIds }) {
      const a = await mapped(archiveId)
      if (selectedId !== null && a.entries.get(selectedId)) a.scheduler.select(selectedId)
      a.scheduler.setVisible(visibleIds)
      return { ok: true }
    },
    async rowWaveforms({ archiveId, recordingIds, buckets }) {
      const a = await mapped(archiveId)
      const waves = await Promise.all(
        recordingIds.map(async (id) => {
          if (!a.entries.get(id)) return null
          const peaks = await a.scheduler.peek(id)
          // Not made yet: an audio.peaks event tells the list when to ask again.
          if (!peaks) a.asked.add(id)
          return peaks ? rowWave(peaks, buckets) : null
        })
      )
      return { waves }
    },
    async storeRendererPeaks({ archiveId, recordingId, peaks }) {
      const a = await mapped(archiveId)
      const entry = a.entries.get(recordingId)
      if (!entry) throw new CallError('not-found', `The export has no audio for the recording ${recordingId}.`)
      const facts = await probeOf(a, recordingId, entry)
      const stored = await a.scheduler.storeRendererPeaks(recordingId, peaks)
      return answer(archiveId, a, recordingId, facts, stored)
    }
  }

  const media: MediaSource = async (token, rangeHeader) => {
    const issued = tokens.get(token)
    const a = issued && open.get(issued.archiveId)
    const entry = a && a.entries.get(issued.recordingId)
    if (!entry) return null
    return serveMedia(a.archive, entry, rangeHeader)
  }

  const dispose = async () => {
    await Promise.all([...open.keys()].map((id) => lifecycle.closed(id)))
    await pool?.close()
    pool = null
  }

  return { handlers, lifecycle, media, dispose }
}

/** Several areas listening to the same archive lifecycle; problems from each are shown together. */
export function bothLifecycles(...all: ArchiveLifecycle[]): ArchiveLifecycle {
  return {
    async opened(archiveId, opened) {
      const problems = []
      for (const l of all) problems.push(...(await l.opened(archiveId, opened)))
      return problems
    },
    shown(archiveId) {
      for (const l of all) l.shown?.(archiveId)
    },
    hashed(archiveId, sha256) {
      for (const l of all) l.hashed(archiveId, sha256)
    },
    async closed(archiveId) {
      for (const l of all) await l.closed(archiveId)
    }
  }
}
