import type { Word } from './word'
import { CONTACT_VERBS, FUNCTION_WORDS, KIN, NUMBER_WORDS } from './words'

/**
 * Where running speech says a person is meant, though the word itself is ordinary or unknown to the
 * lists: lowercase speech-to-text has no capitals, and names such as 'falk', 'urban' or 'job' are
 * ordinary words too. Each rule is a shape of the sentence, in English and German, never a word list
 * of names: "remind me that X needs the car", "X's flight", "Falks Geburtstag", "the kids X and Y",
 * "our neighbour X", "I owe X twenty euros", "send the IBAN to X", "the playlist X made".
 */

const set = (s: string) => new Set(s.split(/\s+/).filter(Boolean))

/** Words that open a noun phrase: after them a possessive is a thing's ("the dog's bowl"), not a person's. */
export const DETERMINERS = set(
  'the a an my your his her our their its this that these those whose every each some any no ' +
    'der die das des dem den ein eine einer eines einem einen mein meine meines meinem meinen meiner dein deine deines deinem deinen sein seine seines seinem ihr ihre ihres ihrem ihren unser unsere unseres unserem unseren euer eure'
)

/** What a person has, after "X's" or "Xs": "kenneth's flight", "Falks Geburtstag". */
export const PERSON_THINGS = set(
  'number phone address email birthday mobile flight train house home flat apartment car turn party wedding room place school office appointment ' +
    'wife husband girlfriend boyfriend mom mum dad mother father sister brother son daughter kids children dog cat bike keys key plan idea ' +
    'nummer adresse geburtstag geburtstagsparty handynummer telefonnummer mobilnummer handy hochzeit party auto wohnung haus zimmer flug zug termin ' +
    'jahrestag anniversary frau mann freund freundin mutter vater schwester bruder sohn tochter kinder hund katze fahrrad schlussel schule buro'
)

/** Verbs only a person does, after the one who does them: "X wants pizza", "X möchte Pizza". */
const PERSON_VERBS = set(
  'wants wanted likes liked loves loved hates says said thinks thought knows owes arrives arrived lands landed asks asked ' +
    'mochte mag sagt sagte meint meinte weiss liebt hasst schuldet landet fragt fragte kommt'
)
/** Verbs a thing does too ("the laundry needs doing"): a person only with an object after them ("X needs the car"). */
const NEED_VERBS = set('needs needed braucht brauchte muss musste')

