// The redaction corpus: voice-assistant transcripts in English and German, generated from a seed,
// with every piece of personal data marked (span and kind). Names come only from the share of the
// name source that the gazetteer build held out (held-out-names.json), so the corpus measures the
// rules, not the list against itself. Half the transcripts are lowercase without punctuation, as
// Amazon's speech-to-text writes them; half carry no language, as Amazon's rows do.
import { createRandom, type Random } from '../../src/core/generate/random'
import heldOut from './held-out-names.json'

export type ItemKind = 'name' | 'iban' | 'card' | 'phone' | 'email' | 'address' | 'dob'
export type Language = 'en' | 'de'

export interface Item {
  start: number
  end: number
  kind: ItemKind
}

export interface Transcript {
  text: string
  language: Language
  /** What a reader is told: the language for half of them, null (as in Amazon's rows) for the rest. */
  hint: Language | null
  lowercase: boolean
  items: Item[]
  /** Which set of templates it comes from (1 = the first written). */
  set: number
}

type Slot = 'first' | 'last' | 'full' | 'title' | 'iban' | 'card' | 'phone' | 'email' | 'street' | 'postcode' | 'dob'
// A piece of a transcript: plain words that must stay, or personal data of a kind.
type Piece = string | { text: string; kind: ItemKind }

