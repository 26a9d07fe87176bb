import { z } from 'zod'

export const VerdictSchema = z.enum(['own', 'suspect', 'foreign'])
export type Verdict = z.infer<typeof VerdictSchema>

/** strong: the export itself contradicts ownership; weak: it only suggests another person. */
export const SeveritySchema = z.enum(['strong', 'weak'])
export type Severity = z.infer<typeof SeveritySchema>

/** Every rule the analysis runs; a recording's reasons and the UI's "filter by reason" use these ids. */
export const RULE_IDS = [
  'unregistered-device',
  'foreign-account-id',
  'second-account',
  'other-language',
  'other-places',
  'unknown-names',
  'outside-registration',
  'other-rhythm',
  'unrecognized-speaker',
  'voice-unregistered-only',
  'voice-unrecognized-speaker',
  'voice-not-known'
] as const
export const RuleIdSchema = z.enum(RULE_IDS)
export type RuleId = z.infer<typeof RuleIdSchema>

/** One reason a person can check: which rule, how sure, a sentence naming the evidence, and what it covers. */
/** Every sentence a rule can say, as keys under "engine" in the renderer's translations. */
export const FINDING_TEXT_KEYS = [
  'unregisteredNone',
  'unregisteredOne',
  'unregisteredMany',
  'foreignAccountId',
  'otherLanguage',
  'otherPlaces',
  'otherRhythmShift',
  'otherRhythmBusiest',
  'outsideBefore',
  'outsideAfter',
  'secondAccount',
  'secondAccountUntied',
  'unknownNames',
  'unrecognizedSpeaker',
  'voiceUnregisteredOnly',
  'voiceUnrecognizedSpeaker',
  'voiceNotKnown'
] as const
export type FindingTextKey = (typeof FINDING_TEXT_KEYS)[number]

export const FindingSchema = z.object({
  rule: RuleIdSchema,
  severity: SeveritySchema,
  message: z.string(),
  /**
   * The same sentence for the app to say in the person's language: a key under "engine" in the
   * renderer's translations, and its values (counts, names, ISO days). `message` stays the English.
   */
  text: z
    .object({
      key: z.enum(FINDING_TEXT_KEYS),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string()), z.null()]))
    })
    .optional(),
  recordingIds: z.array(z.string()),
  deviceIds: z.array(z.string())
})
export type Finding = z.infer<typeof FindingSchema>