/** Verbs whose object is a person going somewhere: "drive X to the station", "bring X zum Bahnhof". */
const TAKE_VERBS = set('drive take bring fahr fahre bring bringe hol')
/** Verbs with a person and a thing as objects: "send X my number", "schick X die Adresse". */
const GIVE_VERBS = set('send give show forward lend buy get schick schicke gib zeig zeige leih kauf kaufe')
/** Verbs that send something to a person named at the end: "send my IBAN … to X", "überweise … an X". */
const SEND_VERBS = set('send sent forward transfer pay give mail email schick schicke uberweise uberweis leite gib zahl zahle')
/** "I owe X twenty euros", "ich schulde X zwanzig Euro". */
const OWE_VERBS = set('owe owes schulde schuldest schuldet')
/** A group a person is added to: "add X to the group chat", "füge X zum Gruppenchat hinzu". */
const GROUPS = set('chat group call conversation contacts meeting gruppenchat gruppe chatgruppe anruf kontakte besprechung')
/** What is made for someone: "buy a present for X", "ein Geschenk für X". */
const GIFTS = set('present presents gift gifts flowers card cake geschenk geschenke blumen karte kuchen')
/** What a person made or sent, said after them: "the playlist X made", "die Playlist, die X gemacht hat". */
const MADE = set('made sent wrote recorded shared recommended gemacht geschickt geschrieben erstellt aufgenommen geteilt empfohlen')
/** People named by a role, often followed by their name: "our neighbour X", "die Babysitterin X". */
export const ROLES = set(
  'babysitter babysitterin nanny neighbour neighbor nachbar nachbarin kids children kinder daughter son tochter sohn sister brother schwester bruder ' +
    'friend freund freundin colleague kollege kollegin boss chef chefin teacher lehrer lehrerin cousin cousine uncle aunt onkel tante wife husband ehemann ehefrau ' +
    'partner partnerin girlfriend boyfriend schwiegermutter schwiegervater schwiegersohn schwiegertochter grandma grandpa oma opa niece nephew nichte neffe'
)
/** Opening a clause whose subject follows: "remind me that X …", "erinnere mich, dass X …". */
const THAT = set('that dass because weil ob whether')
const ARTICLES = set('der die das den dem ein eine einen einem')
const CONJ = set('and und')
const TELL = set('tell ask remind sag sage frag frage erinnere')
/** Sent to a person: money and personal data. */
const SENT_THINGS = set(
  'euro euros eur pounds pound dollars dollar franken iban number nummer address adresse details location standort photos pictures fotos bilder ' +
    'message nachricht link tickets ticket invoice rechnung'
)
/** What follows the one money goes to: "an X auf AT35 …", "to X at DE60 …", "to X on Friday", "to X via PayPal". */
const ONTO = set('auf on at via per by bis')
/** Infinitives whose object is a person: "erinnere mich, X für die Blumen zu danken". */
const PERSON_INFINITIVES = set('danken gratulieren anzurufen schreiben besuchen abzuholen treffen fragen einzuladen')
const WHO = set('who wer')
const HAS = set('has had hat hatte')
/** Modal verbs closing a German clause after a person: "dass X zum Zahnarzt muss", "ob X mitkommen will". */
const CLAUSE_END_VERBS = set('muss will mochte kann darf soll')
const LIVE = set('live work stay')
const PAY_BACK = set('pay gib zahl zahle')
const QUESTION_WORDS = set('when where how why what which who wann wo wie warum was welche welcher welches wer wohin woher')
/** Words of time after "is X …": "ist X heute …", "is X still …". */
const NOW = set('today tomorrow tonight now still already again heute morgen jetzt noch schon wieder gerade')
const WHO_VERBS = set('is was ist war')
const TO = set('to an')
const TO_PLACE = set('to zum zur nach')
const NAME_NOUNS = set('name namen contact kontakt')

export interface WordTests {
  /** Function words, kin, titles and the like: never a name, whatever the context. */
  blocked: (w: Word) => boolean
  /** In a name list, unknown to the word lists, or capitalised where that counts. */
  maybeName: (w: Word) => boolean
  /** An ordinary word of either language (lists, inflections, compounds). */
  isWord: (key: string) => boolean
  /** The most common words and the calendar's: "the", "am", "heute". */
  stop: (w: Word) => boolean
}

export interface ContextTools extends WordTests {
  words: readonly Word[]
  isName: readonly boolean[]
  text: string
}

/**
 * What is sent before "to X" is money or a person's data ("send fifty pounds", "send my IBAN … ",
 * "überweise hundert Euro"): then X is a person. Not "send this to kitchen", "transfer money to savings".
 * Looks back at most SEND_REACH words from 'to', so a long text costs no more per word.
 */
function sendsPersonal(t: ContextTools, to: number): boolean {
  let verb = -1
  for (let j = to - 1; j >= 0 && j >= to - SEND_REACH; j--) {
    if (t.words[j]!.sentenceStart && !SEND_VERBS.has(t.words[j]!.key)) break
    if (SEND_VERBS.has(t.words[j]!.key)) {
      verb = j
      break
    }
  }
  if (verb < 0 || verb >= to - 1) return false
  for (let j = verb + 1; j < to; j++) {
    const v = t.words[j]!
    if (NUMBER_WORDS.has(v.key) || SENT_THINGS.has(v.key)) return true
  }
  // A digit (an amount, an IBAN) between the verb and 'to'.
  return /\d/.test(t.text.slice(t.words[verb]!.end, t.words[to]!.start))
}
const SEND_REACH = 12

