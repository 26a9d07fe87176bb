import { describe, expect, it } from 'vitest'
import { AudioLookup } from './audio-lookup'
import { createExportView } from './export-view'
import { memoryArchive } from './testing/memory-archive'
import { ProblemLog } from './problem-log'

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

  it('finds a bare name that several audio files carry by a look-up of its name, not a pass over them per row', async () => {
    const folders = Array.from({ length: 200 }, (_, i) => `v/Audio/f${i}/rec.wav`)
    const view = await viewOf(['v/Voice.csv', 'w/Other.csv', ...folders, 'w/Deep/x/rec.wav', 'w/Deep/y/rec.wav', 'p/one.wav'])
    let asked = 0
    const lookup = new AudioLookup({ ...view, byBase: (base) => (asked++, view.byBase(base)) })
    const [csv, other] = [view.entries[0]!, view.entries[1]!]
    // The first of the name under the metadata file's folder; from a file at the root, the first of all.
    for (let row = 0; row < 500; row++) expect(lookup.find('rec.wav', csv)?.path).toBe('v/Audio/f0/rec.wav')
    expect(lookup.find('REC.wav', other)?.path).toBe('w/Deep/x/rec.wav')
    expect(lookup.find('rec.wav', null)?.path).toBe('v/Audio/f0/rec.wav')
    expect(lookup.find('one.wav', csv)?.path).toBe('p/one.wav')
    expect(lookup.find('none.wav', csv)).toBeNull()
    // One gathering of each name asked (two spellings of rec.wav are one name): asked per row, each filtered all 202 files.
    expect(asked).toBe(3)
  })

  it('finds the first of a bare name under the metadata file\'s folder among files 32,000 folders deep, each path read once', async () => {
    // Keying every folder of every carrier made each path cost the square of its depth: 50 files 16,000 deep took 7.6 s, these a minute.
    const deep = 'a/'.repeat(32_000)
    const view = await viewOf(['v/x7/Voice.csv', ...Array.from({ length: 100 }, (_, i) => `v/x${i}/${deep}rec.wav`)])
    const lookup = new AudioLookup(view)
    for (let row = 0; row < 100; row++) expect(lookup.find('rec.wav', view.entries[0]!)?.path).toBe(`v/x7/${deep}rec.wav`)
    expect(lookup.find('rec.wav', null)?.path).toBe(`v/x0/${deep}rec.wav`)
  })

  it('says once per name, for each metadata file, that its rows took one of several files of that name', async () => {
    const view = await viewOf(['v/Voice.csv', 'w/Other.csv', 'v/a/rec.wav', 'v/b/rec.wav', 'v/c/rec.wav', 'v/one.wav', 'v/Audio/two.wav'])
    const [csv, other] = [view.entries[0]!, view.entries[1]!]
    const lookup = new AudioLookup(view)
    for (const name of ['rec.wav', 'one.wav', 'Audio/two.wav', 'REC.WAV', 'rec.wav']) lookup.find(name, csv)
    lookup.find('rec.wav', other)
    const problemsOf = (file: typeof csv) => {
      const log = new ProblemLog('amazon-alexa', file.path)
      lookup.reportAmbiguous(file, log)
      return log.drain().map((p) => [p.kind, p.path, p.line, p.message])
    }
    expect(problemsOf(csv)).toEqual([
      ['ambiguous-audio', 'v/Voice.csv', null, '3 rows name the audio file "rec.wav" without its folder, and 3 audio files in the export have that name: all were matched to v/a/rec.wav, which may not be theirs.']
    ])
    expect(problemsOf(other)).toEqual([
      ['ambiguous-audio', 'w/Other.csv', null, '1 row names the audio file "rec.wav" without its folder, and 3 audio files in the export have that name: it was matched to v/a/rec.wav, which may not be theirs.']
    ])
    // Reported once: the file's notes are gone.
    expect(problemsOf(csv)).toEqual([])
  })
})
