import { isLuhnValid, isValidIban } from './checks'
import { nameKey } from './fold'
import { getLexicon, type Lexicon } from './lexicon'
import type { Span } from './span'
import { UNITS } from './words'

/**
 * Personal data with a shape: e-mail addresses (also spoken, "anna at example dot com"), IBANs,
 * card numbers, phone numbers (E.164, national forms, digits spoken one by one), streets with
 * house numbers, postcodes with towns, dates of birth, and ids: long numbers and runs that mix
 * letters and digits. Every language's patterns run on every text.
 */

// Lengths bounded as RFC 5321 bounds them (64 before the @, 63 a label), so a crafted run of dots cannot make the match quadratic.
const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu
// Written to dodge harvesters: "anna(at)example(dot)com", "anna [at] example [dot] com".
const DODGED_EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}\s*[([{]\s*(?:at|ät|@)\s*[)\]}]\s*[\p{L}\p{N}-]{1,63}(?:\s*(?:[([{]\s*(?:dot|punkt)\s*[)\]}]|\.)\s*[\p{L}\p{N}-]{1,63}){1,4}/giu
// A secret said aloud: "my pin is 1234", "das Passwort ist sommer2024". The spaces in a lookbehind
// are bounded: one tried backwards from every character made a run of spaces cost its cube (300: 0.6 s).
const SECRET = /(?<=\b(?:pin|pin code|pincode|passcode|password|passwort|kennwort|geheimzahl|zugangscode|security code|sicherheitscode|cvv|cvc)\s{0,4}(?:is|ist|lautet|:)?\s{0,4})[\p{L}\p{N}]*\d[\p{L}\p{N}]*|(?<=\b(?:password|passwort|kennwort)\s{0,4}(?:is|ist|lautet|:)\s{0,4})[\p{L}\p{N}]{3,}/giu
const SPOKEN_EMAIL = /(?<![\p{L}\p{N}._-])[\p{L}\p{N}._-]{1,64}(?:\s+(?:dot|punkt)\s+[\p{L}\p{N}_-]{1,64}){0,4}\s+(?:at|ät|@)\s+[\p{L}\p{N}-]{1,63}(?:\s+(?:dot|punkt)\s+[\p{L}\p{N}-]{1,63}){1,4}(?![\p{L}\p{N}])/giu
// Country, check digits, then groups of four (with or without a space) and a short last group.
// Groups after the bank code hold a digit, so a word after the number ("… 7393 to Asal") is not taken for one.
const IBAN = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}[ -]?[A-Za-z0-9]{4}(?:[ -]?(?=[A-Za-z]{0,3}\d)[A-Za-z0-9]{4}){1,6}(?:[ -]?\d{1,3})?(?![\p{L}\p{N}])/gu
const CARD = /(?<![\p{N}])\d(?:[ -]?\d){12,18}(?![\p{N}])/gu
const PHONE = /(?<![\p{L}\p{N}+])(?:\+|00)?\(?\d[\d ()/.-]{5,40}\d(?![\p{L}\p{N}])/gu
// Digits said one by one, as speech-to-text writes a number read out: "null eins sieben null …".
const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|null|eins|zwei|zwo|drei|vier|fünf|fuenf|sechs|sieben|acht|neun|doppel|\\d)'
const SPOKEN_DIGITS = new RegExp(`(?<![\\p{L}\\p{N}])(?:plus\\s+)?${DIGIT_WORD}(?:[\\s,-]+${DIGIT_WORD}){5,}(?![\\p{L}\\p{N}])`, 'giu')
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d(?:[ -]?\d){7,40}(?![\p{L}\p{N}])/gu
const ID = /(?<![\p{L}\p{N}._:-])[A-Za-z0-9](?:[A-Za-z0-9._:-]{0,126}[A-Za-z0-9])?(?![\p{L}\p{N}])/gu
const DATE_OR_TIME = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d{1,2}\/\d{1,2}\/\d{2,4}|\d{1,2}:\d{2}(?::\d{2})?)/