export function contextTools(text: string, words: readonly Word[], tests: WordTests, isName: readonly boolean[]): ContextTools {
  return { ...tests, text, words, isName }
}

const isNumber = (w: Word | undefined) => w !== undefined && (NUMBER_WORDS.has(w.key) || /^(?:ein|zwei|drei|vier|funf|sechs|sieben|acht|neun)und\p{L}+zig$/u.test(w.key))
// 'Dolly', 'Emily', 'Kelly': names end in -ly too, so only -ing says a verb, and only on a verb's stem ('picking'; not 'Hering').
const verbLike = (w: Word, t: WordTests) => /ing$/.test(w.key) && w.key.length >= 7 && (t.isWord(w.key.slice(0, -3)) || t.isWord(`${w.key.slice(0, -3)}e`))
// Adverbs and German adjectives said before a place: "drive carefully to", "fahr vorsichtig zur".
const adverb = (w: Word) => /(?:ly|ig|sam|lich|weise)$/.test(w.key)
/** "mother in law": the role is 'law' after 'in'. */
const role = (words: readonly Word[], j: number) => j >= 0 && (ROLES.has(words[j]!.key) || (words[j]!.key === 'law' && words[j - 1]?.key === 'in'))

/** The word ends a clause: the text ends, or a sentence mark or a comma follows. */
const clauseEnd = (words: readonly Word[], i: number) => i + 1 >= words.length || words[i + 1]!.sentenceStart || words[i + 1]!.afterComma

/**
 * True when the sentence around word i says a person is meant. Called for words the lists do not
 * settle; `blocked` words never reach it (the caller lets names that are also kept words through).
 */