// Sets of templates, in the order they were written; a transcript records its set, and the bench
// prints figures per set. Sets 2 to 4 were each written after the rules had been tuned on the sets
// before, to see what the rules miss, and measured once before any rule changed.
const TEMPLATES: Record<Language, string[][]> = {
  en: [[
    'call {first}',
    'call {full}',
    'call {title}',
    "text {first} that I'm running late",
    'send a message to {full} saying see you at seven',
    'remind me to call {first} at six',
    'remind me to pick up {first} from school at three',
    "what's on my calendar with {first} on Friday",
    'add lunch with {full} to my calendar for Tuesday',
    'remember that {first} was born on {dob}',
    'my date of birth is {dob}',
    'send my IBAN {iban} to {first}',
    'my bank account is {iban}',
    'pay the invoice to {iban} by Friday',
    'my card number is {card}',
    'add the card {card} to my account',
    'call {phone}',
    "{first}'s number is {phone}",
    'send an email to {email}',
    'my email address is {email}',
    'navigate to {street}',
    'how long does it take to drive to {street}',
    'order a taxi to {street}, {postcode}',
    'my address is {street}, {postcode}',
    'ask {title} if the appointment on Monday is still on',
    'tell {first} that dinner is ready',
    'message {first} and {first} about the party',
    'is {first} coming to the party on Saturday',
    'set a reminder between 2 August and 9 Aug to water the plants',
    'what is the weather on Monday',
    'set a timer for ten minutes',
    'play some jazz in the kitchen',
    'turn off the living room lights',
    'add milk to my shopping list',
    'what time is it',
    'will it rain tomorrow afternoon',
    'play the news from the BBC',
    'how many days until Christmas'
  ], [
    // Set 2, written after the rules, to see what they miss: other contexts and rarer ordinary words.
    'video call {first} on Skype',
    'invite {full} to the barbecue on Sunday',
    "what's {first}'s phone number",
    'did {first} send me anything',
    'share my location with {first}',
    'the bank wants my IBAN {iban} and my sort code',
    'read my card number {card} back to me',
    'the plumber can be reached on {phone} after eight',
    'forward the tickets to {email} please',
    'the parcel goes to {street} in {postcode}',
    'my daughter {first} was born on {dob}',
    'add quinoa, chickpeas and oat milk to the groceries',
    'play the Brandenburg concertos on the bedroom speaker',
    'how many calories are in an avocado',
    'dim the hallway lamp to thirty percent'
  ], [
    // Set 3, written after the second was tuned, measured once before any change.
    'wake me up at seven and remind me that {first} needs the car',
    'can you find the photos from {full}',
    'add {first} to the group chat',
    '{title} said the results are fine',
    'transfer fifty pounds to account {iban}',
    'the hotel has my card {card} on file',
    'if {first} calls tell them I am out',
    'save {phone} as {first}',
    'my new address is {street}',
    'how old will {first} be on {dob}'
  ], [
    // Set 4 (issue 16, third session), written before any rule change of that session: names in running
    // speech (lowercase without a call before them), possessives, lists, surnames alone, and more
    // sentences of ordinary words only.
    'remind me that {first} has a dentist appointment on Thursday',
    "put {first}'s birthday party in the calendar",
    'buy a present for {first}',
    '{first} wants pizza tonight',
    'tell {first}, {first} and {first} that the match starts at eight',
    'who is {full}',
    'play the playlist {first} made for me',
    "how far is it to {first}'s house",
    "when is {first}'s flight landing",
    'I owe {first} twenty euros, remind me tomorrow',
    'note that {title} moved to {street}',
    'send {full} my new number {phone}',
    'my mother in law {full} arrives on Sunday',
    'add {email} to my contacts as {first}',
    'the babysitter {first} is coming at six',
    'what did {first} say about the trip',
    'book a table for two under the name {last}',
    'find my conversation with {first} from last week',
    'our neighbour {full} has the spare key',
    'directions to {street} please',
    'my credit card {card} expires next month',
    "is it {first}'s turn to do the dishes",
    'the kids {first} and {first} need new shoes',
    'I was born on {dob}',
    'ring {first} back when the meeting ends',
    'drive {first} to the station tomorrow morning',
    'say happy birthday to {first}',
    'how far is {postcode} from here',
    'add baking soda, lentils and coriander to the list',
    'turn the thermostat up to twenty one degrees',
    'how do you spell necessary',
    'what is the capital of Portugal'
  ], [
    // Set 5, written after this session's rules were tuned on set 4 and measured once before any further change:
    // other people in running speech, and ordinary sentences shaped like the new rules' contexts.
    'remind me that {first} is picking up the kids',
    'remind me that the rent needs paying on Friday',
    'remind me that dinner is at seven',
    'my sister loves pizza',
    'our neighbour has the spare key',
    'send the pictures to my phone',
    'drive carefully to work tomorrow',
    'buy a present for mum',
    'add eggs and butter to the shopping list',
    'who is the president of France',
    'the kids need new shoes for school',
    'ask {first} whether {first} wants to come along',
    'remind me to thank {full} for the flowers',
    'play the voice message from {first}',
    'where does {first} live',
    'tell my wife that {first} called',
    'pay {first} back fifty pounds on Monday',
    "{first} and I are going to the cinema tonight",
    'schedule a call with {title} and {title}',
    "don't let me forget {first}'s anniversary"
  ]],
  de: [[
    'ruf {first} an',
    'ruf {full} an',
    'ruf {title} an',
    'schreib {first} dass ich später komme',
    'schick {first} eine Nachricht',
    'schick eine Nachricht an {full}',
    'erinnere mich daran {first} um sechs anzurufen',
    'ich muss {first} noch anrufen',
    'trag einen Termin mit {full} am Dienstag ein',
    '{first} ist am {dob} geboren',
    'mein Geburtsdatum ist der {dob}',
    'überweise hundert Euro an {full} auf {iban}',
    'meine IBAN ist {iban}',
    'meine Kartennummer ist {card}',
    'ruf {phone} an',
    'die Nummer von {first} ist {phone}',
    'schick eine Mail an {email}',
    'meine Mailadresse ist {email}',
    'navigiere zur {street}',
    'wie lange brauche ich zur {street} in {postcode}',
    'meine Adresse ist {street}, {postcode}',
    'frag {title} ob der Termin am Montag bleibt',
    'sag {first} dass das Essen fertig ist',
    'kommt {first} am Samstag zur Party',
    'schreib {first} und {first} wegen der Party',
    'stell einen Timer auf zehn Minuten',
    'wie wird das Wetter am Wochenende',
    'spiel Jazz in der Küche',
    'mach das Licht im Wohnzimmer aus',
    'erinnere mich zwischen 2. August und 9. Aug an die Pflanzen',
    'wie spät ist es',
    'setz Milch auf die Einkaufsliste',
    'wird es morgen Nachmittag regnen',
    'spiel die Nachrichten vom Deutschlandfunk',
    'wie viele Tage sind es noch bis Weihnachten'
  ], [
    // Set 2, written after the rules, to see what they miss: other contexts and rarer ordinary words.
    'starte einen Videoanruf mit {first}',
    'lade {full} zum Grillen am Sonntag ein',
    'was ist die Telefonnummer von {first}',
    'hat {first} mir geschrieben',
    'teile meinen Standort mit {full}',
    'die Bank braucht meine IBAN {iban} bis Freitag',
    'lies mir die Kartennummer {card} vor',
    'der Klempner ist unter {phone} erreichbar',
    'leite die Tickets an {email} weiter',
    'das Paket geht an {street}, {postcode}',
    'meine Tochter {first} ist am {dob} geboren',
    'setz Haferflocken, Kichererbsen und Hafermilch auf die Liste',
    'spiel die Brandenburgischen Konzerte im Schlafzimmer',
    'wie viele Kalorien hat eine Avocado',
    'dimme die Flurlampe auf dreißig Prozent'
  ], [
    // Set 3, written after the second was tuned, measured once before any change.
    'weck mich um sieben und erinnere mich dass {first} das Auto braucht',
    'zeig mir die Fotos von {full}',
    'füge {first} zum Gruppenchat hinzu',
    '{title} hat gesagt die Werte sind gut',
    'überweise fünfzig Euro auf das Konto {iban}',
    'das Hotel hat meine Karte {card} hinterlegt',
    'wenn {first} anruft sag dass ich nicht da bin',
    'speichere {phone} als {first}',
    'meine neue Adresse ist {street}',
    'wie alt wird {first} am {dob}'
  ], [
    // Set 4 (issue 16, third session), written before any rule change of that session.
    'erinnere mich dass {first} am Donnerstag zum Zahnarzt muss',
    'trag {first}s Geburtstag in den Kalender ein',
    'kauf ein Geschenk für {first}',
    '{first} möchte heute Abend Pizza',
    'sag {first}, {first} und {first} dass das Spiel um acht beginnt',
    'wer ist {full}',
    'spiel die Playlist die {first} für mich gemacht hat',
    'wann landet der Flug von {first}',
    'ich schulde {first} zwanzig Euro, erinnere mich morgen daran',
    'notiere dass {title} in die {street} gezogen ist',
    'schick {full} meine neue Nummer {phone}',
    'meine Schwiegermutter {full} kommt am Sonntag',
    'speichere {email} als Kontakt {first}',
    'die Babysitterin {first} kommt um sechs',
    'was hat {first} über die Reise gesagt',
    'reservier einen Tisch für zwei auf den Namen {last}',
    'unser Nachbar {full} hat den Ersatzschlüssel',
    'meine Kreditkarte {card} läuft nächsten Monat ab',
    'ist {first} heute mit dem Abwasch dran',
    'die Kinder {first} und {first} brauchen neue Schuhe',
    'ich bin am {dob} geboren',
    'ruf {first} zurück wenn das Meeting vorbei ist',
    'bring {first} morgen früh zum Bahnhof',
    'gratuliere {first} zum Geburtstag',
    'wie weit ist es bis {postcode}',
    'setz Backpulver, Linsen und Koriander auf die Liste',
    'stell die Heizung auf einundzwanzig Grad',
    'wie schreibt man Rhythmus',
    'wie heißt die Hauptstadt von Portugal'
  ], [
    // Set 5 (see the English set 5).
    'erinnere mich dass {first} die Kinder abholt',
    'erinnere mich dass die Miete am Freitag fällig ist',
    'erinnere mich dass das Abendessen um sieben ist',
    'meine Schwester liebt Pizza',
    'unser Nachbar hat den Ersatzschlüssel',
    'schick die Bilder an mein Handy',
    'fahr vorsichtig zur Arbeit',
    'kauf ein Geschenk für Mama',
    'setz Eier und Butter auf die Einkaufsliste',
    'wer ist der Präsident von Frankreich',
    'die Kinder brauchen neue Schuhe für die Schule',
    'frag {first} ob {first} mitkommen will',
    'erinnere mich {full} für die Blumen zu danken',
    'spiel die Sprachnachricht von {first} ab',
    'wo wohnt {first}',
    'sag meiner Frau dass {first} angerufen hat',
    'gib {first} am Montag fünfzig Euro zurück',
    '{first} und ich gehen heute Abend ins Kino',
    'plane ein Telefonat mit {title} und {title}',
    'lass mich {first}s Jahrestag nicht vergessen'
  ]]
}

