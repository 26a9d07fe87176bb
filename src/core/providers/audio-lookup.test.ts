import { describe, expect, it } from 'vitest'
import { AudioLookup } from './audio-lookup'
import { createExportView } from './export-view'
import { memoryArchive } from './testing/memory-archive'

const viewOf = async (paths: string[]) => createExportView(await memoryArchive({ parts: [], mtime: new Date(0) }, paths.map((path) => ({ path, content: 'x' }))))

describe('AudioLookup', () => {
  it('finds what rows name, in the archive order or any other, as the normalised lookup does', async () => {
    const view = await viewOf(['Alexa/Alexa.VoiceHistory.csv', 'Alexa/Audio/A1.wav', 'Alexa/Audio/A2.wav', 'Alexa/Audio/A3.wav', 'Elsewhere/B1.wav', 'Alexa/Audio/Ä4.wav'])
    const csv = view.entries[0]!
    const lookup = new AudioLookup(view)
    expect(lookup.uniqueNames).toBe(true)
    const found = (name: string) => lookup.find(name, csv)?.path ?? null
    // In order (the next entry each time), out of order, in another case, with './' and backslashes.
    expect(['Audio/A1.wav', 'Audio/A2.wav', 'Audio/A3.wav'].map(found)).toEqual(['Alexa/Audio/A1.wav', 'Alexa/Audio/A2.wav', 'Alexa/Audio/A3.wav'])
    expect(['Audio/A2.wav', 'audio/a1.WAV', './Audio/A3.wav', 'Audio\\A2.wav', 'AUDIO/Ä4.wav'].map(found)).toEqual(['Alexa/Audio/A2.wav', 'Alexa/Audio/A1.wav', 'Alexa/Audio/A3.wav', 'Alexa/Audio/A2.wav', 'Alexa/Audio/Ä4.wav'])
    // By bare name elsewhere in the export; nothing for a name that is nowhere.
    expect(found('B1.wav')).toBe('Elsewhere/B1.wav')
    expect(found('Audio/A9.wav')).toBeNull()
    // A name one entry further than the last answer, but in another folder, is not taken for it.
    expect(found('Audio/A1.wav')).toBe('Alexa/Audio/A1.wav')
    expect(found('Other/A2.wav')).toBe('Alexa/Audio/A2.wav')
  })

  it('answers the last of two entries whose names differ only in case, also right after the first, and says names are not unique', async () => {
    const view = await viewOf(['v/Voice.csv', 'v/Audio/x.wav', 'v/audio/X.wav', 'v/Audio/y.wav'])
    const csv = view.entries[0]!
    const lookup = new AudioLookup(view)
    expect(lookup.uniqueNames).toBe(false)
    expect(lookup.find('Audio/x.wav', csv)?.path).toBe('v/audio/X.wav')
    expect(lookup.find('Audio/y.wav', csv)?.path).toBe('v/Audio/y.wav')
    expect(lookup.find('Audio/x.wav', csv)?.path).toBe('v/audio/X.wav')
  })
})