export function contextSaysName(i: number, t: ContextTools): boolean {
  const { words } = t
  const w = words[i]!
  const prev = words[i - 1]
  const next = words[i + 1]
  const start = i === 0 || w.sentenceStart
  // German subject right after "dass", an article after it: "dass Blessing das Auto braucht", "dass Major die Kinder abholt".
  if (prev && THAT.has(prev.key) && next && ARTICLES.has(next.key)) return true
  // "remind me that X is picking up the kids".
  if (prev && THAT.has(prev.key) && next && WHO_VERBS.has(next.key) && words[i + 2] !== undefined && verbLike(words[i + 2]!, t)) return true
  // "X and I are going to the cinema", "X und ich gehen ins Kino".
  if (next && CONJ.has(next.key) && words[i + 2] !== undefined && (words[i + 2]!.key === 'i' || words[i + 2]!.key === 'ich')) return true
  if (remindedToThank(i, t)) return true

  // "when is kenneth's flight", "put X's birthday party in the calendar"; not "the dog's bowl".
  if (w.possessive && next && PERSON_THINGS.has(next.key) && !(prev && DETERMINERS.has(prev.key))) return true
  // German genitive: "trag Falks Geburtstag ein" (the word is the name and its s).
  if (!w.possessive && w.key.length > 3 && w.key.endsWith('s') && next && PERSON_THINGS.has(next.key) && !(prev && DETERMINERS.has(prev.key)) && !KIN.has(w.key.slice(0, -1))) return true

  // "X wants pizza tonight", "remind me that X needs the car", "Pit möchte heute Pizza"; not "wann landet …".
  if ((start || (prev && THAT.has(prev.key))) && next && PERSON_VERBS.has(next.key) && !QUESTION_WORDS.has(w.key)) return true
  if ((start || (prev && THAT.has(prev.key))) && next && NEED_VERBS.has(next.key) && !QUESTION_WORDS.has(w.key) && (t.maybeName(w) || DETERMINERS.has(words[i + 2]?.key ?? ''))) return true
  // "tell my wife that X called", "remind me that X has a dentist appointment" (not "that dinner is at seven").
  if (prev && THAT.has(prev.key) && next && (CONTACT_VERBS.has(next.key) || (HAS.has(next.key) && words[i + 2] !== undefined && DETERMINERS.has(words[i + 2]!.key)))) return true
  // "ist X heute mit dem Abwasch dran", "is X still at work": a yes-no question about a person, then when.
  if (i === 1 && prev && WHO_VERBS.has(prev.key) && next && NOW.has(next.key)) return true
  // German subordinate clause, its verb at the end: "erinnere mich, dass X am Donnerstag zum Zahnarzt muss".
  if (prev && THAT.has(prev.key)) {
    for (let j = i + 1; j < words.length && j <= i + 8 && !words[j]!.sentenceStart && !words[j]!.afterComma; j++) if (PERSON_VERBS.has(words[j]!.key) || CONTACT_VERBS.has(words[j]!.key) || ((NEED_VERBS.has(words[j]!.key) || CLAUSE_END_VERBS.has(words[j]!.key)) && clauseEnd(words, j))) return true
  }

  // "the kids X and Y", "our neighbour X has the key", "the babysitter X is coming", "my mother in law X arrives".
  // Not "my sister loves pizza", "die Kinder abholt": a word that may be a verb needs a name or a small word after it.
  // Not after "tell the kids …", "sag den Kindern …": there what follows the role is the message ("tell the kids dinner is ready").
  const told = TELL.has(words[i - 2]?.key ?? '') || (TELL.has(words[i - 3]?.key ?? '') && DETERMINERS.has(words[i - 2]?.key ?? ''))
  if (role(words, i - 1) && !PERSON_VERBS.has(w.key) && !NEED_VERBS.has(w.key) && (t.maybeName(w) || (!told &&  (next !== undefined && (t.isName[i + 1] || (t.stop(next) && !verbLike(w, t)) || PERSON_VERBS.has(next.key)))))) return true
  // Two words after the role: "unser Nachbar Vita Danae hat …", "my mother in law Lucius Lac kommt".
  const after2 = words[i + 2]
  if (role(words, i - 1) && next && after2 && !next.afterComma && !t.blocked(next) && !PERSON_VERBS.has(w.key) && !PERSON_VERBS.has(next.key) && (t.stop(after2) || PERSON_VERBS.has(after2.key))) return true
  if (role(words, i - 2) && prev && !prev.afterComma && !t.blocked(prev) && !PERSON_VERBS.has(prev.key) && !PERSON_VERBS.has(w.key) && next && (t.stop(next) || PERSON_VERBS.has(next.key))) return true
  // "where does X live", "wo wohnt X".
  if (prev && (prev.key === 'wohnt' || prev.key === 'arbeitet') && i > 1 && words[i - 2]!.key === 'wo') return true
  if (prev && prev.key === 'does' && i > 1 && words[i - 2]!.key === 'where' && next && LIVE.has(next.key)) return true
  // "pay X back fifty pounds", "gib X am Montag fünfzig Euro zurück".
  if (prev && PAY_BACK.has(prev.key) && next && (next.key === 'back' || words.slice(i + 1, i + 8).some((v) => v.key === 'zuruck'))) return true

  if (verbLike(w, t) && !t.maybeName(w)) return false
  // "I owe X twenty euros", "ich schulde X zwanzig Euro".
  if (prev && OWE_VERBS.has(prev.key) && (isNumber(next) || (next && /^\d/.test(next.text)))) return true
  // "drive X to the station", "bring X morgen früh zum Bahnhof".
  if (prev && TAKE_VERBS.has(prev.key) && next && (TO_PLACE.has(next.key) || t.stop(next)) && (!adverb(w) || t.maybeName(w))) return true
  // "send X my new number", "schick X die Adresse".
  if (prev && GIVE_VERBS.has(prev.key) && next && (DETERMINERS.has(next.key) || (words[i + 2] !== undefined && DETERMINERS.has(words[i + 2]!.key) && !t.blocked(next)))) return true
  if (i > 1 && GIVE_VERBS.has(words[i - 2]!.key) && prev && !t.blocked(prev) && next && DETERMINERS.has(next.key)) return true
  // "send my IBAN … to X", "überweise hundert Euro an X": the one it goes to, at the end of the clause.
  // Also before the account it goes to: "überweise hundert Euro an Vinnie Nadir auf AT35 …".
  const endsHere = (j: number) => clauseEnd(words, j) || ONTO.has(words[j + 1]?.key ?? '')
  if (prev && TO.has(prev.key) && sendsPersonal(t, i - 1) && (endsHere(i) || (next !== undefined && !FUNCTION_WORDS.has(next.key) && !KIN.has(next.key) && endsHere(i + 1)))) return true
  // "add X to the group chat", "füge X zum Gruppenchat hinzu".
  if (prev && (prev.key === 'add' || prev.key === 'fuge') && words.slice(i + 1, i + 5).some((v) => GROUPS.has(v.key))) return true
  // "buy a present for X", "kauf ein Geschenk für X"; "happy birthday to X".
  if (prev && (prev.key === 'for' || prev.key === 'fur') && i > 1 && GIFTS.has(words[i - 2]!.key)) return true
  if (prev && prev.key === 'to' && i > 1 && words[i - 2]!.key === 'birthday') return true
  // "the playlist X made for me", "die Playlist, die X für mich gemacht hat".
  if (prev && !DETERMINERS.has(prev.key) && next && MADE.has(next.key)) return true
  if (prev && DETERMINERS.has(prev.key) && i > 1 && !DETERMINERS.has(words[i - 2]!.key) && words.slice(i + 1, i + 5).some((v) => MADE.has(v.key))) return true
  // "what did X say about the trip", "was hat X über die Reise gesagt": the verb may close the clause.
  if (prev && (prev.key === 'did' || prev.key === 'hat') && words.slice(i + 1, i + 6).some((v) => CONTACT_VERBS.has(v.key))) return true
  // "who is X", "wer ist X": when nothing says the word is ordinary.
  // Two words and nothing more after "who is": a first name and a surname ("who is brown linke").
  if (i > 1 && WHO.has(words[i - 2]!.key) && prev && WHO_VERBS.has(prev.key) && (t.maybeName(w) || (next !== undefined && (t.isName[i + 1] || (!t.blocked(next) && clauseEnd(words, i + 1)))))) return true
  if (i > 2 && WHO.has(words[i - 3]!.key) && WHO_VERBS.has(words[i - 2]!.key) && prev && !t.blocked(prev) && clauseEnd(words, i)) return true
  return false
}