// Street and town words are at most 64 letters: unbounded, each was tried from every character of
// a run of - or ' to the run's end, so 100,000 dashes in a note took ~17 s.
const HOUSE_NUMBER = String.raw`\s*,?\s*(?:nr\.?\s*|no\.?\s*|nummer\s+|number\s+)?\d{1,4}\s?[a-zA-Z]?(?:\s?[-/]\s?\d{1,4}\s?[a-zA-Z]?)?(?![\p{L}\p{N}])`
// A German street is one word ending in its kind (Hauptstraße, Lindenweg, Karl-Marx-Allee) or an
// adjective and its kind (Berliner Straße); 'weg', 'platz', 'ring', … also end ordinary words, so
// those count only with a house number.
const STREET_DE_ALWAYS = new RegExp(String.raw`(?<![\p{L}])(?:[\p{L}-]{1,64}(?:straße|strasse|str\.|allee|gasse|chaussee)|\p{Lu}[\p{L}-]{0,64}(?:er|sche[nr]?)\s+(?:straße|strasse|str\.|allee|gasse|chaussee|weg|platz|ring|damm|ufer))(?:${HOUSE_NUMBER})?`, 'giu')
const STREET_DE_NUMBERED = new RegExp(String.raw`(?<![\p{L}])(?:[\p{L}-]{1,64}(?:weg|platz|ring|damm|ufer|steig|pfad|markt|hof|berg|feld|garten|graben|wall)|(?:Am|An der|Im|Auf dem|Zum|Zur|Unter den|Hinter dem|Hinter den|Vor dem|In den|Auf der)\s+\p{Lu}[\p{L}-]{1,64})${HOUSE_NUMBER}`, 'gu')
const STREET_EN_KINDS = 'street|st\\.?|road|rd\\.?|avenue|ave\\.?|lane|ln\\.?|way|drive|dr\\.?|close|court|ct\\.?|place|pl\\.?|square|sq\\.?|crescent|terrace|gardens|grove|boulevard|blvd\\.?|mews|row|hill|parade'
const STREET_EN_NUMBERED = new RegExp(String.raw`(?<![\p{L}\p{N}])(?:flat\s+\d+\s*,?\s*)?\d{1,4}[a-z]?,?\s+(?:[\p{L}'-]{1,64}\s+){1,3}(?:${STREET_EN_KINDS})(?![\p{L}])`, 'giu')
const STREET_EN_NAMED = /(?<![\p{L}])(?:\p{Lu}[\p{L}'-]{1,64}\s+){1,2}(?:Street|Road|Avenue|Lane|Drive|Crescent|Terrace|Boulevard|Gardens|Grove|Mews)(?![\p{L}])/gu
const STREET_EN_LOWER = /(?<![\p{L}])([\p{L}'-]{1,64})\s+(?:street|road|avenue|crescent|terrace|boulevard)(?![\p{L}])/giu
const STREET_FR = /(?<![\p{L}\p{N}])(?:\d{1,4}(?:\s?(?:bis|ter))?,?\s+)?(?:rue|boulevard|chemin|allée|impasse|quai)\s+(?:(?:de|du|des|la|le|l'|d')\s*)*[\p{L}'-]{1,64}(?:\s+\p{Lu}[\p{L}'-]{1,64})*/giu
// 5 digits (DE, FR, IT, ES, …) and a town; 4 digits (AT, CH, BE, DK, NL) and a capitalised town; UK postcodes.
const POSTCODE_5 = /(?<![\p{L}\p{N}])\d{5}\s+([\p{L}][\p{L}-]{1,64})(?:\s+(?:am|an der|im|in|bei|an)\s+\p{L}[\p{L}-]{1,64})?/gu
const POSTCODE_4 = /(?<![\p{L}\p{N}])(?:\d{4}\s?[A-Z]{2}\s+|\d{4}\s+)(\p{Lu}[\p{L}-]{1,64})/gu
const POSTCODE_UK = /(?<![\p{L}\p{N}])[A-Za-z]{1,2}\d[A-Za-z\d]?\s*\d[A-Za-z]{2}(?![\p{L}\p{N}])/gu
const POSTCODE_SAID = /(?<=(?:postcode|post code|zip(?: code)?|postleitzahl|plz)\s{0,4}(?:is|ist|:)?\s{0,4})\d{4,5}(?![\p{L}\p{N}])/giu

const MONTH = String.raw`(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|januar|jänner|februar|märz|maerz|mai|juni|juli|oktober|dezember|okt|dez)\.?`
const DATE = String.raw`(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\s?[./]\s?\d{1,2}\s?[./]\s?\d{2,4}|\d{1,2}\.\s?\d{1,2}\.?|(?:the\s+)?\d{1,2}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4})?|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|(?:in\s+)?(?:19|20)\d{2})`
// A date after words that say it is a birthday: "born on 3 May 1985", "geboren am 12.03.1985", "Geburtsdatum 1985-03-12".
const DATE_OF_BIRTH = new RegExp(
  String.raw`(?<=(?:born|birthday|birth date|date of birth|dob|d\.o\.b\.|geboren|geb\.|geburtstag|geburtsdatum|how old|wie alt)\b[^.!?\n\d]{0,40}?)${DATE}(?![\p{L}\p{N}])`,
  'giu'
)
// …and before them: "am 12.03.1985 geboren", "12 March 1985 is my birthday".
const DATE_BEFORE_BIRTH = new RegExp(String.raw`(?<![\p{L}\p{N}])${DATE}(?=[^.!?\n\d]{0,25}?\b(?:geboren|born|geburtstag|birthday)\b)`, 'giu')

const digitCount = (s: string) => s.replace(/\D/g, '').length
const isId = (s: string) => s.length >= 8 && /\d/.test(s) && /[A-Za-z]/.test(s)
const isPhone = (s: string) => {
  const digits = digitCount(s)
  return digits >= 7 && digits <= 15 && !DATE_OR_TIME.test(s.replace(/^\(/, ''))
}
const isYear = (s: string) => /^(?:19|20)\d{2}$/.test(s)

function add(spans: Span[], text: string, re: RegExp, kind: Span['kind'], keep: (m: RegExpMatchArray) => boolean = () => true): void {
  for (const m of text.matchAll(re)) if (keep(m)) spans.push({ start: m.index!, end: m.index! + m[0].length, kind })
}

export function patternSpans(text: string, lexicon: Lexicon = getLexicon()): Span[] {
  const { stop } = lexicon
  const spans: Span[] = []
  add(spans, text, EMAIL, 'email')
  add(spans, text, SPOKEN_EMAIL, 'email', (m) => /\s(?:at|ät|@)\s/i.test(m[0]))
  add(spans, text, DODGED_EMAIL, 'email')
  add(spans, text, SECRET, 'id')
  add(spans, text, IBAN, 'iban', (m) => isValidIban(m[0]))
  // IBAN-shaped but with wrong check digits (misheard, mistyped): still an account number.
  add(spans, text, IBAN, 'id', (m) => !isValidIban(m[0]) && digitCount(m[0]) >= 8)
  add(spans, text, CARD, 'card', (m) => isLuhnValid(m[0]))
  add(spans, text, PHONE, 'phone', (m) => isPhone(m[0]))
  add(spans, text, SPOKEN_DIGITS, 'phone', (m) => (m[0].match(/\p{L}+|\d/gu) ?? []).length >= 6)
  add(spans, text, LONG_NUMBER, 'id', (m) => !DATE_OR_TIME.test(m[0]))
  add(spans, text, ID, 'id', (m) => isId(m[0]))
  add(spans, text, STREET_DE_ALWAYS, 'address')
  add(spans, text, STREET_DE_NUMBERED, 'address')
  add(spans, text, STREET_EN_NUMBERED, 'address')
  add(spans, text, STREET_EN_NAMED, 'address')
  add(spans, text, STREET_EN_LOWER, 'address', (m) => !stop.has(nameKey(m[1]!)))
  add(spans, text, STREET_FR, 'address', (m) => /^\d|^(?:rue|impasse|quai|chemin)\b/i.test(m[0]))
  add(spans, text, POSTCODE_5, 'address', (m) => !stop.has(nameKey(m[1]!)) && !UNITS.has(nameKey(m[1]!)))
  add(spans, text, POSTCODE_4, 'address', (m) => !isYear(m[0].slice(0, 4)) && !stop.has(nameKey(m[1]!)))
  add(spans, text, POSTCODE_UK, 'address', (m) => /\d[A-Za-z]{2}$/.test(m[0]) && /[A-Za-z]/.test(m[0][0]!))
  add(spans, text, POSTCODE_SAID, 'address')
  add(spans, text, DATE_OF_BIRTH, 'dob')
  add(spans, text, DATE_BEFORE_BIRTH, 'dob')
  return spans
}
