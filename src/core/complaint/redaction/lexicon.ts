import namesData from './names.json'
import wordsData from './words.json'

/**
 * The word lists the redaction looks words up in, by their nameKey. Built once, on first use
 * (~30 k names and ~17 k words: a few ms), so importing the module costs nothing.
 */
/** Membership in a list kept as one sorted array: no hashing of ~165 k strings at start-up (that took 30 ms quiet, 400 ms on a busy machine). */
export class SortedList {
  private readonly items: string[]
  constructor(joined: string) {
    this.items = joined ? joined.split(' ') : []
  }
  get size(): number {
    return this.items.length
  }
  has(key: string): boolean {
    let lo = 0
    let hi = this.items.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = this.items[mid]!
      if (v === key) return true
      if (v < key) lo = mid + 1
      else hi = mid - 1
    }
    return false
  }
}

export interface Lexicon {
  /** First names and surnames that are never ordinary English or German words: a name wherever they stand. */
  names: SortedList
  /** First names that are also common words ('thomas', 'will'): names unless EVERYDAY says the word is meant. */
  firstWords: Set<string>
  /** Surnames that are also common words ('koch', 'winter', 'braun'): names only where the context says so. */
  lastWords: Set<string>
  /** The ~17,000 most common English and German words. */
  words: SortedList
  /** Function words, pronouns, auxiliaries: a name never stands in their place. */
  stop: Set<string>
  /** Words the frequency lists hold and no dictionary: mostly names said in films ('stuart'), some slang. */
  frequentOnly: Set<string>
  /** Frequent words of either language in no dictionary: names ('isaac'), and German forms the dictionaries lack ('abends'). */
  notInDictionary: Set<string>
}

const split = (s: string) => new Set(s.split(' ').filter(Boolean))

/**
 * First names that are, in a transcript, far more often the ordinary word: kept unless a title, a
 * call or the capital letter inside a sentence says a person is meant ("call Will", "Frau Rose").
 */
export const EVERYDAY = split(
  'the to that mir an will can my do nur may man price name los sir line long even davon rein north art baby love save sage come server lang san ca mama ' +
    'blue green sep lot miles tue else jul dies loan lake bay river tu tat song idea inc unique dame solange thu darin son mac valid floor german mi royal guy ' +
    'justice dev forest rose oral au pink hau santa marine ave golden oma brain queen bear ocean landen tode judge jazz ton bars hunter crystal karma junior ' +
    'mine ha delta alpha comfort beat tea toy nine rain sister lane chase cam prince hop constant gun prima storm sterling gray ea ky bud heaven amen que ' +
    'journey pearl vi ba desire peer bang tone honor era till promise arcade foster ward yoga vital charity lucky kick ta noble wage dawn ion rod ban trace ' +
    'lion ace hang chi fortune tin slave ties haven arch thy tri tan mate pie precious sunny divine olive dam coral genesis naval flip sim nu jail rim ivory ' +
    'soma kitty mercy ham buck bon mas lap heath brook frost eden miracle nord destiny jewel bless mace bent general america france london washington ' +
    'florida virginia carolina georgia ireland asia paris angeles francisco houston indiana iowa dallas sydney missouri montana austin denver phoenix ' +
    'orlando cleveland argentina richmond kenya israel islam vienna oman italia adelaide wellington alberta dakota hong co jo ai ak ho tor tal ari reis ' +
    'king grant joy hope faith grace summer winter april june august marshall pat sonny sunny holly ivy dee ray bill mark frank will rob sue dawn pearl ruby ' +
    'amber angel chance lexus nikon buddha apollo saturn delta hunter walker turner parker baker cooper carter miller rusty bud chase clay drew reed rod ' +
    'gene sid flip til mate bell berry cruz crawford among easter ave ba ca ea dat esse'
)

let lexicon: Lexicon | null = null

export interface LexiconOptions {
  /**
   * Names (as nameKey folds them) to leave out of the gazetteer. The app never does; the redaction
   * benchmark leaves out the names its corpus uses, so it measures the rules, not the list against itself.
   */
  withoutNames?: Iterable<string>
}

/** Builds the lists afresh; the app uses getLexicon(), which builds the full one once. */
export function buildLexicon(options: LexiconOptions = {}): Lexicon {
  const without = new Set(options.withoutNames ?? [])
  const keep = (joined: string) => (without.size === 0 ? joined : joined.split(' ').filter((k) => k && !without.has(k)).join(' '))
  const firstWords = split(keep(namesData.firstWords))
  // The most common words include a few first names ('john', 'jan', 'jack'): those are names, not stop words.
  const stop = split(wordsData.stop)
  for (const w of firstWords) if (!EVERYDAY.has(w)) stop.delete(w)
  return {
    names: new SortedList(keep(namesData.names)),
    firstWords,
    lastWords: split(keep(namesData.lastWords)),
    words: new SortedList(wordsData.words),
    stop,
    frequentOnly: split(wordsData.frequentOnly),
    notInDictionary: split(wordsData.notInDictionary)
  }
}

/** The full lists, built on first use and kept: what the app and the CLI redact with. */
export function getLexicon(): Lexicon {
  lexicon ??= buildLexicon()
  return lexicon
}
