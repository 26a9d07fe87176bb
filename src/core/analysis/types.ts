import type { Finding, RuleId, Severity, Verdict } from '../../shared/model/analysis'
import type { MarkValue } from '../../shared/model/review'
import type { VoiceMark } from '../../shared/model/voices'
import type { Account, Device, ExportReading, Recording } from '../../shared/model/recording'
import type { RecordingFeatures } from './features'
import type { Usual } from './profile'

/** What every rule may look at: the reading, and what follows from it without any judgement. */
export interface Evidence {
  reading: ExportReading
  recordings: readonly Recording[]
  /** Aligned with `recordings`: language, places, names (one object per distinct saying). */
  features: readonly RecordingFeatures[]
  /** The distinct objects of `features`, in order of first appearance, and each recording's place among them. */
  sayings: { distinct: readonly RecordingFeatures[]; kinds: Uint32Array }
  /** Aligned with `recordings`: UTC milliseconds, NaN where no time is known (see `timeAt`). */
  times: Float64Array
  devices: ReadonlyMap<string, Device>
  /** Indices into `recordings`, per device id. */
  byDevice: ReadonlyMap<string, readonly number[]>
  registered: readonly Device[]
  /** The owner's ids and e-mail addresses, lower-cased; empty when the export names none. */
  ownerIds: ReadonlySet<string>
  /** Further accounts the export holds (a second Takeout root). */
  otherAccounts: readonly Account[]
  /** The person's marks by recording id: 'mine' joins the account's usual, 'not-mine' leaves it. */
  marks: ReadonlyMap<string, MarkValue>
  /** Who speaks, by sound, when the voices were analysed (see voices/); null otherwise. */
  voices: VoiceEvidence | null
}

/** The voice groups the voice rules read: a hint by sound, never proof. */
export interface VoiceEvidence {
  /** Recording id → voice id, for recordings assigned to a voice. */
  voiceOf: ReadonlyMap<string, string>
  /** Voice id → the person's mark of the whole voice. */
  marks?: ReadonlyMap<string, VoiceMark>
}

/** A rule that needs only the export's own statements (registration, ids, signals). */
export interface EvidenceRule {
  kind: 'evidence'
  id: RuleId
  severity: Severity
  run(e: Evidence): Finding[]
}

/**
 * A rule that compares recordings with what is usual for the account. It runs after the evidence
 * rules, because the usual is learnt only from recordings they leave unflagged.
 */
export interface ProfileRule {
  kind: 'profile'
  id: RuleId
  severity: 'weak'
  run(e: Evidence, usual: Usual): Finding[]
}

export type Rule = EvidenceRule | ProfileRule

export interface RecordingVerdict {
  verdict: Verdict
  /** Rule ids that cover the recording, strong ones first. */
  reasons: RuleId[]
}

export interface Analysis {
  findings: Finding[]
  /** The recordings judged (the reading's), which `verdicts` is aligned with. */
  recordings: readonly Recording[]
  /** The verdict of each recording, by its place in `recordings`; most share one frozen answer. */
  verdicts: readonly RecordingVerdict[]
  /** Every recording of the reading, by id (made on first use from `verdicts`). */
  readonly recordingVerdicts: Map<string, RecordingVerdict>
  /** Every device of the reading, by id. */
  deviceVerdicts: Map<string, Verdict>
  /** How many recordings the usual was learnt from (0: the weak rules that need it stayed silent). */
  baseline: number
}
