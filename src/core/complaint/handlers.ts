import { createHash } from 'node:crypto'
import { basename, join } from 'node:path'
import type { Handlers } from '../../shared/ipc/dispatch'
import { CallError } from '../../shared/ipc/result'
import type { ComplaintFacts, EvidenceSummary, LetterKind, LetterLang } from '../../shared/model/complaint'
import type { ComplaintProgressSchema } from '../../shared/model/complaint-calls'
import type { z } from 'zod'
import type { CustodyAction, CustodyEntry, MarkEntry } from '../../shared/model/review'
import type { ExportReading } from '../../shared/model/recording'
import type { Analysis } from '../analysis'
import type { OpenedArchive } from '../archive/types'
import type { Platform, SaveDialogRequest } from '../platform'
import { writeFileAtomic } from '../fs/atomic-write'
import { casePath } from '../review/case-store'
import { withReview } from './letters/review-facts'
import { forgetExportVoices } from '../voices/cache'
import { spectralEmbedder } from '../voices/spectral'
import { buildManifest, caseFileLogger, deleteArchive, evidenceSummary, flaggedRecordings, recordRetentionReminder, RETENTION_ADVICE, writeBundle, type BuiltManifest } from './bundle'
import { draftIssues, loadDraft, saveDraft, suggestedDraft } from './facts-file'
import { complaintLetters, type LetterFile } from './letters-adapter'

type ComplaintHandlers = Pick<Handlers, 'complaintFacts' | 'saveComplaintFacts' | 'complaintPreview' | 'saveComplaint' | 'saveBundle' | 'saveReminder' | 'keepSealed' | 'deleteArchive'>
type Progress = z.infer<typeof ComplaintProgressSchema>

/** What the complaint needs from the rest of the engine, for one open export. */
export interface ComplaintDeps {
  openedOf(archiveId: string): { archive: OpenedArchive; reading: ExportReading; sha256: string | null }
  caseOf(archiveId: string): Promise<{ analysis: Analysis; marks: Record<string, MarkEntry>; custody: CustodyEntry[]; sha256: string | null; fingerprint: string }>
  recordCustody(archiveId: string, action: CustodyAction, detail: string): Promise<string | null>
  closeArchive(archiveId: string): Promise<unknown>
}

export interface ComplaintOptions {
  now?: () => string
}

const sha256Hex = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex')
const today = (iso: string) => iso.slice(0, 10)

/**
 * The wizard's calls: the facts kept beside the case, the preview of letters, authorities and
 * deadline, saving letters and the evidence bundle where the person chooses, and the retention
 * step. Long saves run as jobs that cancelJob can stop, with `complaint.progress` events.
 */
