import { describe, expect, it } from 'vitest'
import { languageOf, loadLanguageDetector, primaryLanguage } from './language'
import { namesIn } from './names'
import { distanceKm, placesIn } from './places'

const names = (text: string) => placesIn(text).map((p) => p.name)

describe('places in what was said', () => {
  it('finds the gazetteer’s places after in, to, nach, whatever the spelling', () => {
    expect(names('wie ist der Verkehr nach Lübeck')).toEqual(['Lübeck'])
    expect(names('wie wird das wetter morgen in luebeck')).toEqual(['Lübeck'])
    expect(names("what's the weather in New York tomorrow")).toEqual(['New York'])
    expect(names('will it rain in Munich or in Köln')).toEqual(['München', 'Köln'])
    expect(names('Zug von Hamburg nach Frankfurt am Main')).toEqual(['Hamburg', 'Frankfurt am Main'])
    expect(names('wie weit ist es zwischen Leipzig und Halle')).toEqual(['Leipzig', 'Halle (Saale)'])
  })
  it('takes an unknown capitalised word as a place only in a question about weather, traffic or the way', () => {
    expect(placesIn('regnet es morgen in Wolkenkuckucksheim')).toEqual([{ name: 'Wolkenkuckucksheim', lat: null, lon: null }])
    expect(names('spiel Jazz in der Küche')).toEqual([])
    expect(names('play some jazz in the kitchen')).toEqual([])
    expect(names('remind me in Ten minutes')).toEqual([])
  })
  it('measures how far apart places are, so home and work form one area', () => {
    const [hamburg, luebeck, leipzig] = [placesIn('in Hamburg')[0]!, placesIn('in Lübeck')[0]!, placesIn('in Leipzig')[0]!]
    expect(distanceKm(hamburg, luebeck)).toBeGreaterThan(50)
    expect(distanceKm(hamburg, luebeck)).toBeLessThan(70)
    expect(distanceKm(hamburg, leipzig)).toBeGreaterThan(280)
    expect(distanceKm(hamburg, { name: 'x', lat: null, lon: null })).toBe(Number.POSITIVE_INFINITY)
  })
})

describe('people named in what was said', () => {
  it('finds first names, and words that are also names only when capitalised inside a sentence', () => {
    expect(namesIn('erinnere mich, Mia um sechs anzurufen')).toEqual(['Mia'])
    expect(namesIn('ruf jonas an')).toEqual(['Jonas'])
    expect(namesIn('remind me to call Will at six')).toEqual(['Will'])
    expect(namesIn('will it rain in Hamburg')).toEqual([])
  })
  it('tells the city from the person, and the assistant from both', () => {
    expect(namesIn("what's on my calendar with Charlotte")).toEqual(['Charlotte'])
    expect(namesIn('weather in Charlotte')).toEqual([])
    expect(placesIn('weather in Charlotte').map((p) => p.name)).toEqual(['Charlotte'])
    expect(namesIn('Alexa, call Sabine')).toEqual(['Sabine'])
  })
})

describe('the language of a recording', () => {
  it('reads a short command together with the answer, in the speaker’s language', async () => {
    const detect = await loadLanguageDetector()
    expect(languageOf(detect, 'call Jonas', 'Calling Jonas.')).toBe('en')
    expect(languageOf(detect, 'ruf Jonas an', 'Ich rufe Jonas an.')).toBe('de')
    expect(languageOf(detect, 'schalte das Licht im Wohnzimmer aus', null)).toBe('de')
  })
  it('says nothing when there are too few words to tell', async () => {
    const detect = await loadLanguageDetector()
    expect(languageOf(detect, 'stop', null)).toBeNull()
    expect(languageOf(detect, 'stopp', 'Okay.')).toBeNull()
    expect(languageOf(detect, '', 'Hello there, how are you today?')).toBeNull()
  })
  it('takes a language the export states as it is', () => {
    expect(primaryLanguage('de-DE')).toBe('de')
    expect(primaryLanguage('en_US')).toBe('en')
    expect(primaryLanguage('???')).toBeNull()
  })
})
