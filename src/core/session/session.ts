import { randomBytes } from 'node:crypto'
import type { MarkValue } from '../../shared/model/review'
import type { Problem } from '../../shared/model/problem'
import type { ColumnMapping, ExportReading } from '../../shared/model/recording'
import { analyze, sameVerdicts, type Analysis } from '../analysis'
import type { VoiceEvidence } from '../analysis/types'
import { openArchive } from '../archive'
import type { OpenProgress, OpenedArchive } from '../archive/types'
import { builtInProviders, readExport, type ParseProgress, type ProviderRegistry } from '../providers'

/**
 * What an open export's session tells those who hook into it (the review, audio, the contract's
 * events). Each `on` returns its unsubscribe.
 */
export interface SessionEvents {
  /** The verdicts differ from the last analysis: marks that shape the usual changed, or a later rule (voices) learnt more. */
  verdicts: (analysis: Analysis) => void
  /** A re-read (a new column mapping) replaced the reading; an analysis of it follows. */
  reread: (reading: ExportReading) => void
  /** The whole export's SHA-256 is known. */
  hashed: (sha256: string) => void
  /** The session is closing; the archive is still open while listeners run (awaited). */
  closed: () => void | Promise<void>
}

/** One open export: the archive, what the providers read, what the rules judged, and its lifecycle. */
export interface Session {
  /** Opaque, as the renderer knows it (the contract's archiveId). */
  readonly id: string
  readonly archive: OpenedArchive
  readonly reading: ExportReading
  /** The latest analysis (with the marks known when it ran). */
  readonly analysis: Analysis
  readonly sha256: string | null
  /** Problems beyond the archive's and the reading's own (saved mappings, a hook's). */
  readonly problems: Problem[]
  readonly timings: { open: number; read: number; analyze: number }
  on<K extends keyof SessionEvents>(event: K, listener: SessionEvents[K]): () => void
  /** Where the person's marks come from (the review); they shape what is taken as the account's usual. */
  useMarks(marks: () => ReadonlyMap<string, MarkValue>): void
  /** Where the voice rules' evidence comes from once voices are worked out (the review); null until then. */
  useVoices(voices: () => VoiceEvidence | null): void
  /**
   * While opening: work a hook started that the analysis need not wait for (the review's custody
   * line, written and synced while the export is analysed). The opening ends once it is done, and
   * its problems are the session's.
   */
  alongside(work: Promise<Problem[]>): void
  /**
   * Something that decides verdicts changed (marks, or a later rule's evidence): analyses again and,
   * when any verdict differs, tells the `verdicts` listeners. Answers the current analysis.
   */
  verdictsChanged(): Promise<Analysis>
  /** Reads the export again (after a new column mapping), then analyses it. */
  reread(mappings?: ReadonlyArray<ColumnMapping>): Promise<ExportReading>
  hashed(sha256: string): void
  close(): Promise<void>
}

export type SessionPhase = OpenProgress['phase'] | 'providers' | 'analysis'
export interface SessionProgress {
  phase: SessionPhase
  open?: OpenProgress
  read?: ParseProgress
}

export interface SessionOptions {
  signal?: AbortSignal
  onProgress?: (p: SessionProgress) => void
  /** Mappings given for this run (the CLI's --mapping). */
  mappings?: ReadonlyArray<ColumnMapping>
  /** The app's home: its saved mappings are used too, and a broken file is a problem, not a failure. */
  savedMappingsHome?: string
  providers?: ProviderRegistry
  /** Voice evidence known from the start (the CLI's --voices works it out before judging). */
  voices?: VoiceEvidence | null
  /** Marks to shape the usual from the start (a case file given to the CLI). */
  marks?: ReadonlyMap<string, MarkValue>
  /** Called once the archive is listed, before any provider reads: start hashing, or refuse (throw) a case that does not belong. */
  onListed?: (archive: OpenedArchive) => void | Promise<void>
  /** Hooks that run once the export is read and before it is analysed (the review restores its case here and calls useMarks); their problems are the session's. */
  onRead?: (session: Session) => Promise<Problem[]>
}

const since = (t: number) => Math.round(performance.now() - t)

