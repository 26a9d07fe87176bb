import { describe, expect, it } from 'vitest'
import { readBuilt } from '../testing/read-built'

describe('generic-audio', () => {
  it('lists every audio file no provider claimed, with its archive time kept as archive time, not UTC', async () => {
    const { reading } = await readBuilt({ provider: 'amazon', own: 2, foreign: 1, kind: 'unregistered-device' }, [
      { path: 'Sonstiges/Anrufbeantworter.mp3', content: Buffer.alloc(300, 1) },
      { path: 'Telegram/voice_messages/audio_1@14-11-2023_22-13-20.ogg', content: Buffer.alloc(120, 2) },
      { path: '__MACOSX/Sonstiges/._Anrufbeantworter.mp3', content: Buffer.alloc(82) }
    ])
    const generic = reading.recordings.filter((r) => r.provider === 'generic-audio')
    expect(generic.map((r) => [r.audio?.path, r.audio?.size, r.time, r.archiveTime, r.signals])).toEqual([
      ['Sonstiges/Anrufbeantworter.mp3', 300, null, '2024-03-01T10:10:10', ['metadata-missing']],
      ['Telegram/voice_messages/audio_1@14-11-2023_22-13-20.ogg', 120, null, '2024-03-01T10:10:10', ['metadata-missing']]
    ])
    expect(reading.providers.map((p) => p.id)).toEqual(['amazon-alexa', 'generic-audio'])
    // Alexa's own audio is claimed by the Amazon reader and never listed twice.
    expect(reading.recordings.filter((r) => r.audio?.path.startsWith('Alexa.zip!/'))).toHaveLength(3)
    expect(new Set(reading.recordings.map((r) => r.audio?.path)).size).toBe(reading.recordings.length)
  })

  it('is left out of the providers when there is nothing left to list', async () => {
    const { reading } = await readBuilt({ provider: 'amazon', own: 2, foreign: 0, kind: 'none' })
    expect(reading.providers.map((p) => p.id)).toEqual(['amazon-alexa'])
  })
})