/** Every template of a language with its set: a transcript's template is drawn from all of them alike. */
const CHOICES: Record<Language, (readonly [string, number])[]> = {
  en: TEMPLATES.en.flatMap((templates, i) => templates.map((t) => [t, i + 1] as const)),
  de: TEMPLATES.de.flatMap((templates, i) => templates.map((t) => [t, i + 1] as const))
}
export const TEMPLATE_SETS = TEMPLATES.en.length

const TITLES: Record<Language, string[]> = { en: ['Mr', 'Mrs', 'Ms', 'Dr', 'Dr.', 'Doctor', 'Professor'], de: ['Herrn', 'Frau', 'Herrn Doktor', 'Frau Dr.', 'Herr', 'Professor'] }
const TOWNS = ['Leipzig', 'Bochum', 'Görlitz', 'Wuppertal', 'Passau', 'Kassel', 'Oldenburg', 'Jena', 'Gießen', 'Zwickau', 'Bamberg', 'Cottbus']
const MONTHS: Record<Language, string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  de: ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember']
}

const cap = (s: string) => s.replace(/(^|[-' ])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())
const digits = (r: Random, n: number) => Array.from({ length: n }, () => r.int(0, 9)).join('')
const groups = (s: string, size = 4) => s.match(new RegExp(`.{1,${size}}`, 'g'))!.join(' ')

function ibanCheck(country: string, bban: string): string {
  const moved = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  let rest = 0
  for (const d of moved) rest = (rest * 10 + Number(d)) % 97
  return String(98 - rest).padStart(2, '0')
}

function iban(r: Random): string {
  const [country, bban] = r.pick([
    ['DE', () => digits(r, 18)],
    ['AT', () => digits(r, 16)],
    ['NL', () => `${r.pick(['ABNA', 'INGB', 'RABO'])}${digits(r, 10)}`],
    ['GB', () => `${r.pick(['NWBK', 'BARC', 'LOYD'])}${digits(r, 14)}`],
    ['FR', () => digits(r, 23)],
    ['PL', () => digits(r, 24)]
  ] as const)
  const b = bban()
  const full = `${country}${ibanCheck(country, b)}${b}`
  return r.chance(0.6) ? groups(full) : full
}

function card(r: Random): string {
  const prefix = r.pick(['4', '51', '52', '55'])
  const body = `${prefix}${digits(r, 15 - prefix.length)}`
  let sum = 0
  for (let i = 0; i < 15; i++) {
    let d = Number(body[14 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  const full = body + String((10 - (sum % 10)) % 10)
  return r.pick([groups(full), full, full.match(/.{4}/g)!.join('-')])
}

function phone(r: Random): string {
  return r.pick([
    () => `+49 ${r.pick(['151', '160', '170', '176'])} ${digits(r, 7)}`,
    () => `0${r.pick(['151', '170', '176'])} ${digits(r, 7)}`,
    () => `0${r.pick(['30', '40', '341', '89'])} ${digits(r, 7)}`,
    () => `0${r.pick(['341', '221'])}/${digits(r, 6)}`,
    () => `+44 20 ${digits(r, 4)} ${digits(r, 4)}`,
    () => `07700 ${digits(r, 6)}`,
    () => `+33 ${r.int(1, 9)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`,
    () => `+${r.pick(['49', '44', '48', '90'])}${digits(r, 10)}`
  ])()
}

function dob(r: Random, lang: Language): string {
  const d = r.int(1, 28)
  const m = r.int(1, 12)
  const y = r.int(1940, 2008)
  const pad = (n: number) => String(n).padStart(2, '0')
  return lang === 'de'
    ? r.pick([`${pad(d)}.${pad(m)}.${y}`, `${d}. ${MONTHS.de[m - 1]} ${y}`, `${d}.${m}.${y}`])
    : r.pick([`${d} ${MONTHS.en[m - 1]} ${y}`, `${MONTHS.en[m - 1]} ${d}, ${y}`, `${pad(d)}/${pad(m)}/${y}`, `${y}-${pad(m)}-${pad(d)}`])
}

/**
 * Builds the generator over the held-out names; `seed` fixes every choice. `sets` limits the templates
 * to the first sets: with 3 and the default seed, the corpus of the session before sets 4 and 5, draw for draw.
 */
export function generateCorpus(count: number, seed = 'redaction-corpus-1', sets = TEMPLATE_SETS): Transcript[] {
  const r = createRandom(seed)
  const firsts = heldOut.first
  const lasts = [...heldOut.last, ...heldOut.first]
  const first = () => cap(r.pick(firsts))
  const last = () => cap(r.pick(lasts))
  const out: Transcript[] = []
  for (let n = 0; n < count; n++) {
    const language: Language = n % 2 === 0 ? 'en' : 'de'
    const choices = sets >= TEMPLATE_SETS ? CHOICES[language] : CHOICES[language].filter(([, set]) => set <= sets)
    const [template, set] = choices[r.int(0, choices.length - 1)]!
    const pieces: Piece[] = []
    for (const part of template.split(/(\{[a-z]+\})/)) {
      const slot = part.match(/^\{([a-z]+)\}$/)?.[1] as Slot | undefined
      if (!slot) {
        if (part) pieces.push(part)
        continue
      }
      const name = (text: string) => ({ text, kind: 'name' as const })
      switch (slot) {
        case 'first':
          pieces.push(name(first()))
          break
        case 'last':
          pieces.push(name(last()))
          break
        case 'full':
          pieces.push(name(first()), ' ', name(last()))
          break
        case 'title':
          pieces.push(`${r.pick(TITLES[language])} `, name(last()))
          break
        case 'iban':
          pieces.push({ text: iban(r), kind: 'iban' })
          break
        case 'card':
          pieces.push({ text: card(r), kind: 'card' })
          break
        case 'phone':
          pieces.push({ text: phone(r), kind: 'phone' })
          break
        case 'email': {
          const [f, l] = [r.pick(firsts), r.pick(lasts)]
          const domain = r.pick(['example.com', 'example.de', 'mail.example.org', 'example.net'])
          const spoken = r.chance(0.2)
          pieces.push({ text: spoken ? `${f} dot ${l} at ${domain.replace(/\./g, ' dot ')}` : `${r.pick([`${f}.${l}`, `${f}${l}${r.int(1, 99)}`, `${f[0]}${l}`])}@${domain}`, kind: 'email' })
          break
        }
        case 'street': {
          const no = `${r.int(1, 240)}${r.chance(0.15) ? r.pick(['a', 'b']) : ''}`
          const l = last()
          pieces.push({
            text:
              language === 'de'
                ? r.pick([`${l}straße ${no}`, `${l}weg ${no}`, `${l}str. ${no}`, `${l}-Allee ${no}`])
                : r.pick([`${no} ${l} Road`, `${no} ${l} Street`, `${no} ${l} Avenue`, `${no} ${l} Close`]),
            kind: 'address'
          })
          break
        }
        case 'postcode':
          pieces.push({ text: r.chance(0.7) ? `${digits(r, 5)} ${r.pick(TOWNS)}` : `${r.pick(['SW1A 1AA', 'M1 1AE', 'EH1 2NG', 'B33 8TH'])}`, kind: 'address' })
          break
        case 'dob':
          pieces.push({ text: dob(r, language), kind: 'dob' })
          break
      }
    }
    const lowercase = r.chance(0.5)
    let text = ''
    const items: Item[] = []
    for (const p of pieces) {
      if (typeof p === 'string') {
        text += lowercase ? p.toLowerCase().replace(/[,?!]/g, '') : p
        continue
      }
      const t = lowercase ? p.text.toLowerCase() : p.text
      items.push({ start: text.length, end: text.length + t.length, kind: p.kind })
      text += t
    }
    if (!lowercase && /^\p{Ll}/u.test(text)) text = text[0]!.toUpperCase() + text.slice(1)
    out.push({ text, language, hint: r.chance(0.5) ? language : null, lowercase, items, set })
  }
  return out
}
