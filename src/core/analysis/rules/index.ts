import type { Rule } from '../types'
import { foreignAccountId } from './foreign-account-id'
import { otherLanguage } from './other-language'
import { otherPlaces } from './other-places'
import { otherRhythm } from './other-rhythm'
import { outsideRegistration } from './outside-registration'
import { secondAccount } from './second-account'
import { unknownNames } from './unknown-names'
import { unrecognizedSpeaker } from './unrecognized-speaker'
import { unregisteredDevice } from './unregistered-device'
import { voiceNotKnown } from './voice-not-known'
import { voiceUnrecognizedSpeaker } from './voice-unrecognized-speaker'
import { voiceUnregisteredOnly } from './voice-unregistered-only'

/** Every rule the analysis runs, in the order their findings are shown: strong first. */
export const RULES: readonly Rule[] = [
  unregisteredDevice,
  foreignAccountId,
  secondAccount,
  unrecognizedSpeaker,
  outsideRegistration,
  otherLanguage,
  otherPlaces,
  unknownNames,
  otherRhythm,
  voiceUnregisteredOnly,
  voiceUnrecognizedSpeaker,
  voiceNotKnown
]
