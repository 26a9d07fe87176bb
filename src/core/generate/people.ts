import type { Voice } from './speech'

export type Language = 'en' | 'de'

/** Someone whose voice ends up in an export: the account's owner, or the stranger whose data leaked in. */
export interface Persona {
  firstName: string
  lastName: string
  partner: string
  friends: readonly string[]
  home: string
  work: string
  language: Language
  email: string
  customerId: string
  voice: Voice
}

export const OWNER: Persona = {
  firstName: 'Anna',
  lastName: 'Berger',
  partner: 'Jonas',
  friends: ['Mia', 'Lukas'],
  home: 'Hamburg',
  work: 'Lübeck',
  language: 'de',
  email: 'anna.berger@example.org',
  customerId: 'A3OWNER7Q2K9ZP',
  voice: { f0: 205, formantScale: 1.15 }
}

/** The 2018 case in miniature: a man in another city, with a partner and places the owner never names. */
export const STRANGER: Persona = {
  firstName: 'Thomas',
  lastName: 'Krüger',
  partner: 'Sabine',
  friends: ['Heiko', 'Birgit'],
  home: 'Leipzig',
  work: 'Halle',
  language: 'de',
  email: 'tkrueger.mail@example.net',
  customerId: 'A1STRANGR8M4XW',
  voice: { f0: 112, formantScale: 1 }
}

/** Utterances and answers per language; `{home}`, `{work}`, `{partner}`, `{friend}` are the persona's. */
export const PHRASES: Record<Language, ReadonlyArray<readonly [string, string]>> = {
  en: [
    ["what's the weather in {home} tomorrow", 'Tomorrow in {home} it will be cloudy with 14 degrees.'],
    ['how is the traffic to {work}', 'Traffic to {work} is light, about 35 minutes.'],
    ['call {partner}', 'Calling {partner}.'],
    ['remind me to call {friend} at six', "OK, I'll remind you at 6 pm."],
    ['set a timer for ten minutes', 'Ten minutes, starting now.'],
    ['play some jazz in the kitchen', 'Playing jazz.'],
    ['turn off the living room lights', 'OK.'],
    ['will it rain in {work} this afternoon', 'No rain is expected in {work} this afternoon.'],
    ['add milk to my shopping list', 'I added milk to your shopping list.'],
    ["what's on my calendar with {friend}", 'You have lunch with {friend} on Friday.']
  ],
  de: [
    ['wie wird das Wetter morgen in {home}', 'Morgen wird es in {home} bewölkt bei 14 Grad.'],
    ['wie ist der Verkehr nach {work}', 'Nach {work} ist wenig Verkehr, etwa 35 Minuten.'],
    ['ruf {partner} an', 'Ich rufe {partner} an.'],
    ['erinnere mich, {friend} um sechs anzurufen', 'Alles klar, ich erinnere dich um 18 Uhr.'],
    ['stell einen Timer auf zehn Minuten', 'Zehn Minuten, ab jetzt.'],
    ['spiel Jazz in der Küche', 'Hier ist Jazz.'],
    ['schalte das Licht im Wohnzimmer aus', 'Okay.'],
    ['regnet es heute Nachmittag in {work}', 'In {work} wird heute Nachmittag kein Regen erwartet.'],
    ['setz Milch auf die Einkaufsliste', 'Ich habe Milch auf deine Einkaufsliste gesetzt.'],
    ['was steht mit {friend} im Kalender', 'Am Freitag hast du Mittagessen mit {friend}.']
  ]
}

export const fill = (template: string, p: Persona, friend: string): string =>
  template.replace(/\{home\}/g, p.home).replace(/\{work\}/g, p.work).replace(/\{partner\}/g, p.partner).replace(/\{friend\}/g, friend)
