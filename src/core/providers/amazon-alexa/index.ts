import type { Account } from '../../../shared/model/recording'
import { AudioLookup } from '../audio-lookup'
import type { ExportView } from '../export-view'
import { problem } from '../read-text'
import type { ProviderDescriptor, ProviderItem, Recognition } from '../types'
import { readCustomerAttributes } from './customer-attributes'
import { locateAmazonFiles, type AmazonFiles } from './files'
import { AMAZON } from './keys'
import { readLeftoverAudio } from './leftover-audio'
import { readRegistration, type RegistrationResult } from './registration'
import { readVoiceHistory } from './voice-history'

const located = new WeakMap<ExportView, AmazonFiles>()
const filesOf = (view: ExportView): AmazonFiles => {
  let files = located.get(view)
  if (!files) located.set(view, (files = locateAmazonFiles(view)))
  return files
}

function recognize(view: ExportView): Recognition {
  const f = filesOf(view)
  if (f.voiceHistory.length > 0) return { confidence: 0.95, reason: `Alexa voice history: ${f.voiceHistory[0]!.path}` }
  if (f.transcriptPdfs.length > 0 && f.audio.length > 0) return { confidence: 0.9, reason: `${f.audio.length} audio files and a transcript PDF (${f.transcriptPdfs[0]!.path}), as in Amazon's 2018 answers` }
  if (f.registration.length + f.customerAttributes.length > 0) return { confidence: 0.8, reason: `Amazon account files: ${[...f.registration, ...f.customerAttributes][0]!.path}` }
  if (f.categoryFiles > 0 && f.maybeVoiceHistory.length + f.audio.length > 0) return { confidence: 0.7, reason: `files named like Amazon's data categories, with Alexa files` }
  if (f.categoryFiles >= 3) return { confidence: 0.6, reason: `${f.categoryFiles} files named like Amazon's data categories` }
  return { confidence: 0, reason: 'no file named like Amazon’s' }
}

async function* parse(view: ExportView, ctx: Parameters<ProviderDescriptor['parse']>[1]): AsyncGenerator<ProviderItem> {
  const files = filesOf(view)
  const account: Account = { provider: AMAZON, role: 'owner', ids: [], names: [], emails: [], source: files.customerAttributes[0]?.path ?? null }
  for (const f of files.customerAttributes) yield* readCustomerAttributes(view, f, account, ctx.signal)

  const registration: RegistrationResult = { serials: new Set() }
  if (files.registration.length === 0) {
    // No file is not an empty list: without it the export does not say which devices are the account's.
    yield { type: 'registration-unknown' }
    yield { type: 'problem', problem: problem(AMAZON, 'missing-file', null, 'The export has no registration.csv (Devices.Registration), so it does not say which devices are registered to the account; no device is called unregistered for that.') }
  }
  for (const f of files.registration) yield* readRegistration(view, f, registration, ctx.signal)
  yield { type: 'account', account }

  const lookup = new AudioLookup(view)
  for (const f of files.voiceHistory) yield* readVoiceHistory(view, f, ctx, { namedAsVoiceHistory: true, audio: lookup })
  for (const f of files.maybeVoiceHistory) yield* readVoiceHistory(view, f, ctx, { namedAsVoiceHistory: false, audio: lookup })
  if (files.voiceHistory.length + files.maybeVoiceHistory.length + files.transcriptPdfs.length === 0 && files.audio.length > 0) {
    yield { type: 'problem', problem: problem(AMAZON, 'missing-file', null, 'The export has Alexa audio but no voice history file: recordings are listed with what the archive says of them.') }
  }
  // The audio the rows named is in ctx.claimed by now: readExport claims each recording's audio as it
  // takes it. The rest of Alexa's audio becomes recordings here, so all of it ends up claimed.
  yield* readLeftoverAudio(view, files, ctx)
}

export const amazonAlexa: ProviderDescriptor = { id: AMAZON, name: 'Amazon Alexa', recognize, parse }
