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

  it('answers from a name\'s bytes only what find answers for its text, and only the next entry', async () => {
    const paths = ['v/Voice.csv', 'v/Audio/a.wav', 'v/Audio/b.wav', 'v/audio/B.wav', 'v/Audio/c.wav', 'w/Audio/d.wav', 'v/Audio/e!.wav']
    const names = ['Audio/a.wav', 'AUDIO/B.WAV', 'Audio/b.wav', 'Audio/c.wav', './Audio/c.wav', 'Audio/d.wav', 'Audio/e!.wav', 'Audio/a.wav', 'Audio/b.wa', 'Audio\\c.wav', '']
    // The same names asked in the same order of two lookups: by bytes first (then by text when
    // the bytes give nothing, as the reader does), and by text only.
    const view = await viewOf(paths)
    const csv = view.entries[0]!
    const [bytesFirst, textOnly] = [new AudioLookup(view), new AudioLookup(view)]
    const byBytes: Array<string | null> = []
    const byText: Array<string | null> = []
    const fromBytes: boolean[] = []
    for (const name of names) {
      const bytes = Buffer.from(`,${name},`, 'latin1')
      const hit = bytesFirst.nextByBytes(bytes, 1, bytes.length - 1, csv)
      fromBytes.push(hit !== null)
      byBytes.push((hit ?? (name ? bytesFirst.find(name, csv) : null))?.path ?? null)
      byText.push((name ? textOnly.find(name, csv) : null)?.path ?? null)
    }
    expect(byBytes).toEqual(byText)
    expect(byText.slice(0, 4)).toEqual(['v/Audio/a.wav', 'v/audio/B.wav', 'v/audio/B.wav', 'v/Audio/c.wav'])
    // Found from bytes: the next entry, named as it is in its folder, when it is the last of its
    // normalised name (b.wav's first entry is not: B.wav comes after it); a name with './', '!' or
    // '\\' goes the long way.
    expect(fromBytes.slice(0, 5)).toEqual([true, false, false, true, false])
    const unique = await viewOf(['v/Voice.csv', 'v/Audio/a.wav', 'v/Audio/b.wav', 'v/Audio/c!.wav'])
    const lookup = new AudioLookup(unique)
    const at = (name: string) => {
      const bytes = Buffer.from(name, 'latin1')
      return lookup.nextByBytes(bytes, 0, bytes.length, unique.entries[0]!)?.path ?? null
    }
    expect(at('Audio/a.wav')).toBe('v/Audio/a.wav')
    expect(at('AUDIO/B.wav')).toBe('v/Audio/b.wav')
    expect(at('Audio/c!.wav')).toBeNull()
    expect(at('Audio/a.wav')).toBeNull()
  })
})
