import { basename } from 'node:path'
import type { Handlers } from '../../shared/ipc/dispatch'
import { CallError } from '../../shared/ipc/result'
import type { Problem } from '../../shared/model/problem'
import type { MarkValue, ReviewChange, ReviewState, StepText } from '../../shared/model/review'
import type { ExportReading } from '../../shared/model/recording'
import { sameVerdicts, type Analysis } from '../analysis'
import { count } from '../analysis/phrasing'
import type { ArchiveLifecycle } from '../session/lifecycle'
import type { Platform } from '../platform'
import type { Session } from '../session'
import { appName, appVersion } from '../version'
import { casePath, loadCase } from './case-store'
import { CaseSession, type Applied, type Edit } from './case-session'
import { countReview } from './counts'
import { deviceMarkLabel, markLabel, noteLabel } from './labels'
import { voiceEvidence, voiceMarkEdits, voiceMarkOf } from './voice-marks'
import type { VoiceMark } from '../../shared/model/voices'
import type { VoiceJob } from '../voices/background'
import type { VoiceGroups } from '../voices/groups'

type ReviewHandlers = Pick<Handlers, 'reviewState' | 'mark' | 'markDevice' | 'markVoice' | 'voices' | 'setNote' | 'undo' | 'redo'>

interface Open {
  session: CaseSession
  archiveIds: Set<string>
}

const RECENT_CUSTODY = 20
const VOICE_WORDS: Record<VoiceMark, string> = { me: "'this is me'", household: "'someone in my household'", 'not-known': "'not someone I know'" }
const shapesUsual = (m: MarkValue | null | undefined) => m === 'mine' || m === 'not-mine'

export interface ReviewOptions {
  now?: () => string
  /** The voice groups of an export once worked out (see voices/background.ts); the voice rules read them. */
  voices?: { ensure(archiveId: string): VoiceJob; groupsOf(archiveId: string): VoiceGroups | null }
}

/**
 * The review of every open export, one case per export fingerprint: opening the same export twice
 * (or renamed, or moved) shares one case, one custody log and one undo stack.
 */
