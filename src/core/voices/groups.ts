import type { Recording } from '../../shared/model/recording'
import type { Clustering } from './cluster'

/** One voice of an export: a hint the person checks by listening, never proof of who spoke. */
export interface Voice {
  /** `voice-1` is the largest group; ids are per analysis, marks are kept by samples instead. */
  id: string
  recordingIds: string[]
  deviceIds: string[]
  firstSeen: string | null
  lastSeen: string | null
  /** Up to three recordings closest to the group's centre: the ones to listen to. */
  samples: string[]
}

export interface VoiceGroups {
  voices: Voice[]
  /** Recording id → voice id, for assigned recordings only. */
  voiceOf: Map<string, string>
  /** Recordings whose audio was analysed (the rest had none, or none that could be read). */
  analysed: number
}

/** Groups of recording indices (representatives first) into voices with their devices and dates. */
export function voicesOf(recordings: readonly Recording[], clustering: Clustering, analysed: number): VoiceGroups {
  const voiceOf = new Map<string, string>()
  const voices = clustering.groups.map((members, g): Voice => {
    const id = `voice-${g + 1}`
    const devices = new Set<string>()
    let first: string | null = null
    let last: string | null = null
    for (const i of members) {
      const r = recordings[i]!
      voiceOf.set(r.id, id)
      if (r.deviceId) devices.add(r.deviceId)
      // ISO times in UTC with Z compare as strings.
      if (r.time && (first === null || r.time < first)) first = r.time
      if (r.time && (last === null || r.time > last)) last = r.time
    }
    return {
      id,
      recordingIds: members.map((i) => recordings[i]!.id),
      deviceIds: [...devices].sort(),
      firstSeen: first,
      lastSeen: last,
      samples: members.slice(0, 3).map((i) => recordings[i]!.id)
    }
  })
  return { voices, voiceOf, analysed }
}
