import { placesIn } from '../../analysis/text/places'
import { namesIn } from '../../analysis/text/names'
import { nameKey } from './fold'
import { EVERYDAY, getLexicon, type Lexicon, type SortedList } from './lexicon'
import type { Span } from './span'
import { wordsOf, type Word } from './word'
import { afterNameNoun, contextSaysName, contextTools, DETERMINERS, PERSON_THINGS, ROLES } from './context'
import { AFTER_NAME, BEFORE_NAME, FUNCTION_WORDS, UNITS, CONTACT_VERBS, EVENT_NOUNS, FROM_NOUNS, KEEP, KIN, MAYBE_BEFORE_NAME, MESSAGE_NOUNS, MONTHS, NUMBER_WORDS, PARTICLES, PERSONAL_NOUNS, NAMES_TOO, TITLES } from './words'

/**
 * The names and places in a transcript. Rules of every language run on every text (a short command
 * defeats language detection, and a wrong guess is a leak); the language is only a hint. A word is
 * a name when: the gazetteer says so; a title stands before it ("Herrn Doktor O'Brien"); a call
 * stands before it ("call mateusz", "ruf X an", "schreib X"); it follows or precedes another name
 * ("mateusz dubois"); the sentence around it says a person is meant ("remind me that X needs the
 * car", "Falks Geburtstag", "our neighbour X": context.ts); or the transcript has capitals and it is
 * capitalised inside a sentence and no ordinary word. Lowercase speech-to-text has no capitals: there
 * the context and the lists decide.
 */

