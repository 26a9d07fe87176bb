import type { Language } from './people'
import type { Random } from './random'

/**
 * A stranger whose transcripts are full of personal data (`make-export --personal-data`): what a
 * redaction must remove before a bundle quotes them. Every value is made up; IBANs and card numbers
 * carry valid check digits, so they look real to a pattern that checks them. PLANTED lists every
 * value, so a test can look for each one in what a bundle quotes.
 */

function ibanOf(country: string, bban: string): string {
  const moved = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55))
  let rest = 0
  for (const d of moved) rest = (rest * 10 + Number(d)) % 97
  const full = `${country}${String(98 - rest).padStart(2, '0')}${bban}`
  return full.match(/.{1,4}/g)!.join(' ')
}

function cardOf(body: string): string {
  let sum = 0
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i])
    if (i % 2 === 0) {
      d *= 2
      if (d > 9) d -= 9
    }
    sum += d
  }
  return `${body}${(10 - (sum % 10)) % 10}`.match(/.{4}/g)!.join(' ')
}

export const PLANTED = {
  ibans: [ibanOf('DE', '860555921234567890'), ibanOf('AT', '1904300234573201'), ibanOf('NL', 'RABO0300065264')],
  cards: [cardOf('453201511283036'), cardOf('552183004417392')],
  phones: ['+49 341 9876543', '0341 9876543', '0171 2345678', '+44 20 7946 0958', '0049 176 55512345'],
  emails: ['tkrueger.mail@example.net', 'sabine.krueger71@example.de', 'h.ostermann@example.org'],
  streets: ['Karl-Heine-Straße 48', 'Lindenauer Weg 7a', '22 Acacia Avenue'],
  postcodes: ['04229 Leipzig', '06108 Halle'],
  births: ['12.03.1971', '3. Mai 1969', '14 February 1998'],
  /** Surnames said after a title, and first names said lowercase after a call. */
  surnames: ['Ostermann', 'Wendling', "O'Brien", 'Kowalczyk'],
  names: ['sabine', 'heiko', 'birgit', 'priya', 'deepak', 'olga', 'mateusz dubois', 'wei', 'aisha']
} as const

/** Every planted value, for a test or a reader to search for. */
export const PLANTED_VALUES: readonly string[] = Object.values(PLANTED).flat()

const TEMPLATES: Record<Language, readonly string[]> = {
  de: [
    'meine IBAN ist {iban}',
    'überweise hundert Euro an {Name} auf {iban}',
    'meine Kartennummer ist {card}',
    'ruf {phone} an',
    'die Nummer von {Name} ist {phone}',
    'schick eine Mail an {email}',
    'meine Adresse ist {street}, {postcode}',
    'navigiere zur {street} in {postcode}',
    'ich bin am {birth} geboren',
    'ruf Herrn Doktor {surname} an',
    'frag Frau Dr. {surname} ob der Termin bleibt',
    'ruf {name} an',
    'schreib {name} dass ich später komme',
    'erinnere mich daran {name} um sechs anzurufen'
  ],
  en: [
    'my IBAN is {iban}',
    'send fifty pounds to {Name} at {iban}',
    'my card number is {card}',
    'call {phone}',
    "{Name}'s number is {phone}",
    'send an email to {email}',
    'my address is {street}, {postcode}',
    'I was born on {birth}',
    'call Mr {surname}',
    'ask Dr. {surname} if the appointment is still on',
    'call {name}',
    'text {name} that I am running late',
    'remind me that {name} needs the car'
  ]
}

const cap = (s: string) => s.replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase())

/** One utterance of the stranger's, in their language (or, one time in four, the other), full of personal data. */
export function personalPhrase(rng: Random, language: Language): string {
  const lang: Language = rng.chance(0.25) ? (language === 'de' ? 'en' : 'de') : language
  const template = rng.pick(TEMPLATES[lang])
  const text = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    switch (slot) {
      case 'iban':
        return rng.pick(PLANTED.ibans)
      case 'card':
        return rng.pick(PLANTED.cards)
      case 'phone':
        return rng.pick(PLANTED.phones)
      case 'email':
        return rng.pick(PLANTED.emails)
      case 'street':
        return rng.pick(PLANTED.streets)
      case 'postcode':
        return rng.pick(PLANTED.postcodes)
      case 'birth':
        return rng.pick(PLANTED.births)
      case 'surname':
        return rng.pick(PLANTED.surnames)
      case 'Name':
        return cap(rng.pick(PLANTED.names))
      default:
        return rng.pick(PLANTED.names)
    }
  })
  // Speech-to-text often writes all of it lowercase, without capitals to go by.
  return rng.chance(0.5) ? text.toLowerCase() : text
}
