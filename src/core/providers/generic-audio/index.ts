import { stableId } from '../ids'
import type { ExportView } from '../export-view'
import type { ParseContext, ProviderDescriptor, ProviderItem } from '../types'

const GENERIC = 'generic-audio'

async function* parse(view: ExportView, ctx: ParseContext): AsyncGenerator<ProviderItem> {
  for (const e of view.audio) {
    if (ctx.claimed.has(e)) continue
    const { size, localTime } = e.entry.info
    yield {
      type: 'recording',
      recording: {
        id: stableId('r', GENERIC, e.key),
        provider: GENERIC,
        // An entry time has no zone: it is kept as archive time and never passed off as UTC.
        time: null,
        archiveTime: localTime,
        deviceId: null,
        accountId: null,
        audio: { path: e.path, part: e.part, size },
        durationMs: null,
        transcript: null,
        response: null,
        language: null,
        signals: ['metadata-missing'],
        source: { file: e.path, part: e.part, line: null, fields: { size: String(size), ...(localTime ? { archiveTime: localTime } : {}) } }
      }
    }
  }
}

/** Every audio file no other provider read: nothing audible in an export stays hidden. */
export const genericAudio: ProviderDescriptor = {
  id: GENERIC,
  name: 'Audio files',
  fallback: true,
  recognize: (view) => {
    const n = view.audio.length
    return n > 0 ? { confidence: 0.5, reason: `${n} audio files` } : { confidence: 0, reason: 'no audio files' }
  },
  parse
}