export function createComplaintHandlers(platform: Platform, deps: ComplaintDeps, options: ComplaintOptions = {}) {
  const now = options.now ?? (() => new Date().toISOString())
  const jobs = new Map<string, AbortController>()
  // The last manifest per export, reused while the flagged set is the same, so the hash printed in
  // the letters is the hash of the manifest inside the bundle saved next to them.
  const manifests = new Map<string, { key: string; built: BuiltManifest }>()
  // The root of the last bundle saved per export: letters saved after it, for the same flagged
  // set, cite that bundle's root, so they go with it; before any bundle they cite the manifest.
  const bundleRoots = new Map<string, { key: string; rootSha256: string }>()

  const fingerprintOf = async (archiveId: string) => (await deps.caseOf(archiveId)).fingerprint

  const askPath = async (request: SaveDialogRequest): Promise<string | null> => {
    if (!platform.chooseSavePath) throw new CallError('internal', 'This host cannot show a save dialog.')
    return platform.chooseSavePath(request)
  }

  /** Emits progress at most ten times a second, and always the last. */
  const progressOf = (jobId: string) => {
    let last = 0
    return (p: Omit<Progress, 'jobId'>) => {
      const t = Date.now()
      if (p.phase !== 'done' && t - last < 100) return
      last = t
      platform.emit('complaint.progress', { jobId, ...p })
    }
  }

  const runJob = async <T>(jobId: string, what: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    if (jobs.has(jobId)) throw new CallError('invalid-payload', `The job id ${jobId} is already in use.`)
    const controller = new AbortController()
    jobs.set(jobId, controller)
    try {
      return await fn(controller.signal)
    } catch (err) {
      if (controller.signal.aborted) throw new CallError('cancelled', `${what} was cancelled.`)
      throw err
    } finally {
      jobs.delete(jobId)
    }
  }

  /** The flagged set as it stands: what makes a cached manifest stale. */
  const flaggedKey = (reading: ExportReading, analysis: Analysis, marks: Record<string, MarkEntry>) => {
    const { flagged } = flaggedRecordings(reading.recordings, analysis.recordingVerdicts, marks)
    return sha256Hex(JSON.stringify(flagged.map((f) => [f.recording.id, f.verdict, f.reasons, f.mark, f.note])))
  }

  const manifestFor = async (archiveId: string, signal: AbortSignal, progress: (p: Omit<Progress, 'jobId'>) => void): Promise<BuiltManifest> => {
    const { archive, reading, sha256 } = deps.openedOf(archiveId)
    const c = await deps.caseOf(archiveId)
    const key = flaggedKey(reading, c.analysis, c.marks)
    const hit = manifests.get(archiveId)
    if (hit && hit.key === key) return hit.built
    const known = sha256 ?? c.sha256
    const built = await buildManifest({
      archive,
      reading,
      verdicts: c.analysis.recordingVerdicts,
      findings: c.analysis.findings,
      marks: c.marks,
      // A single file's SHA-256 is the export's; for parts the manifest needs each one's, so it hashes them.
      partHashes: known && archive.parts.length === 1 ? [known] : undefined,
      signal,
      onProgress: (p) => progress({ phase: p.phase === 'entries' ? 'hashing-entries' : 'hashing-archive', done: p.done, total: p.total })
    })
    manifests.set(archiveId, { key, built })
    return built
  }

  const rootFor = (archiveId: string, key: string): string | null => {
    const saved = bundleRoots.get(archiveId)
    return saved && saved.key === key ? saved.rootSha256 : null
  }

  /** The evidence as far as it is known without hashing: the cached manifest's, else counts from the verdicts. */
  const quickEvidence = async (archiveId: string): Promise<EvidenceSummary> => {
    const { archive, reading, sha256 } = deps.openedOf(archiveId)
    const c = await deps.caseOf(archiveId)
    const hit = manifests.get(archiveId)
    const key = flaggedKey(reading, c.analysis, c.marks)
    const { flagged } = flaggedRecordings(reading.recordings, c.analysis.recordingVerdicts, c.marks)
    if (hit && hit.key === key) return withReview(evidenceSummary(hit.built.manifest, hit.built.sha256, rootFor(archiveId, key)), reading, flagged, hit.built.manifest.archive.parts, c.analysis.findings)
    const devices = new Map(reading.devices.map((d) => [d.id, d]))
    const perDevice = new Map<string | null, number>()
    for (const f of flagged) perDevice.set(f.recording.deviceId, (perDevice.get(f.recording.deviceId) ?? 0) + 1)
    const times = flagged.map((f) => f.recording.time).filter((t): t is string => t !== null).sort()
    return withReview({
      archiveName: basename(archive.path),
      archiveBytes: archive.bytes,
      archiveSha256: sha256 ?? c.sha256,
      foreignRecordings: flagged.length,
      foreignDevices: [...perDevice].map(([id, n]) => {
        const d = id ? devices.get(id) : undefined
        return { name: d?.name ?? '(unnamed device)', serial: d?.serial ? `…${d.serial.slice(-4)}` : null, recordings: n }
      }),
      firstAt: times[0] ?? null,
      lastAt: times.at(-1) ?? null,
      manifestSha256: null,
      rootSha256: null
    }, reading, flagged, [], c.analysis.findings)
  }

  /** The evidence of a built manifest with what the review found (devices, account ids, transcripts), each part's hash and the bundle root. */
  const fullEvidence = async (archiveId: string, built: BuiltManifest, root: string | null): Promise<EvidenceSummary> => {
    const { reading } = deps.openedOf(archiveId)
    const c = await deps.caseOf(archiveId)
    const { flagged } = flaggedRecordings(reading.recordings, c.analysis.recordingVerdicts, c.marks)
    return withReview(evidenceSummary(built.manifest, built.sha256, root), reading, flagged, built.manifest.archive.parts, c.analysis.findings)
  }

  const lettersFor = (facts: ComplaintFacts, evidence: EvidenceSummary, lang: LetterLang, kinds: readonly LetterKind[]): Promise<LetterFile[]> =>
    complaintLetters.files({ ...facts, lang }, evidence, kinds, { today: today(now()) })

  const handlers: ComplaintHandlers = {
    async complaintFacts({ archiveId }) {
      const fingerprint = await fingerprintOf(archiveId)
      const saved = await loadDraft(platform.home, fingerprint)
      return { draft: saved?.draft ?? null, suggested: suggestedDraft(deps.openedOf(archiveId).reading), savedAt: saved?.savedAt ?? null }
    },
    async saveComplaintFacts({ archiveId, draft }) {
      const savedAt = now()
      await saveDraft(platform.home, await fingerprintOf(archiveId), draft, savedAt)
      return { savedAt, issues: draftIssues(draft) }
    },
    async complaintPreview({ archiveId, facts, lang }) {
      const evidence = await quickEvidence(archiveId)
      return complaintLetters.preview({ ...facts, lang }, evidence, { today: today(now()) })
    },
    async saveComplaint({ archiveId, facts, lang, kinds, jobId }) {
      const folder = await askPath({ kind: 'folder', title: lang === 'de' ? 'Ordner für die Schreiben wählen' : lang === 'fr' ? 'Choisir un dossier pour les courriers' : 'Choose a folder for the letters', defaultName: '' })
      if (!folder) return { folder: null, files: [], manifestSha256: null }
      return runJob(jobId, 'Saving the letters', async (signal) => {
        const progress = progressOf(jobId)
        const built = await manifestFor(archiveId, signal, progress)
        progress({ phase: 'letters', done: 0, total: kinds.length })
        const c = await deps.caseOf(archiveId)
        const root = rootFor(archiveId, flaggedKey(deps.openedOf(archiveId).reading, c.analysis, c.marks))
        const files = await lettersFor(facts, await fullEvidence(archiveId, built, root), lang, kinds)
        files.push({ name: 'deadline.ics', bytes: Buffer.from(complaintLetters.ics({ ...facts, lang }, { today: today(now()) })) })
        const written: { name: string; bytes: number; sha256: string }[] = []
        for (const f of files) {
          signal.throwIfAborted()
          // Saving again replaces the earlier letters of the same name, each whole or not at all.
          await writeFileAtomic(join(folder, f.name), f.bytes)
          written.push({ name: f.name, bytes: f.bytes.length, sha256: sha256Hex(f.bytes) })
        }
        progress({ phase: 'done', done: files.length, total: files.length })
        await deps.recordCustody(archiveId, 'exported', `letters ${written.map((w) => `${w.name} (SHA-256 ${w.sha256})`).join(', ')}; manifest.json SHA-256 ${built.sha256}${root ? `; citing the bundle root SHA256SUMS SHA-256 ${root}` : ''}`)
        return { folder, files: written, manifestSha256: built.sha256 }
      })
    },
    async saveBundle({ archiveId, facts, lang, jobId, sealedOriginals }) {
      const out = await askPath({ kind: 'file', title: lang === 'de' ? 'Beweispaket speichern' : lang === 'fr' ? 'Enregistrer le dossier de preuves' : 'Save the evidence bundle', defaultName: `evidence-${today(now())}.zip`, extensions: ['zip'] })
      const empty = { bytes: 0, sha256: null, manifestSha256: null, rootSha256: null, entries: 0, files: [], sealedOriginals }
      if (!out) return { path: null, ...empty }
      return runJob(jobId, 'Saving the evidence bundle', async (signal) => {
        const progress = progressOf(jobId)
        const built = await manifestFor(archiveId, signal, progress)
        progress({ phase: 'letters', done: 0, total: 1 })
        const kinds: LetterKind[] = ['controller-notice', 'art77-complaint', 'breach-report']
        const c = await deps.caseOf(archiveId)
        const written = await writeBundle({
          manifest: built,
          // Made once the bundle's root is known, so they print its SHA-256.
          letters: async (root) => (await lettersFor(facts, await fullEvidence(archiveId, built, root.sha256), lang, kinds)).filter((f) => !f.name.endsWith('.ics')),
          custodyLog: c.custody,
          sealedOriginals: sealedOriginals ? { archive: deps.openedOf(archiveId).archive } : false,
          out,
          signal,
          now,
          onProgress: (p) => progress({ phase: 'writing', done: p.percent, total: 100 })
        })
        progress({ phase: 'done', done: 100, total: 100 })
        bundleRoots.set(archiveId, { key: flaggedKey(deps.openedOf(archiveId).reading, c.analysis, c.marks), rootSha256: written.rootSha256 })
        await deps.recordCustody(archiveId, written.custodyEntry.action, `${written.custodyEntry.detail}; root SHA256SUMS SHA-256 ${written.rootSha256}`)
        return { path: written.path, bytes: written.bytes, sha256: written.sha256, manifestSha256: written.manifestSha256, rootSha256: written.rootSha256, entries: built.manifest.entries.length, files: written.files, sealedOriginals }
      })
    },
    async saveReminder({ facts, lang }) {
      const path = await askPath({ kind: 'file', title: lang === 'de' ? 'Erinnerung speichern' : lang === 'fr' ? 'Enregistrer le rappel' : 'Save the reminder', defaultName: 'deadline.ics', extensions: ['ics'] })
      if (!path) return { path: null }
      await writeFileAtomic(path, complaintLetters.ics({ ...facts, lang }, { today: today(now()) }))
      return { path }
    },
    async keepSealed({ archiveId }) {
      const { archive, sha256 } = deps.openedOf(archiveId)
      const known = sha256 ?? (await deps.caseOf(archiveId)).sha256
      if (!known) return { logged: false, advice: RETENTION_ADVICE }
      const { advice } = await recordRetentionReminder((action, detail) => deps.recordCustody(archiveId, action, detail), { name: basename(archive.path), sha256: known })
      return { logged: true, advice }
    },
    async deleteArchive({ archiveId, confirmName }) {
      const { archive } = deps.openedOf(archiveId)
      const name = basename(archive.path)
      if (confirmName.trim() !== name) throw new CallError('invalid-payload', `The name typed (${confirmName.slice(0, 80)}) is not the export's name, ${name}; nothing was deleted.`)
      if (archive.format === 'folder') throw new CallError('invalid-payload', 'An unpacked folder is not deleted here; delete it in the file manager.')
      const paths = archive.parts.map((p) => p.path)
      const fingerprint = await fingerprintOf(archiveId)
      // Voice vectors are derived personal data of whoever spoke: they go with the export.
      await forgetExportVoices(platform.home, archive, [spectralEmbedder])
      // Closed first, so no handle keeps the files alive (Windows refuses to delete an open file);
      // the case is then closed too, and the line goes into its file on disk.
      await deps.closeArchive(archiveId)
      manifests.delete(archiveId)
      let logged = ''
      const toCase = caseFileLogger(casePath(platform.home, fingerprint), now)
      const deleted = await deleteArchive(paths, (action, detail) => {
        logged = detail
        return toCase(action, detail)
      })
      return { deleted: deleted.files.map((f, i) => ({ path: paths[i]!, bytes: f.bytes, sha256: f.sha256 })), logged }
    }
  }

  const cancel = (jobId: string): boolean => {
    const job = jobs.get(jobId)
    job?.abort()
    return Boolean(job)
  }
  return { handlers, cancel, forget: (archiveId: string) => manifests.delete(archiveId) }
}
