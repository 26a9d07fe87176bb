import type { Finding } from '../../../shared/model/analysis'
import type { EvidenceSummary } from '../../../shared/model/complaint'
import type { ExportReading, Recording } from '../../../shared/model/recording'
import { exportText } from './evidence-text'

/** A flagged recording as the bundle's flaggedRecordings gives it: the recording and the person's mark. */
export interface FlaggedLike {
  recording: Recording
  mark: string | null
  /** The detector's verdict: 'foreign' rests on a strong rule; 'suspect' or 'own' on weak signs at most. */
  verdict?: string
}

const end4 = (id: string) => exportText(id, 200).slice(-4)

// A smart speaker records in the home; a Kindle, a phone app or a Fire TV remote is not one.
const SPEAKER = /\becho\b|nest (mini|audio|hub)|google home/i

/** Devices a voice is cited on at most; more are "and N more" in no letter, so few are kept. */
const MAX_VOICE_DEVICES = 4

/**
 * The voices the person confirmed by marking them "not someone I know" (the voice-not-known
 * rule's findings, one per such voice), as far as their recordings are flagged: how many, and the
 * devices they were heard on. Groups the person did not mark are never cited, whatever the other
 * voice rules say of them.
 */
export function confirmedVoices(reading: Pick<ExportReading, 'devices'>, flagged: readonly FlaggedLike[], findings: readonly Pick<Finding, 'rule' | 'recordingIds'>[]): { recordings: number; devices: string[] }[] {
  const byId = new Map(flagged.map((f) => [f.recording.id, f.recording]))
  const deviceOf = new Map(reading.devices.map((d) => [d.id, d]))
  const out: { recordings: number; devices: string[] }[] = []
  for (const f of findings) {
    if (f.rule !== 'voice-not-known') continue
    let n = 0
    const devices = new Set<string>()
    for (const id of f.recordingIds) {
      const r = byId.get(id)
      if (!r) continue
      n++
      const d = r.deviceId ? deviceOf.get(r.deviceId) : undefined
      if (d) devices.add(exportText(d.name ?? d.type ?? '(unnamed device)', 40))
    }
    if (n > 0) out.push({ recordings: n, devices: [...devices].slice(0, MAX_VOICE_DEVICES) })
  }
  return out.sort((a, b) => b.recordings - a.recordings)
}

/**
 * What the review found that the letters state as facts: the devices registered to the account
 * (or that the export lists none), the customer ids the flagged recordings carry that are not the
 * account's (their last four characters), how many come with transcripts, whether anything
 * stronger than weak signals (an unrecognised speaker, another language) flags them, and the
 * voices the person confirmed as not someone they know (`findings`: the analysis's).
 */
export function reviewFacts(reading: Pick<ExportReading, 'account' | 'devices'>, flagged: readonly FlaggedLike[], findings: readonly Pick<Finding, 'rule' | 'recordingIds'>[] = []): NonNullable<EvidenceSummary['review']> {
  const registrationKnown = reading.devices.length === 0 ? reading.account.ids.length > 0 : reading.devices.some((d) => d.registrationKnown !== false)
  const registered = reading.devices.filter((d) => d.registered)
  const accountDevices = registrationKnown ? registered.map((d) => ({ name: exportText(d.name ?? d.type ?? '(unnamed device)', 40), type: d.type ? exportText(d.type, 40) : null })) : null
  const ownsEcho = accountDevices === null ? null : registered.some((d) => SPEAKER.test(`${d.name ?? ''} ${d.type ?? ''}`))
  const own = new Set(reading.account.ids)
  const foreignIds = new Set<string>()
  let withForeignAccount = 0
  let transcripts = 0
  let strong = 0
  const deviceOf = new Map(reading.devices.map((d) => [d.id, d]))
  for (const f of flagged) {
    const r = f.recording
    const foreignAccount = r.accountId !== null && own.size > 0 && !own.has(r.accountId)
    if (foreignAccount) {
      withForeignAccount++
      // An e-mail's last four characters (".com") identify nothing; only ids are quoted by their end.
      if (!r.accountId!.includes('@')) foreignIds.add(r.accountId!)
    }
    if (r.transcript && r.transcript.trim()) transcripts++
    const device = r.deviceId ? deviceOf.get(r.deviceId) : undefined
    const unregistered = device !== undefined && device.registrationKnown !== false && !device.registered
    // An unknown account or device, or a detector verdict of 'foreign' (a strong rule), is evidence; a
    // "not mine" mark on a recording only weak signs point at is the person's belief, and says so.
    if (foreignAccount || unregistered || f.verdict === 'foreign') strong++
  }
  return {
    accountDevices,
    ownsEcho,
    foreignAccountEnds: [...foreignIds].slice(0, 3).map(end4),
    ownAccountEnd: reading.account.ids[0] ? end4(reading.account.ids[0]) : null,
    withForeignAccount,
    transcripts,
    weakOnly: flagged.length > 0 && strong === 0,
    confirmedVoices: confirmedVoices(reading, flagged, findings)
  }
}

/** The evidence with the review's facts (the confirmed voices from the analysis's findings) and, from a built manifest, each part's name, size and SHA-256. */
export function withReview(
  evidence: EvidenceSummary,
  reading: Pick<ExportReading, 'account' | 'devices'>,
  flagged: readonly FlaggedLike[],
  parts: readonly { name: string; bytes: number; sha256: string }[] = [],
  findings: readonly Pick<Finding, 'rule' | 'recordingIds'>[] = []
): EvidenceSummary {
  return { ...evidence, parts: parts.length > 0 ? parts.map((p) => ({ ...p })) : (evidence.parts ?? []), review: reviewFacts(reading, flagged, findings) }
}
