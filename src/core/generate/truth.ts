import type { Reason } from './plan'

/** One recording as the generator made it: what a correct reading must find. */
export interface TruthRecording {
  /** UTC ISO with milliseconds and Z, as the providers report it; null when the export gives none. */
  time: string | null
  /** The audio's path as the archive engine names it ('Alexa.zip!/Alexa/Audio/x.wav'), or null. */
  audioPath: string | null
  part: string | null
  deviceSerial: string | null
  transcript: string | null
  /** The metadata row or item exists (false: an audio file the metadata does not name). */
  hasMetadata: boolean
  foreign: boolean
  reasons: Reason[]
}

export interface TruthDevice {
  serial: string
  name: string
  registered: boolean
  foreign: boolean
  recordings: number
}

/** Written beside each export as `<out>.truth.json`. */
export interface Truth {
  schema: 'exportscope.truth/1'
  provider: 'amazon' | 'google'
  layout: string
  kind: string
  seed: string
  owner: { name: string; customerId: string | null; email: string | null }
  devices: TruthDevice[]
  recordings: TruthRecording[]
  counts: { recordings: number; foreign: number; devices: number; registeredDevices: number; audioFiles: number; withoutAudio: number; withoutMetadata: number }
  /** The variations this export carries (BOM, CRLF, separator, locale, …), for the tests' names. */
  variations: Record<string, unknown>
}

export function countTruth(t: Omit<Truth, 'counts'>): Truth {
  const r = t.recordings
  return {
    ...t,
    counts: {
      recordings: r.length,
      foreign: r.filter((x) => x.foreign).length,
      devices: t.devices.length,
      registeredDevices: t.devices.filter((d) => d.registered).length,
      audioFiles: r.filter((x) => x.audioPath !== null).length,
      withoutAudio: r.filter((x) => x.audioPath === null).length,
      withoutMetadata: r.filter((x) => !x.hasMetadata).length
    }
  }
}
