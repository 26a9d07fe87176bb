import { describe, expect, it } from 'vitest'
import { device, reading, recording } from '../../../test/helpers/reading'
import { analyze } from './analyze'

const day = (d: number) => `2024-03-${String(d).padStart(2, '0')}T10:00:00.000Z`

/** Ten recordings of the owner's voice (v1) on a registered Echo, five of another voice (v2) on an unregistered one. */
const base = () =>
  reading({
    devices: [device({ id: 'own', name: 'Küche', registered: true }), device({ id: 'other', name: 'Echo Leipzig', registered: false })],
    recordings: [
      ...Array.from({ length: 10 }, (_, i) => recording({ id: `o${i}`, deviceId: 'own', time: day(i + 1) })),
      ...Array.from({ length: 5 }, (_, i) => recording({ id: `s${i}`, deviceId: 'other', time: day(i + 11) }))
    ]
  })
const voiceOf = new Map([...Array.from({ length: 10 }, (_, i) => [`o${i}`, 'v1'] as const), ...Array.from({ length: 5 }, (_, i) => [`s${i}`, 'v2'] as const)])

describe('voice rules', () => {
  it('say nothing when no voices were analysed', async () => {
    const a = await analyze(base())
    expect(a.findings.filter((f) => f.rule.startsWith('voice-'))).toEqual([])
  })

  it('add a second reason to a voice heard only on unregistered devices, and only to it', async () => {
    const a = await analyze(base(), undefined, { voiceOf })
    const f = a.findings.find((x) => x.rule === 'voice-unregistered-only')!
    expect(f.recordingIds).toEqual(['s0', 's1', 's2', 's3', 's4'])
    expect(f.text).toMatchObject({ key: 'voiceUnregisteredOnly', params: { n: 5, names: ['Echo Leipzig'] } })
    expect(f.message).toBe("The same voice, by its sound, speaks in 5 recordings between 11 Mar and 15 Mar 2024, only ever on a device not registered to this account (Echo Leipzig) and never on the account's own.")
    expect(a.recordingVerdicts.get('s0')!.reasons).toEqual(['unregistered-device', 'voice-unregistered-only'])
    // The same voice also heard once on the owner's Echo: no longer "only on unregistered devices".
    const mixed = new Map(voiceOf)
    mixed.set('o0', 'v2')
    expect((await analyze(base(), undefined, { voiceOf: mixed })).findings.some((x) => x.rule === 'voice-unregistered-only')).toBe(false)
  })

  it('make the rest of a voice suspect when Google marks enough of it as an unrecognized speaker, not for one stray mark', async () => {
    const google = (marked: string[]) => {
      const r = base()
      r.providers = [{ id: 'google-assistant', name: 'Google Assistant', confidence: 1, reason: '' } as never]
      r.devices = []
      r.recordings = r.recordings.map((x) => ({ ...x, provider: 'google-assistant', deviceId: null, signals: marked.includes(x.id) ? ['unrecognized-speaker' as const] : [] }))
      return r
    }
    const a = await analyze(google(['s0', 's1']), undefined, { voiceOf })
    const f = a.findings.find((x) => x.rule === 'voice-unrecognized-speaker')!
    expect(f.recordingIds).toEqual(['s2', 's3', 's4'])
    expect(f.message).toBe('3 recordings: the same voice, by its sound, as 2 recordings Google marks as an unrecognized speaker, between 13 Mar and 15 Mar 2024.')
    for (const id of ['s2', 's3', 's4']) expect(a.recordingVerdicts.get(id)!.verdict).toBe('suspect')
    for (let i = 0; i < 10; i++) expect(a.recordingVerdicts.get(`o${i}`)!.verdict).toBe('own')
    // One of the owner's ten marked (voice matching fails on a cold): the owner's voice stays the owner's.
    const stray = await analyze(google(['o3']), undefined, { voiceOf })
    expect(stray.findings.some((x) => x.rule === 'voice-unrecognized-speaker')).toBe(false)
  })

  it('carry the person’s "not someone I know" to every recording of that voice', async () => {
    const a = await analyze(base(), undefined, { voiceOf, marks: new Map([['v1', 'not-known' as const]]) })
    const f = a.findings.find((x) => x.rule === 'voice-not-known')!
    expect(f.recordingIds).toHaveLength(10)
    expect(f.severity).toBe('weak')
    expect(a.recordingVerdicts.get('o4')!.reasons).toContain('voice-not-known')
    const none = await analyze(base(), undefined, { voiceOf, marks: new Map([['v1', 'me' as const]]) })
    expect(none.findings.some((x) => x.rule === 'voice-not-known')).toBe(false)
  })
})
