import { describe, expect, it } from 'vitest'
import { bavarianFacts, sampleEvidence } from '../../../../test/fixtures/complaint-facts'
import { deviceOf, recordingOf } from '../../../../test/fixtures/recording'
import type { Finding } from '../../../shared/model/analysis'
import type { LetterKind } from '../../../shared/model/complaint'
import { renderLetter } from './render'
import { reviewFacts } from './review-facts'

const today = '2026-11-23'
const LANGS = ['en', 'de', 'fr'] as const
const TO_PERSON_OR_AUTHORITY: LetterKind[] = ['controller-notice', 'art77-complaint', 'breach-report']
// "By its sound" in each language: the words every voice sentence carries, and nothing else in a letter does.
const BY_SOUND = /by its sound|nach ihrem Klang|d'après son timbre|by the sound of the voice|nach dem Klang der Stimme|d'après le timbre/

const device = (id: string, name: string, registered: boolean) => deviceOf({ id, name, registered })
const recording = (id: string, deviceId: string) => recordingOf({ id, deviceId })
const finding = (rule: Finding['rule'], recordingIds: string[]): Pick<Finding, 'rule' | 'recordingIds'> => ({ rule, recordingIds })

const reading = { account: { ids: ['A1OWNACCOUNT9Z'], names: [], emails: [] }, devices: [device('k', 'Kitchen Echo', true), device('b', 'Bedroom Dot', true), device('s', 'Echo Küche', false)] }
// Five flagged recordings of one voice in the kitchen and the bedroom, two of a stranger's Echo; r-own is the owner's, not flagged.
const flagged = [...['v1', 'v2', 'v3'].map((id) => recording(id, 'k')), ...['v4', 'v5'].map((id) => recording(id, 'b')), recording('s1', 's'), recording('s2', 's')].map((r) => ({ recording: r, mark: 'not-mine', verdict: 'suspect' }))
const voiceIds = ['v1', 'v2', 'v3', 'v4', 'v5', 'r-own']

describe('letters cite a voice group only when the person confirmed it by marking it "not someone I know"', () => {
  it('counts a confirmed voice by its flagged recordings and names the devices it was heard on', () => {
    const r = reviewFacts(reading, flagged, [finding('voice-not-known', voiceIds), finding('unregistered-device', ['s1', 's2'])])
    expect(r.confirmedVoices).toEqual([{ recordings: 5, devices: ['Kitchen Echo', 'Bedroom Dot'] }])
  })

  it('keeps groups the person did not mark out, whatever the other voice rules say of them', () => {
    const r = reviewFacts(reading, flagged, [finding('voice-unregistered-only', ['s1', 's2']), finding('voice-unrecognized-speaker', voiceIds), finding('unrecognized-speaker', ['v1'])])
    expect(r.confirmedVoices).toEqual([])
    // A confirmed voice none of whose recordings is flagged any more (each marked "mine" by hand) is not cited either.
    expect(reviewFacts(reading, [], [finding('voice-not-known', voiceIds)]).confirmedVoices).toEqual([])
  })

  for (const lang of LANGS) {
    it(`${lang}: the confirmed voice is a sentence with "by its sound" and its devices; unmarked groups say nothing`, () => {
      const confirmed = sampleEvidence({ foreignRecordings: 7, review: reviewFacts(reading, flagged, [finding('voice-not-known', voiceIds)]) })
      const unmarked = sampleEvidence({ foreignRecordings: 7, review: reviewFacts(reading, flagged, [finding('voice-unregistered-only', ['s1', 's2']), finding('voice-unrecognized-speaker', voiceIds)]) })
      const want = {
        en: ['5 of these recordings share one voice, by its sound, that I do not know; I listened to them and confirmed this myself. The voice was heard on “Kitchen Echo” and “Bedroom Dot”.', 'not proof of who spoke'],
        de: ['In 5 dieser Aufnahmen spricht dieselbe Stimme, nach ihrem Klang, die ich nicht kenne; ich habe sie angehört und das selbst bestätigt. Die Stimme ist auf „Kitchen Echo“ und „Bedroom Dot“ zu hören.', 'kein Beweis, wer gesprochen hat'],
        fr: ["5 de ces enregistrements partagent une même voix, d'après son timbre, que je ne connais pas ; je les ai écoutés et l'ai confirmé moi-même. Cette voix se fait entendre sur « Kitchen Echo » et « Bedroom Dot ».", "non une preuve de l'identité du locuteur"]
      }[lang]
      for (const kind of TO_PERSON_OR_AUTHORITY) {
        const said = renderLetter(kind, bavarianFacts({ lang }), confirmed, { today, lang }).text
        for (const w of want) expect(said, kind).toContain(w)
        expect(renderLetter(kind, bavarianFacts({ lang }), unmarked, { today, lang }).text, kind).not.toMatch(BY_SOUND)
      }
      // The letter the stranger sends about their own recordings is not where the account holder's voice marks go.
      expect(renderLetter('victim-request', bavarianFacts({ lang }), confirmed, { today, lang }).text).not.toMatch(BY_SOUND)
    })
  }

  it('says "one of these recordings" for a voice with one flagged recording, and leaves out devices it does not know', () => {
    const one = reviewFacts({ ...reading, devices: [] }, flagged.slice(0, 1), [finding('voice-not-known', ['v1'])])
    expect(one.confirmedVoices).toEqual([{ recordings: 1, devices: [] }])
    const t = renderLetter('art77-complaint', bavarianFacts(), sampleEvidence({ foreignRecordings: 1, review: one }), { today, lang: 'en' }).text
    expect(t).toContain('One of these recordings has a voice, by its sound, that I do not know; I listened to it and confirmed this myself.')
    expect(t).not.toContain('was recorded on')
    // Only the person's word on the voice flags it: a weak sign, which the letter names among the others.
    expect(one.weakOnly).toBe(true)
    expect(t).toContain('or the voice is not one I know), so I ask you to clarify whose they are.')
  })
})
