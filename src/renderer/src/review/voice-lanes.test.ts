import { describe, expect, it } from 'vitest'
import type { Device, Recording } from '../../../shared/model/recording'
import type { VoiceSummary } from '../../../shared/model/voices'
import { catalogOf, filterOf } from './catalog'
import { byVoice, NO_VOICE, relaned, voiceCodes, voiceMask, voiceOrder } from './voice-lanes'
import { testDevice, testRecording } from './testing/recording'

const device = (id: string, registered: boolean): Device => testDevice(id, registered, { serial: null })
const rec = (deviceId: string, time: string | null): Recording => testRecording(deviceId, time)

const voice = (id: string, recordings: number): VoiceSummary => ({ id, recordings, deviceIds: [], firstSeen: null, lastSeen: null, samples: [], mark: null })

// Owner on the kitchen Echo, a stranger on an unregistered one and once on the kitchen Echo; r6 is in no voice group.
const recordings = [
  rec('kitchen', '2024-03-01T10:00:00Z'),
  rec('kitchen', '2024-03-01T08:00:00Z'),
  rec('stranger', '2024-03-02T10:00:00Z'),
  rec('kitchen', '2024-03-03T10:00:00Z'),
  rec('stranger', null),
  rec('kitchen', '2024-03-04T10:00:00Z')
]
const c = catalogOf(recordings, [device('kitchen', true), device('stranger', false)])
const voices = [voice('owner', 3), voice('other', 2)]
const voiceOf = { r1: 'owner', r2: 'owner', r4: 'other', r3: 'other', r5: 'other' }
const ids = (mask: Uint8Array | null) => recordings.filter((_, i) => mask?.[i]).map((r) => r.id)

describe('voices on the timeline and in the filter', () => {
  it('codes each recording by its voice in the panel order, -1 for none', () => {
    expect([...voiceCodes(c.recordings, voiceOrder(voices), voiceOf)]).toEqual([0, 0, 1, 1, 1, -1])
  })

  it('filters to one voice, to no voice group, or not at all; a voice that is gone lets nothing through', () => {
    const codes = voiceCodes(c.recordings, voiceOrder(voices), voiceOf)
    expect(voiceMask(codes, voices, null)).toBeNull()
    expect(ids(voiceMask(codes, voices, 'other'))).toEqual(['r3', 'r4', 'r5'])
    expect(ids(voiceMask(codes, voices, NO_VOICE))).toEqual(['r6'])
    expect(ids(voiceMask(codes, voices, 'reclustered-away'))).toEqual([])
    // With the device filter too: the stranger's Echo and the voice "other" meet in two recordings.
    const f = filterOf(c, '', 'stranger', 'all', Number.NaN, Number.NaN, -1, 'all', 'all', null, voiceMask(codes, voices, 'other'))
    expect(f.count).toBe(2)
  })

  it('lays one lane per voice, then the recordings in no group, each sorted by time; the counts follow the filter', () => {
    const codes = voiceCodes(c.recordings, voiceOrder(voices), voiceOf)
    const v = byVoice(c, codes, voices)
    expect(v.lanes.map((l) => [l.key, l.voice, l.count])).toEqual([
      ['owner', 1, 2],
      ['other', 2, 3],
      [NO_VOICE, 0, 1]
    ])
    // Recordings keep their times and tones; the lanes hold those with a time, earliest first.
    expect(v.time).toBe(c.time)
    expect([...v.laneIndex[0]!].map((i) => recordings[i]!.id)).toEqual(['r2', 'r1'])
    expect([...v.laneIndex[1]!].map((i) => recordings[i]!.id)).toEqual(['r3', 'r4'])
    expect([...v.lane]).toEqual([0, 0, 1, 1, 1, 2])
    const f = relaned(v, filterOf(c, '', 'kitchen', 'all', Number.NaN, Number.NaN))
    expect([...f.laneCounts]).toEqual([2, 1, 1])
  })

  it('colours a voice lane by the person\'s mark of the voice', () => {
    const marked = [{ ...voices[0]!, mark: 'me' as const }, { ...voices[1]!, mark: 'not-known' as const }]
    const v = byVoice(c, voiceCodes(c.recordings, voiceOrder(marked), voiceOf), marked)
    expect(v.lanes.map((l) => l.tone)).toEqual(['own', 'foreign', 'unknown'])
  })

  it('leaves out a voice lane with no recordings and the no-group lane when every recording has a voice', () => {
    const all = { ...voiceOf, r6: 'owner' }
    const three = [...voices, voice('empty', 0)]
    const v = byVoice(c, voiceCodes(c.recordings, voiceOrder(three), all), three)
    expect(v.lanes.map((l) => l.key)).toEqual(['owner', 'other'])
  })
})