/**
 * "erinnere mich, Pit Amann für die Blumen zu danken": the one or two words right after "erinnere mich
 * (daran)" when an infinitive whose object is a person closes the clause.
 */
function remindedToThank(i: number, t: ContextTools): boolean {
  const { words } = t
  let s = -1
  for (let j = Math.max(0, i - 3); j < i; j++) if (words[j]!.key === 'erinnere' && words[j + 1]?.key === 'mich') s = words[j + 2]?.key === 'daran' ? j + 3 : j + 2
  if (s < 0 || i - s > 1 || (i === s + 1 && t.blocked(words[s]!))) return false
  for (let j = i + 1; j < words.length && j <= i + 7 && !words[j]!.sentenceStart; j++) {
    if (PERSON_INFINITIVES.has(words[j]!.key) && words[j - 1]!.key === 'zu') return true
    if (words[j]!.key === 'anzurufen' || words[j]!.key === 'einzuladen' || words[j]!.key === 'abzuholen') return true
  }
  return false
}

/** "under the name X", "auf den Namen X", "als Kontakt X": here even a common word ('Post') is the name. */
export function afterNameNoun(i: number, t: ContextTools): boolean {
  const { words } = t
  const prev = words[i - 1]
  return prev !== undefined && NAME_NOUNS.has(prev.key) && i > 1 && (DETERMINERS.has(words[i - 2]!.key) || ['as', 'als', 'under', 'unter', 'auf'].includes(words[i - 2]!.key)) && clauseEnd(words, i)
}
