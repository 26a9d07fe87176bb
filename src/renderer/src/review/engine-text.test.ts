import i18next from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import { FINDING_TEXT_KEYS, type Finding } from '../../../shared/model/analysis'
import de from '../i18n/de.json'
import en from '../i18n/en.json'
import { findingText, stepText } from './engine-text'

const i18n = i18next.createInstance()
beforeAll(async () => {
  await i18n.init({ lng: 'de', fallbackLng: 'en', resources: { de: { translation: de }, en: { translation: en } }, interpolation: { escapeValue: false } })
})

const finding = (text: Finding['text'], message = 'English sentence.'): Finding => ({ rule: 'unregistered-device', severity: 'strong', message, text, recordingIds: [], deviceIds: [] })

describe('findings in the UI language', () => {
  it('has a German sentence, singular and plural, for every key the detector emits', () => {
    const engine = (de as unknown as { engine: Record<string, unknown> }).engine
    for (const key of FINDING_TEXT_KEYS) {
      expect(engine[`${key}_one`], key).toBeTruthy()
      expect(engine[`${key}_other`], key).toBeTruthy()
    }
  })

  it('says the 2018 case in German, with German dates and numbers', () => {
    const t = i18n.getFixedT('de')
    const f = finding({ key: 'unregisteredNone', params: { n: 1704, from: '2018-05-02', to: '2018-08-11', device: 'Echo Dot', deviceType: 'ECHO', serial: 'G090…7Q2', registered: 0 } })
    expect(findingText(f, t, 'de')).toBe(
      'Gerät „Echo Dot“ (Seriennummer G090…7Q2) ist nicht für dieses Konto registriert, für das überhaupt kein Gerät registriert ist; 1.704 Aufnahmen stammen von ihm zwischen 2. Mai 2018 und 11. Aug. 2018.'
    )
  })

  it('names languages and lists in German, and drops the time when none is known', () => {
    const t = i18n.getFixedT('de')
    const f = finding({ key: 'otherLanguage', params: { n: 1, from: null, to: null, language: 'en', theirs: ['de', 'fr'] } })
    expect(findingText(f, t, 'de')).toBe('1 Aufnahme ist auf Englisch, die übrigen Aufnahmen des Kontos sind auf Deutsch und Französisch.')
    // What was judged, when the detector says: the transcript's words, or the language the export states.
    const judged = finding({ key: 'otherLanguage', params: { n: 2, from: null, to: null, language: 'de', theirs: ['en'], judged: 'transcript' } })
    expect(findingText(judged, t, 'de')).toBe('2 Aufnahmen sind auf Deutsch (nach den Wörtern des Transkripts beurteilt), die übrigen Aufnahmen des Kontos sind auf Englisch.')
  })

  it('says undo steps in German, and leaves English to the engine’s own label', () => {
    const de = i18n.getFixedT('de')
    expect(stepText({ key: 'mark', n: 6, mark: 'not-mine' }, de, 'de')).toBe('6 Aufnahmen als „nicht meine“ markieren')
    expect(stepText({ key: 'markDevice', n: 1704, mark: 'mine', device: 'Echo Küche' }, de, 'de')).toBe('„Echo Küche“ und seine 1.704 Aufnahmen als „meine“ markieren')
    expect(stepText({ key: 'removeNote', target: 'device' }, de, 'de')).toBe('Notiz zu einem Gerät entfernen')
    expect(stepText({ key: 'mark', n: 6, mark: 'not-mine' }, i18n.getFixedT('en'), 'en')).toBeNull()
    expect(stepText(null, de, 'de')).toBeNull()
  })

  it('keeps the English sentence in English, and where no key came with the finding', () => {
    const text = { key: 'unrecognizedSpeaker' as const, params: { n: 3, from: null, to: null } }
    expect(findingText(finding(text, 'The export marks 3 recordings…'), i18n.getFixedT('en'), 'en')).toBe('The export marks 3 recordings…')
    expect(findingText(finding(undefined, 'Old case file sentence.'), i18n.getFixedT('de'), 'de')).toBe('Old case file sentence.')
  })
})