export function createReviewHandlers(platform: Platform, sessionOf: (archiveId: string) => Session, options: ReviewOptions = {}) {
  const now = options.now ?? (() => new Date().toISOString())
  const tool = `${appName} ${appVersion}`
  const cases = new Map<string, Open>()
  const fingerprintOf = new Map<string, string>()
  const idSets = new WeakMap<ExportReading, Set<string>>()

  const openOf = (archiveId: string): Open => {
    const fp = fingerprintOf.get(archiveId)
    const open = fp === undefined ? undefined : cases.get(fp)
    if (!open) throw new CallError('not-found', `No open archive has the id ${archiveId}; it may have been closed.`)
    return open
  }

  const readingOf = (archiveId: string): ExportReading => sessionOf(archiveId).reading
  const groupsOf = (archiveId: string): VoiceGroups | null => options.voices?.groupsOf(archiveId) ?? null
  // The voice groups each export's session last judged with: new groups (worked out in the background) mean judging again.
  const judgedVoices = new Map<string, VoiceGroups | null>()
  const withCurrentVoices = async (archiveId: string): Promise<Analysis> => {
    const session = sessionOf(archiveId)
    const groups = groupsOf(archiveId)
    if ((judgedVoices.get(archiveId) ?? null) === groups) return session.analysis
    judgedVoices.set(archiveId, groups)
    return session.verdictsChanged()
  }

  // The analysis each export's renderer was last sent by `review.verdicts`, so one change is told once.
  const sent = new Map<string, Analysis>()
  const sendVerdicts = (archiveId: string, a: Analysis) => {
    const fp = fingerprintOf.get(archiveId)
    const open = fp === undefined ? undefined : cases.get(fp)
    if (!open || sent.get(archiveId) === a) return
    sent.set(archiveId, a)
    platform.emit('review.verdicts', { archiveId, ...detectorOf(a), counts: countReview(readingOf(archiveId).recordings, a, open.session.data) })
  }

  /** Tells the renderer the voices' state after a voice mark changed, so the Voices panel asks again (it never polls). */
  const voicesChanged = (archiveId: string) => {
    // Only where the voices are known (an undo may reach a voice mark of an earlier session): never starts their work.
    if (!options.voices || !groupsOf(archiveId)) return
    const job = options.voices.ensure(archiveId)
    platform.emit('voices.changed', { archiveId, status: job.status, done: job.done, total: job.total, error: job.error })
  }

  const recordingIds = (reading: ExportReading): Set<string> => {
    let ids = idSets.get(reading)
    if (!ids) idSets.set(reading, (ids = new Set(reading.recordings.map((r) => r.id))))
    return ids
  }

  /** The detector's side as the contract carries it: only flagged recordings are listed. */
  const detectorOf = (a: Analysis) => {
    const verdicts: ReviewState['verdicts'] = {}
    const reasons: ReviewState['reasons'] = {}
    // By place (verdicts are aligned with the recordings judged, whose ids are unique): making the
    // by-id map of 100,000 verdicts only to walk it took ~50 ms of the open answer.
    for (let i = 0; i < a.verdicts.length; i++) {
      const v = a.verdicts[i]!
      if (v.verdict === 'own') continue
      const id = a.recordings[i]!.id
      verdicts[id] = v.verdict
      reasons[id] = v.reasons
    }
    return { findings: a.findings, verdicts, reasons, deviceVerdicts: Object.fromEntries(a.deviceVerdicts) }
  }

  /** Turns an applied change into the answer the UI patches its view with. */
  const answer = async (archiveId: string, open: Open, applied: Applied): Promise<ReviewChange> => {
    const session = sessionOf(archiveId)
    const reading = session.reading
    const before = session.analysis
    let after = before
    if (applied.changes.some((c) => c.target === 'voice' || (c.target === 'recording' && (shapesUsual(c.before?.mark) || shapesUsual(c.after?.mark))))) {
      // Every open copy of this export shares the case: each session judges again with the new usual.
      for (const id of open.archiveIds) if (id !== archiveId) void sessionOf(id).verdictsChanged()
      after = await session.verdictsChanged()
    }
    const recordings: ReviewChange['recordings'] = {}
    const devices: ReviewChange['devices'] = {}
    for (const c of applied.changes) {
      if (c.target === 'recording') recordings[c.id] = c.after
      else if (c.target === 'device') devices[c.id] = c.after
    }
    const h = open.session.history
    // A voice's mark, or its undo, changes what the Voices panel shows: for every open copy of this export.
    if (applied.changes.some((c) => c.target === 'voice')) for (const id of open.archiveIds) voicesChanged(id)
    return {
      recordings,
      devices,
      counts: countReview(reading.recordings, after, open.session.data),
      // A voice mark changes what the voice rules say even where no verdict moves.
      verdictsChanged: applied.changes.some((c) => c.target === 'voice') || (before !== after && !sameVerdicts(before, after)),
      saveError: applied.saveError,
      canUndo: h.undoLabel !== null,
      canRedo: h.redoLabel !== null,
      undoLabel: h.undoLabel,
      redoLabel: h.redoLabel,
      undoText: h.undoText,
      redoText: h.redoText
    }
  }

  const handlers: ReviewHandlers = {
    async reviewState({ archiveId }): Promise<ReviewState> {
      const open = openOf(archiveId)
      const reading = readingOf(archiveId)
      const a = await withCurrentVoices(archiveId)
      const { verdicts, reasons } = detectorOf(a)
      const data = open.session.data
      const h = open.session.history
      return {
        archiveId,
        fingerprint: data.fingerprint,
        sha256: data.sha256,
        findings: a.findings,
        verdicts,
        reasons,
        deviceVerdicts: Object.fromEntries(a.deviceVerdicts),
        marks: { ...data.recordings },
        deviceMarks: { ...data.devices },
        counts: countReview(reading.recordings, a, data),
        custody: { entries: data.custody.length, recent: data.custody.slice(-RECENT_CUSTODY) },
        problems: [...open.session.problems],
        canUndo: h.undoLabel !== null,
        canRedo: h.redoLabel !== null,
        undoLabel: h.undoLabel,
        redoLabel: h.redoLabel,
        undoText: h.undoText,
        redoText: h.redoText
      }
    },
    async mark({ archiveId, recordingIds: ids, mark, note }) {
      const open = openOf(archiveId)
      const known = recordingIds(readingOf(archiveId))
      const unique = [...new Set(ids)]
      const unknown = unique.filter((id) => !known.has(id))
      if (unknown.length) throw new CallError('not-found', `${count(unknown.length, 'id is', 'ids are')} not recordings of this export (${unknown.slice(0, 3).join(', ')}${unknown.length > 3 ? ', …' : ''}).`)
      const label = markLabel(unique.length, mark)
      const edits: Edit[] = unique.map((id) => ({ target: 'recording', id, mark, ...(note === undefined ? {} : { note: note || null }) }))
      const text: StepText = mark ? { key: 'mark', n: unique.length, mark } : { key: 'unmark', n: unique.length }
      return answer(archiveId, open, await open.session.apply(label, edits, { action: mark ? 'marked' : 'unmarked', detail: label }, text))
    },
    async markDevice({ archiveId, deviceId, mark }) {
      const open = openOf(archiveId)
      const reading = readingOf(archiveId)
      const device = reading.devices.find((d) => d.id === deviceId)
      if (!device) throw new CallError('not-found', `The export has no device with the id ${deviceId}.`)
      const ids = reading.recordings.filter((r) => r.deviceId === deviceId).map((r) => r.id)
      const label = deviceMarkLabel(device.name ? `'${device.name}'` : (device.serial ?? 'the device'), ids.length, mark)
      const edits: Edit[] = [{ target: 'device', id: deviceId, mark }, ...ids.map((id): Edit => ({ target: 'recording', id, mark }))]
      const named = device.name ?? device.serial ?? ''
      const text: StepText = mark ? { key: 'markDevice', n: ids.length, mark, device: named } : { key: 'unmarkDevice', n: ids.length, device: named }
      return answer(archiveId, open, await open.session.apply(label, edits, { action: mark ? 'marked' : 'unmarked', detail: label }, text))
    },
    async voices({ archiveId }) {
      const open = openOf(archiveId)
      if (!options.voices) return { status: 'failed', done: 0, total: 0, voices: [], voiceOf: {}, error: 'Voices are not analysed here.' }
      const job = options.voices.ensure(archiveId)
      const groups = job.status === 'ready' ? job.groups : null
      return {
        status: job.status,
        done: job.done,
        total: job.total,
        voices: (groups?.voices ?? []).map((v) => ({ id: v.id, recordings: v.recordingIds.length, deviceIds: v.deviceIds, firstSeen: v.firstSeen, lastSeen: v.lastSeen, samples: v.samples, mark: voiceMarkOf(open.session.data.voices, v) })),
        voiceOf: groups ? Object.fromEntries(groups.voiceOf) : {},
        error: job.error
      }
    },
    async markVoice({ archiveId, voiceId, mark }) {
      const open = openOf(archiveId)
      const voice = groupsOf(archiveId)?.voices.find((v) => v.id === voiceId)
      if (!voice) throw new CallError('not-found', `The export has no voice with the id ${voiceId} (the voices may still be worked out).`)
      const edits = voiceMarkEdits(voice, mark, open.session.data)
      const n = voice.recordingIds.length
      const label = mark ? `mark the voice of ${count(n, 'recording')} as ${VOICE_WORDS[mark]}` : `unmark the voice of ${count(n, 'recording')}`
      const text: StepText = mark ? { key: 'markVoice', n, mark: mark === 'not-known' ? 'not-mine' : 'mine' } : { key: 'unmarkVoice', n }
      return answer(archiveId, open, await open.session.apply(label, edits, { action: mark ? 'marked' : 'unmarked', detail: label }, text))
    },
    async setNote({ archiveId, target, id, note }) {
      const open = openOf(archiveId)
      const reading = readingOf(archiveId)
      const exists = target === 'recording' ? recordingIds(reading).has(id) : reading.devices.some((d) => d.id === id)
      if (!exists) throw new CallError('not-found', `The export has no ${target} with the id ${id}.`)
      const text = note?.trim() ? note : null
      const label = noteLabel(target, text)
      const step: StepText = { key: text ? 'note' : 'removeNote', target }
      return answer(archiveId, open, await open.session.apply(label, [{ target, id, note: text }], { action: 'noted', detail: label }, step))
    },
    async undo({ archiveId }) {
      const open = openOf(archiveId)
      return answer(archiveId, open, await open.session.undo())
    },
    async redo({ archiveId }) {
      const open = openOf(archiveId)
      return answer(archiveId, open, await open.session.redo())
    }
  }

  const lifecycle: ArchiveLifecycle = {
    async opened(archiveId, opening) {
      const { archive, reading } = opening
      try {
        let open = cases.get(archive.fingerprint)
        if (!open) {
          const loaded = await loadCase(platform.home, archive.fingerprint, now())
          const session = new CaseSession(loaded.case, casePath(platform.home, archive.fingerprint), { tool, now })
          if (loaded.problem) session.problems.push(loaded.problem)
          if (loaded.setAside) await session.log('set-aside', `the earlier case file could not be read and was kept as ${loaded.setAside}`)
          open = { session, archiveIds: new Set() }
          cases.set(archive.fingerprint, open)
        }
        open.archiveIds.add(archiveId)
        fingerprintOf.set(archiveId, archive.fingerprint)
        const caseSession = open.session
        // The person's marks shape the account's usual before the first analysis, so the verdicts shown first are final.
        opening.useMarks?.(() => caseSession.recordingMarks())
        // Once voices are worked out, the voice rules read them with the person's voice marks.
        opening.useVoices?.(() => {
          const groups = groupsOf(archiveId)
          return groups ? voiceEvidence(groups, caseSession.data.voices) : null
        })
        // A verdict a later rule changes (voices) reaches the renderer without it asking.
        opening.on?.('verdicts', (a) => {
          if (fingerprintOf.get(archiveId) !== archive.fingerprint) return
          sendVerdicts(archiveId, a)
        })
        const name = basename(archive.path)
        open.session.data.archiveName = name
        const known = caseSession.problems.length
        const logged = caseSession.log('opened', `${name} (${archive.format}, ${count(reading.recordings.length, 'recording')})`)
        // The line is written and synced while the export is analysed (the opening still waits for it);
        // a save that fails is a problem of this opening either way.
        if (opening.alongside) {
          opening.alongside(logged.then(() => caseSession.problems.slice(known)))
          return caseSession.problems.slice(0, known)
        }
        await logged
        return [...caseSession.problems]
      } catch (err) {
        // The export opens even when its review cannot: the person sees why, and nothing is lost.
        return [{ kind: 'case-file', path: null, message: `The review of this export could not be opened: ${err instanceof Error ? err.message : String(err)}.` } satisfies Problem]
      }
    },
    hashed(archiveId, sha256) {
      const fp = fingerprintOf.get(archiveId)
      const open = fp === undefined ? undefined : cases.get(fp)
      if (!open) return
      const data = open.session.data
      if (data.sha256 === sha256) return
      if (data.sha256 !== null) open.session.problems.push({ kind: 'case-file', path: null, message: `This export's SHA-256 is ${sha256}, but its review was made on an export with ${data.sha256}: the files differ though their listings match.` })
      const detail = data.sha256 === null ? `SHA-256 ${sha256}` : `SHA-256 ${sha256}, not ${data.sha256} as recorded before`
      if (data.sha256 === null) data.sha256 = sha256
      void open.session.log('hashed', detail)
    },
    async closed(archiveId) {
      judgedVoices.delete(archiveId)
      sent.delete(archiveId)
      const fp = fingerprintOf.get(archiveId)
      fingerprintOf.delete(archiveId)
      const open = fp === undefined ? undefined : cases.get(fp)
      if (!open) return
      open.archiveIds.delete(archiveId)
      if (open.archiveIds.size > 0) return
      cases.delete(fp!)
      await open.session.flush()
    }
  }

  /** For other areas (the complaint): a line in the export's custody log, e.g. 'exported'. */
  const recordCustody = async (archiveId: string, action: Parameters<CaseSession['log']>[0], detail: string): Promise<string | null> => openOf(archiveId).session.log(action, detail)

  /** For the complaint: the verdicts (with the person's marks applied to the usual), the marks and the whole custody log. */
  const caseOf = async (archiveId: string) => {
    const open = openOf(archiveId)
    const data = open.session.data
    return { analysis: await withCurrentVoices(archiveId), marks: { ...data.recordings }, custody: [...data.custody], sha256: data.sha256, fingerprint: data.fingerprint }
  }

  /**
   * The voices of an export were worked out in the background: judge again with them now, and send
   * the renderer the new findings and verdicts (the voice rules may add reasons without moving a
   * verdict, which the session's own event does not tell).
   */
  const voicesReady = async (archiveId: string): Promise<void> => {
    if (!fingerprintOf.has(archiveId)) return
    const before = sessionOf(archiveId).analysis
    const after = await withCurrentVoices(archiveId)
    if (after !== before && fingerprintOf.has(archiveId)) sendVerdicts(archiveId, after)
  }

  const dispose = async () => {
    await Promise.all([...cases.values()].map((o) => o.session.flush()))
  }
  return { handlers, lifecycle, recordCustody, caseOf, voicesReady, dispose }
}