async function readWith(archive: OpenedArchive, o: SessionOptions, signal: AbortSignal | undefined, extra: ReadonlyArray<ColumnMapping> = []) {
  // Loaded only where a home is given (the app): the mapping file's schema brings zod, which the CLI's scan need not load.
  const saved = o.savedMappingsHome ? await (await import('../providers/saved-mappings')).loadSavedMappings(o.savedMappingsHome) : { mappings: [], problem: null }
  const reading = await readExport(archive, {
    signal,
    mappings: [...(o.mappings ?? []), ...saved.mappings, ...extra],
    providers: o.providers ?? builtInProviders(),
    onProgress: (p) => o.onProgress?.({ phase: 'providers', read: p })
  })
  if (saved.problem) reading.problems.push({ kind: 'mappings', path: null, message: saved.problem, provider: null, line: null })
  return reading
}

/**
 * The one pipeline from a path to verdicts: open the archive (read-only), read it with the
 * providers and the mappings, let the hooks restore what they keep (the review's case), analyse.
 * The app, the CLI and the evidence bundle all open exports through here. Throws what
 * openArchive throws (ArchiveOpenError) and closes the archive on any failure.
 */
export async function openSession(path: string, o: SessionOptions = {}): Promise<Session> {
  const started = performance.now()
  const archive = await openArchive(path, { signal: o.signal, onProgress: (p) => o.onProgress?.({ phase: p.phase, open: p }) })
  const listeners: { [K in keyof SessionEvents]: Set<SessionEvents[K]> } = { verdicts: new Set(), reread: new Set(), hashed: new Set(), closed: new Set() }
  const timings = { open: since(started), read: 0, analyze: 0 }
  let marks: () => ReadonlyMap<string, MarkValue> = () => o.marks ?? new Map()
  let voices: () => VoiceEvidence | null = () => o.voices ?? null
  let reading: ExportReading
  let analysis: Analysis
  let sha256: string | null = null
  let closed = false
  // One analysis at a time: a second request while one runs waits for it, then runs on what changed since.
  let analysing: Promise<Analysis> = Promise.resolve(null as unknown as Analysis)
  const alongside: Promise<Problem[]>[] = []

  const analyseNow = (): Promise<Analysis> => {
    const run = analysing.catch(() => undefined).then(async () => {
      const t = performance.now()
      const next = await analyze(reading, marks(), voices())
      timings.analyze = since(t)
      return next
    })
    analysing = run
    return run
  }

  const session: Session = {
    id: `a${randomBytes(8).toString('hex')}`,
    archive,
    get reading() {
      return reading
    },
    get analysis() {
      return analysis
    },
    get sha256() {
      return sha256
    },
    problems: [],
    timings,
    on(event, listener) {
      const set = listeners[event] as Set<typeof listener>
      set.add(listener)
      return () => void set.delete(listener)
    },
    useMarks(source) {
      marks = source
    },
    useVoices(source) {
      voices = source
    },
    alongside(work) {
      // Never left unhandled if the opening fails before it is awaited.
      work.catch(() => undefined)
      alongside.push(work)
    },
    async verdictsChanged() {
      const before = analysis
      const after = await analyseNow()
      if (closed) return after
      analysis = after
      if (!sameVerdicts(before, after)) for (const fn of listeners.verdicts) fn(after)
      return after
    },
    async reread(mappings = []) {
      reading = await readWith(archive, o, undefined, mappings)
      for (const fn of listeners.reread) fn(reading)
      const before = analysis
      analysis = await analyseNow()
      if (!sameVerdicts(before, analysis)) for (const fn of listeners.verdicts) fn(analysis)
      return reading
    },
    hashed(hash) {
      sha256 = hash
      for (const fn of listeners.hashed) fn(hash)
    },
    async close() {
      if (closed) return
      closed = true
      try {
        for (const fn of listeners.closed) await fn()
      } finally {
        await archive.close()
      }
    }
  }

  try {
    await o.onListed?.(archive)
    o.signal?.throwIfAborted()
    const readStarted = performance.now()
    reading = await readWith(archive, o, o.signal)
    timings.read = since(readStarted)
    if (o.onRead) session.problems.push(...(await o.onRead(session)))
    o.signal?.throwIfAborted()
    o.onProgress?.({ phase: 'analysis' })
    analysis = await analyseNow()
    for (const problems of await Promise.all(alongside)) session.problems.push(...problems)
    // Cancelled while it was analysed: the caller has gone, and would never close what it got.
    o.signal?.throwIfAborted()
    return session
  } catch (err) {
    await Promise.allSettled(alongside)
    // Hooks that already ran (the review's case) hear `closed` as they would for any export.
    await session.close().catch(() => undefined)
    throw err
  }
}