// Endings of verbs and abstract nouns that names do not have: 'navigiere', 'Verbindung', 'höflich', 'directions'.
const WORD_SHAPE = /^.{3,}(?:ieren|iere|iert|ierst|ierte|ung|ungen|heit|keit|lich|isch|ische[nrs]?|tion|tions|ness|ment|ments|able|ible|ful|less)$/
const CONTRACTION = /^[a-z]+'(?:ll|ve|re|m|d|t|s)$|^[a-z]+n't$/
const OF = new Set(['of', 'von', 'for', 'fur'])
const BORN_VERBS = new Set(['ist', 'was', 'is', 'wurde', 'war'])
const BORN = new Set(['geboren', 'born'])
const WITH = new Set(['with', 'mit'])
// Particles that are also German articles cannot open a surname ('dass Sigrun das Auto braucht'); 'van der Berg' opens with 'van'.
const ARTICLES = new Set(['der', 'den', 'das', 'dem', 'die'])
const OBJECTS = new Set(['die', 'der', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'mir', 'mich', 'dir', 'dich', 'uns', 'the', 'a', 'an', 'my', 'me', 'us'])
const AS = new Set(['as', 'als', 'under', 'unter'])
const SAVE = new Set(['save', 'store', 'add', 'speichere', 'speicher', 'fuge', 'leg'])
const HOW_OLD = new Set(['how old', 'wie alt'])
const CALLS = new Set(['calls', 'rings', 'texts', 'writes', 'anruft', 'schreibt', 'kommt', 'comes'])
const IF = new Set(['if', 'when', 'once', 'wenn', 'falls', 'sobald'])
const TO = new Set(['to', 'an', 'fur', 'for'])
const OWNED_FROM = new Set(['from', 'von'])
const FROM = new Set(['from', 'at', 'von', 'vom', 'an', 'bei'])
const ASKED = new Set(['did', 'has', 'hat', 'have', 'haben'])
const AUX = new Set(['is', 'was', 'ist', 'war', 'will', 'wird'])
const COMING = new Set(['coming', 'arriving', 'visiting', 'kommt', 'kommen', 'angekommen', 'gekommen', 'here', 'da'])
// 'einundzwanzig', 'dreiundvierzig': German numbers are compounds the word lists do not hold.
const GERMAN_NUMBER = /^(?:ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und(?:zwanzig|dreissig|vierzig|funfzig|sechzig|siebzig|achtzig|neunzig)$/
// The hand-kept word sets name ordinary things ('Telefonat', 'Kontakt'): they are words, whatever the big lists say.
const HAND_KEPT = [EVENT_NOUNS, MESSAGE_NOUNS, FROM_NOUNS, PERSONAL_NOUNS, UNITS, ROLES, CONTACT_VERBS, KIN]
const CONJUNCTIONS = new Set(['and', 'und', 'or', 'oder'])
const WHO = new Set(['who', 'wer'])
// Before a title they make it a noun: "my doctor", "meine Frau" (not "der Frau Schmidt", "that Ms Singh").
const POSSESSIVES = new Set(['my', 'your', 'his', 'her', 'our', 'their', 'mein', 'meine', 'meiner', 'meinem', 'meinen', 'dein', 'deine', 'sein', 'seine', 'ihre', 'unser', 'unsere', 'euer', 'eure'])
const WHO_IS = new Set(['is', 'was', 'ist', 'war'])
const GERMAN_HINT = /(?<![\p{L}])(?:der|die|das|den|dem|und|ist|ich|nicht|mit|bitte|wie|was|wann|mein|meine|ruf|schreib|erinnere|mich|mir|spiel|stell|auf|ein|eine|zu|zum|zur|von|an|als|für|im|nach|noch|heute|speichere)(?![\p{L}])/giu
const ENGLISH_HINT = /(?<![\p{L}])(?:the|and|is|my|please|what|when|call|text|remind|me|play|set|to|of|on|at|for|with|a|as|in|from|save|today|tomorrow)(?![\p{L}])/giu

export interface NameOptions {
  names?: readonly string[]
  language?: string | null
  /** The word and name lists; the full ones unless a benchmark holds names out (buildLexicon). */
  lexicon?: Lexicon
}

/** Hyphenated and apostrophe names: any part listed, no part a stop word ("Karl-Heinz", "O'Brien", "al-Amin"). */
function parts(key: string): string[] {
  return key.split(/[-']/).filter(Boolean)
}

// The keys of a caller's names, worked out once per frozen list: a manifest redacts every finding's
// sentence with one list of every account's names, and reading all of them again for each finding made
// 8,000 accounts' bundle take minutes. A list that is not frozen may change, and is read each time.
const givenKeys = new WeakMap<readonly string[], WeakMap<Lexicon, ReadonlySet<string>>>()
function keysOfNames(names: readonly string[], lex: Lexicon): ReadonlySet<string> {
  const frozen = Object.isFrozen(names)
  let byLexicon = frozen ? givenKeys.get(names) : undefined
  const known = byLexicon?.get(lex)
  if (known) return known
  const keys = new Set<string>()
  for (const n of names) for (const w of wordsOf(n)) if (w.key.length >= 2 && !KEEP.has(w.key) && !lex.stop.has(w.key)) keys.add(w.key)
  if (frozen) {
    if (!byLexicon) givenKeys.set(names, (byLexicon = new WeakMap()))
    byLexicon.set(lex, keys)
  }
  return keys
}

export function nameSpans(text: string, options: NameOptions = {}): Span[] {
  const lex = options.lexicon ?? getLexicon()
  const words = wordsOf(text)
  if (words.length === 0) return []
  const cased = /\p{Lu}/u.test(text) && /\p{Ll}/u.test(text) && text !== text.toUpperCase()
  const hint = options.language?.toLowerCase().slice(0, 2) ?? null
  // The words decide; the language the caller names only breaks a tie (a wrong hint must not turn every German noun into a name).
  const de = text.match(GERMAN_HINT)?.length ?? 0
  const en = text.match(ENGLISH_HINT)?.length ?? 0
  const german = de > en || (de === en && hint === 'de')

  const inText = new Set<string>()
  for (const n of namesIn(text)) if (!KEEP.has(nameKey(n))) inText.add(nameKey(n))
  const named = options.names?.length ? keysOfNames(options.names, lex) : null
  const given = { has: (k: string) => inText.has(k) || (named !== null && named.has(k)) }

  const listed = (k: string) => lex.names.has(k) || (lex.firstWords.has(k) && !EVERYDAY.has(k))
  // "I'll", "don't", "we're": contractions of ordinary words are ordinary words.
  // Names joined ('Anneliese', 'Rosemarie') are no compound of ordinary words.
  const isWord = (k: string) =>
    lex.words.has(k) ||
    HAND_KEPT.some((list) => list.has(k)) ||
    // 'Omas', 'Papas': a kin word's German genitive.
    (k.endsWith('s') && KIN.has(k.slice(0, -1))) || KEEP.has(k) || WORD_SHAPE.test(k) || CONTRACTION.test(k) || GERMAN_NUMBER.test(k) || feminine(k, lex.words) || inflected(k, lex.words) || compound(k, lex.words, (part) => listed(part))
  const nameLike = (w: Word) => {
    if (given.has(w.key) || listed(w.key) || listed(w.key.replace(/'/g, ''))) return true
    const ps = parts(w.key)
    return ps.length > 1 && ps.some((p) => listed(p)) && !ps.some((p) => lex.stop.has(p))
  }
  // Blocked but for the frequency list's most common words: after a title or a name, a short one is a surname ("Professor Re", "Susana Si").
  const blockedHard = (w: Word) => CONTRACTION.test(w.key) || NUMBER_WORDS.has(w.key) || FUNCTION_WORDS.has(w.key) || KEEP.has(w.key) || KIN.has(w.key) || TITLES.has(w.key) || BEFORE_NAME.has(w.key) || AFTER_NAME.has(w.key)
  const blocked = (w: Word) => blockedHard(w) || lex.stop.has(w.key)
  const shortStop = (w: Word) => !blockedHard(w) && lex.stop.has(w.key) && w.key.length <= 3
  // A word that may be a surname or a second name: in the lists, no ordinary word, or capitalised inside cased text.
  const maybeName = (w: Word) =>
    !blocked(w) && (nameLike(w) || lex.firstWords.has(w.key) || lex.lastWords.has(w.key) || lex.frequentOnly.has(w.key) || !isWord(w.key) || (cased && w.capitalized && !w.sentenceStart && !german))

  // "Thomas anrufen", "emerald noch anrufen", "X um sechs anzurufen": the word before the verb, past filler.
  const beforeCallVerb = (i: number) => {
    for (let j = i + 1; j < words.length && j <= i + 3; j++) {
      if (AFTER_NAME.has(words[j]!.key)) return true
      if (!lex.stop.has(words[j]!.key) && !KEEP.has(words[j]!.key) && !NUMBER_WORDS.has(words[j]!.key)) return false
    }
    return false
  }
  // "lunch with X", "Videoanruf mit X", "a message to X", "Nachricht an X", "photos from X".
  const withEvent = (i: number) =>
    i > 1 &&
    ((WITH.has(words[i - 1]!.key) && EVENT_NOUNS.has(words[i - 2]!.key)) ||
      (TO.has(words[i - 1]!.key) && MESSAGE_NOUNS.has(words[i - 2]!.key)) ||
      (OWNED_FROM.has(words[i - 1]!.key) && FROM_NOUNS.has(words[i - 2]!.key)))
  // "is X coming", "X is coming", "kommt X am Samstag": who comes is a person.
  const comes = (i: number) => {
    const prev = words[i - 1]
    const next = words[i + 1]
    return (prev !== undefined && AUX.has(prev.key) && next !== undefined && COMING.has(next.key)) || (next !== undefined && AUX.has(next.key) && words[i + 2] !== undefined && COMING.has(words[i + 2]!.key)) || (prev?.key === 'kommt' && i === 1)
  }
  // "how old is X", "wie alt wird X".
  const howOld = (i: number) => i > 2 && AUX.has(words[i - 1]!.key) && HOW_OLD.has(`${words[i - 3]!.key} ${words[i - 2]!.key}`)
  // "Frau Schmidt" is a title and a name; "meine Frau braucht" is a wife, and what follows no surname.
  const titleAt = (j: number) => j >= 0 && TITLES.has(words[j]!.key) && !(j > 0 && POSSESSIVES.has(words[j - 1]!.key))
  const isName = new Array<boolean>(words.length).fill(false)
  words.forEach((w, i) => {
    const prev = words[i - 1]
    const next = words[i + 1]
    // Letters glued to digits are part of a code ('GX5', 'A1B2'): the id and phone patterns judge those.
    if (/\d/.test(text[w.start - 1] ?? '') || /\d/.test(text[w.end] ?? '')) return
    if (given.has(w.key)) isName[i] = true
    // A month (or a kept word that is a name too) after a title or a call is a name ("Videoanruf mit Mai", "a message to Iban");
    // elsewhere it is the month. Weekdays, times, assistants stay: "call tomorrow", "call Alexa".
    else if (
      (MONTHS.has(w.key) || NAMES_TOO.has(w.key)) &&
      prev &&
      (titleAt(i - 1) || BEFORE_NAME.has(prev.key) || withEvent(i) || (IF.has(prev.key) && next !== undefined && (CONTACT_VERBS.has(next.key) || CALLS.has(next.key))))
    )
      isName[i] = true
    // A kept word that is a name too, where only a person fits: "erinnere mich daran iban um sechs anzurufen", "how old will Iban be".
    else if (NAMES_TOO.has(w.key) && (beforeCallVerb(i) || comes(i) || howOld(i))) isName[i] = true
    else if (blocked(w) && !(prev && titleAt(i - 1) && (!lex.stop.has(w.key) || shortStop(w)) && !FUNCTION_WORDS.has(w.key) && !TITLES.has(w.key))) return
    else if (nameLike(w)) isName[i] = true
    // "Mr Thompson", "Frau Schmidt", "Herrn Doktor O'Brien": whatever follows the title(s).
    else if (prev && titleAt(i - 1)) isName[i] = true
    // "call mateusz", "ruf Wei an", "text Deepak".
    else if (prev && BEFORE_NAME.has(prev.key)) isName[i] = true
    // A word that no list of ordinary English or German words holds: in a voice command, a name far
    // more often than anything else ("kommt maelis am samstag"). Compounds of ordinary words are ordinary.
    // The first word before an article or a pronoun is a command's verb ("Dimme die Lampe", "weck mich"), not a name.
    else if (!isWord(w.key) && w.key.length >= 3 && !(i === 0 && next && OBJECTS.has(next.key))) isName[i] = true
    else if (beforeCallVerb(i)) isName[i] = true
    // "if X calls", "wenn X anruft" (see also the kept words below).
    else if (prev && IF.has(prev.key) && next && (CONTACT_VERBS.has(next.key) || CALLS.has(next.key))) isName[i] = true
    // Said often in films and in no dictionary ('stuart', 'harold'): a name after "with", "to", "from", and capitalised inside English.
    else if (lex.frequentOnly.has(w.key) && ((prev && MAYBE_BEFORE_NAME.has(prev.key)) || (cased && w.capitalized && !w.sentenceStart && !german))) isName[i] = true
    // "lunch with X", "Termin mit X": an appointment is with a person.
    else if (withEvent(i)) isName[i] = true
    // "pick up X from school", "hol X von der Schule ab".
    else if (i > 1 && ((words[i - 2]!.key === 'pick' && prev!.key === 'up') || prev!.key === 'hol') && next && FROM.has(next.key)) isName[i] = true
    // "did X send", "hat X geschrieben": the one who called or wrote.
    else if (prev && ASKED.has(prev.key) && words.slice(i + 1, i + 3).some((v) => CONTACT_VERBS.has(v.key))) isName[i] = true
    // "is X coming", "X is coming", "kommt X am Samstag": who comes is a person.
    else if (comes(i)) isName[i] = true
    // "Nummer von X", "the address of X"; "X ist am … geboren", "X was born on …".
    else if (prev && OF.has(prev.key) && i > 1 && PERSONAL_NOUNS.has(words[i - 2]!.key)) isName[i] = true
    // "save 0170 … as X", "speichere … als X"; "how old is X", "wie alt wird X".
    // Not "als Kontakt Emerald": there the word after 'Kontakt' is the name (context.ts).
    else if (prev && AS.has(prev.key) && words.slice(0, i).some((v) => SAVE.has(v.key)) && (!next || blocked(next))) isName[i] = true
    else if (howOld(i)) isName[i] = true
    // "my name is X", "mein Name ist X".
    else if (prev && AUX.has(prev.key) && i > 1 && words[i - 2]!.key === 'name') isName[i] = true
    else if (next && BORN_VERBS.has(next.key) && words.slice(i + 2, i + 7).some((b) => BORN.has(b.key))) isName[i] = true
    // "Emerald's number", "anna's birthday": whose number.
    else if (w.possessive && !(prev && DETERMINERS.has(prev.key)) && ((cased && w.capitalized) || (next !== undefined && PERSONAL_NOUNS.has(next.key)))) isName[i] = true
    // Capitalised inside a sentence of a text that has capitals: in English a name unless an ordinary
    // word of either language ("Echo Küche"); German capitalises every noun, so there only a listed name counts.
    else if (cased && w.capitalized && !w.sentenceStart && (german ? listed(w.key) : lex.firstWords.has(w.key) || lex.lastWords.has(w.key) || lex.notInDictionary.has(w.key) || !isWord(w.key))) isName[i] = true
  })
  const introducedBy = (j: number) => {
    const p = words[j - 1]
    return (
      p !== undefined &&
      (titleAt(j - 1) || BEFORE_NAME.has(p.key) || MAYBE_BEFORE_NAME.has(p.key) || ROLES.has(p.key) || (p.key === 'law' && words[j - 2]?.key === 'in') || (WHO_IS.has(p.key) && WHO.has(words[j - 2]?.key ?? ''))) &&
      !words[j]!.sentenceStart
    )
  }
  const tools = contextTools(text, words, { blocked, maybeName, isWord, stop: (w: Word) => lex.stop.has(w.key) || KEEP.has(w.key) }, isName)
  // Second names and surnames next to a name ("mateusz dubois", "Anna van der Berg", "thomas Krüger").
  // Sweeps forward and backward, a few times at most: a name spreads to its neighbours, and a crafted
  // text of thousands of unknown words must not make this quadratic.
  for (let pass = 0, changed = true; changed && pass < 4; pass++) {
    changed = false
    for (let step = 0; step < words.length; step++) {
      const i = pass % 2 === 0 ? step : words.length - 1 - step
      if (isName[i]) continue
      const w = words[i]!
      const after = i > 0 && isName[i - 1] && w.joined
      const before = i + 1 < words.length && isName[i + 1] && words[i + 1]!.joined
      // "Anna and Ben", "Kveton und Juan": the word after a name and a conjunction.
      const listedAfter = i > 1 && isName[i - 2] && CONJUNCTIONS.has(words[i - 1]!.key)
      // "with scout schamberger": a word between a context word and a name.
      const framed = before && i > 0 && (BEFORE_NAME.has(words[i - 1]!.key) || MAYBE_BEFORE_NAME.has(words[i - 1]!.key))
      // "call celien davids", "ruf alano santacruz an": after a name that a call or a title introduced, the surname.
      const introduced = after && i > 1 && introducedBy(i - 1)
      // Kept words that are names too ('iban', and a month not followed by a day) can be a surname after a name a call
      // introduced: "ruf giorgio iban an", "meine Schwiegermutter Belemir Mai kommt".
      const commaList = w.afterComma && i > 0 && isName[i - 1] && i + 1 < words.length && (CONJUNCTIONS.has(words[i + 1]!.key) || words[i + 1]!.afterComma)
      const listedBefore = i + 2 < words.length && isName[i + 2] && CONJUNCTIONS.has(words[i + 1]!.key) && !w.sentenceStart
      const softKept = NAMES_TOO.has(w.key) || (MONTHS.has(w.key) && !/^\s*\d/.test(text.slice(w.end)) && !NUMBER_WORDS.has(words[i + 1]?.key ?? ''))
      // After a name, a common word is its surname when it is short ("Susana Si") or, in English with capitals, capitalised ("Ognyana Post").
      // A kin word in a list of names is one of them ("Tell Chakrika, Marten and Nana"); removing a kin word costs nothing.
      const kinInList = (listedAfter || listedBefore || commaList) && KIN.has(w.key) && !FUNCTION_WORDS.has(w.key) && !TITLES.has(w.key)
      const open = !blocked(w) || softKept || kinInList || ((introduced || listedBefore || framed || withEvent(i)) && shortStop(w)) || (introduced && cased && !german && w.capitalized && !blockedHard(w))
      // "the kids X and Y", "tell X, Y and Z": the word before a conjunction and a name, and a word between commas in a list of names.
      // A surname is no verb: "Dr. X moved to", "Frau X hat gesagt".
      // ('moved', 'called'; not 'Reed', 'Jared', nor 'Hering' or 'Fleming', whose -ing is no verb's).
      const verbAfterName = /ed$/.test(w.key) && w.key.length >= 5 && (lex.words.has(w.key.slice(0, -1)) || lex.words.has(w.key.slice(0, -2)))
      // German capitalises nouns, so a capital says little; but a capitalised word between a capitalised name and a
      // function word is its surname: "Erinnere mich Katica Innocent für die Blumen …" (not "schick Anna Blumen").
      const surnameInGerman = cased && german && after && w.capitalized && !w.sentenceStart && words[i - 1]!.capitalized && i + 1 < words.length && FUNCTION_WORDS.has(words[i + 1]!.key)
      if (
        ((after || before) && maybeName(w)) ||
        (surnameInGerman && !blockedHard(w) && !PERSON_THINGS.has(w.key)) ||
        ((listedAfter || framed || (introduced && !verbAfterName) || listedBefore || commaList || withEvent(i)) && open && !w.sentenceStart) ||
        (open && !(w.sentenceStart && lex.stop.has(w.key)) && contextSaysName(i, tools)) ||
        ((!blockedHard(w) || softKept) && afterNameNoun(i, tools))
      ) {
        isName[i] = changed = true
      } else if (after && PARTICLES.has(w.key)) {
        // A particle counts when a name word follows it: "van der Berg".
        let j = i
        while (j < words.length && PARTICLES.has(words[j]!.key) && (j === i || words[j]!.joined)) j++
        if (!ARTICLES.has(w.key) && j < words.length && words[j]!.joined && !blocked(words[j]!) && (maybeName(words[j]!) || (cased && words[j]!.capitalized))) {
          for (let k = i; k <= j; k++) isName[k] = true
          changed = true
        }
      }
    }
  }

  // A town the text asks about ("weather in London") is a place, whatever the name lists say.
  const places = new Set(placesIn(text).flatMap((p) => wordsOf(p.name).map((w) => w.key)))
  const spans: Span[] = []
  words.forEach((w, i) => {
    if (places.has(w.key) && !given.has(w.key) && !KEEP.has(w.key)) spans.push({ start: w.start, end: w.end, kind: 'place' })
    else if (isName[i]) spans.push({ start: w.start, end: w.end, kind: 'name' })
  })
  return spans
}

/** 'Wohnzimmerlampe', 'Einkaufsliste': two ordinary words joined (with a linking s, n or en) are no name. */
function compound(key: string, words: SortedList, isName: (part: string) => boolean): boolean {
  // Nine letters at least: shorter names split into two short words too often ('domenick' = 'dome' + 'nick').
  if (key.length < 9) return false
  for (let i = 4; i <= key.length - 4; i++) {
    const head = key.slice(0, i)
    const tail = key.slice(i)
    if (!words.has(tail) && !(tail.length >= 5 && words.has(tail.replace(/^(?:s|n|en|es)/, ''))) && !inflected(tail, words)) continue
    const stem = head.replace(/(?:s|n|en|es)$/, '')
    if (isName(head) || isName(tail)) continue
    if (words.has(head) || words.has(stem) || words.has(`${head}e`) || words.has(`${stem}en`) || words.has(`${head}en`)) return true
  }
  return false
}

/** 'Babysitterin', 'Lehrerinnen': the feminine of a listed agent noun in -er or -ar (not 'Constantin'). */
function feminine(key: string, words: SortedList): boolean {
  const base = key.replace(/in(?:nen)?$/, '')
  return base !== key && base.length >= 6 && /(?:er|ar)$/.test(base) && words.has(base)
}

const ENDINGS = /(?:e|en|n|s|es|er|t|st|et|te|ten|est|ed|ing|ly)$/
/** 'navigiere', 'überweise', 'weck': an inflected form of a listed word ('navigieren', 'wecken'). */
function inflected(key: string, words: SortedList): boolean {
  if (key.length < 4) return false
  if (words.has(`${key}en`) || words.has(`${key}n`)) return true
  // Back to the stem, then to the infinitive or the bare stem only: adding endings freely made names of words ('aminte' → 'amine').
  const stem = key.replace(ENDINGS, '')
  // A plural in -n or -en goes back to its singular in -e ('Erbsen' → 'Erbse', 'Kalorien' → 'Kalorie').
  const plural = key.endsWith('n') ? [`${stem}e`] : []
  return key.length >= 5 && stem !== key && stem.length >= 4 && [stem, `${stem}en`, `${stem}n`, ...plural].some((w) => words.has(w))
}
