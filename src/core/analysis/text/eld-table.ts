import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * eld's 'extrasmall' n-gram table, read as text into a few typed arrays instead of being evaluated.
 *
 * Importing `eld/extrasmall` makes V8 evaluate a 950 kB object literal: ~50,000 keys, each with an
 * object of its own, ~35 MB of heap to keep and as much again while parsing (+80 MB of RSS, 0.3-0.6 s).
 * Here the same table costs one Map from n-gram to index and three typed arrays (~3 MB, ~40 ms), and
 * eld's own detector reads it through a Proxy that builds the small `{language: score}` object of an
 * n-gram when it is asked for (a command asks for a dozen). So the answers are eld's, byte for byte:
 * the test compares them with `eld/extrasmall` on every generated command.
 *
 * eld 2.1.0 (pinned in package.json) exports only its entries; its detector and table are read by
 * path inside the package. An eld whose files moved fails here with an error naming the file.
 */
export interface NgramTable {
  type: string
  languages: Record<number, string>
  /** n-gram → index into `start`. */
  index: Map<string, number>
  /** Entry i's pairs are `lang[start[i]] .. lang[start[i + 1] - 1]`, with the same `score` slots. */
  start: Uint32Array
  lang: Uint8Array
  score: Uint16Array
}

const TABLE_FILE = 'src/ngrams/extrasmall.js'
const DETECTOR_FILE = 'src/languageDetector.js'

/** The installed eld's folder, found the way Node finds a package (its exports hide package.json from require.resolve). */
export function eldFolder(): string {
  for (const dir of require.resolve.paths('eld') ?? []) {
    const candidate = join(dir, 'eld')
    if (existsSync(join(candidate, TABLE_FILE))) return candidate
  }
  throw new Error(`language detector: eld's n-gram table (${TABLE_FILE}) was not found in any node_modules folder`)
}

const [QUOTE, DQUOTE, BACKSLASH, COLON, COMMA, OPEN, CLOSE] = ["'", '"', '\\', ':', ',', '{', '}'].map((c) => c.charCodeAt(0)) as [number, number, number, number, number, number, number]

/**
 * Reads an eld n-gram file's text (`export const ngramsData = {type, languages, isSubset, ngrams}`,
 * ngrams as `key:{lang:score,...}` with the key quoted by ' or " or bare, \' and \\ escaped) in one
 * pass over its characters; a regular expression per entry took 6x as long.
 */
export function parseNgramTable(text: string, where = TABLE_FILE): NgramTable {
  const fail = (what: string): never => {
    throw new Error(`language detector: ${where} is not an eld n-gram table as expected (${what})`)
  }
  const type = /\btype:'([^']*)'/.exec(text)?.[1] ?? fail('no type')
  const langBlock = /\blanguages:\{([^}]*)\}/.exec(text)?.[1] ?? fail('no languages')
  const languages: Record<number, string> = {}
  for (const m of langBlock.matchAll(/(\d+):'([a-z-]+)'/g)) languages[Number(m[1])] = m[2]!
  const open = text.indexOf('ngrams:{')
  if (open < 0 || Object.keys(languages).length === 0) fail('no ngrams')

  // Every pair has one colon, and so does every key: their count bounds the pairs.
  let colons = 0
  for (let i = open; i < text.length; i++) if (text.charCodeAt(i) === COLON) colons++
  const lang = new Uint8Array(colons)
  const score = new Uint16Array(colons)
  const starts: number[] = [0]
  const index = new Map<string, number>()
  const langCount = Object.keys(languages).length
  const end = text.length
  let pairs = 0
  let at = open + 'ngrams:{'.length
  // One flat loop with local state: closures over `at` made this 10x slower.
  while (at < end && text.charCodeAt(at) !== CLOSE) {
    let key: string
    const q = text.charCodeAt(at)
    if (q === QUOTE || q === DQUOTE) {
      const from = ++at
      let escaped = false
      while (at < end && text.charCodeAt(at) !== q) at += text.charCodeAt(at) === BACKSLASH ? ((escaped = true), 2) : 1
      key = escaped ? text.slice(from, at).replace(/\\(.)/g, '$1') : text.slice(from, at)
      at++
    } else {
      const from = at
      while (at < end && text.charCodeAt(at) !== COLON) at++
      key = text.slice(from, at)
    }
    if (text.charCodeAt(at) !== COLON || text.charCodeAt(at + 1) !== OPEN) fail(`expected :{ after the key at character ${at}`)
    at += 2
    for (;;) {
      let l = 0
      let sc = 0
      let c = text.charCodeAt(at)
      const from = at
      for (; c >= 48 && c <= 57; c = text.charCodeAt(++at)) l = l * 10 + c - 48
      if (at === from || c !== COLON) fail(`expected language:score at character ${from}`)
      const scoreFrom = ++at
      for (c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt(++at)) sc = sc * 10 + c - 48
      if (at === scoreFrom || l >= langCount || sc > 65535) fail(`entry ${JSON.stringify(key)} has an unreadable pair at character ${from}`)
      lang[pairs] = l
      score[pairs++] = sc
      if (c !== COMMA) break
      at++
    }
    if (text.charCodeAt(at) !== CLOSE) fail(`expected } at character ${at}`)
    at++
    index.set(key, starts.length - 1)
    starts.push(pairs)
    if (text.charCodeAt(at) === COMMA) at++
  }
  if (at >= end) fail('the table ends early')
  return { type, languages, index, start: Uint32Array.from(starts), lang: lang.slice(0, pairs), score: score.slice(0, pairs) }
}

/** What eld's detector reads as `ngrams[key]`: a fresh `{lang: score}` per asked n-gram, nothing for others. */
export function ngramLookup(table: NgramTable): Record<string, Record<number, number> | undefined> {
  const get = (key: string): Record<number, number> | undefined => {
    const i = table.index.get(key)
    if (i === undefined) return undefined
    const scores: Record<number, number> = {}
    for (let j = table.start[i]!; j < table.start[i + 1]!; j++) scores[table.lang[j]!] = table.score[j]!
    return scores
  }
  return new Proxy({} as Record<string, Record<number, number> | undefined>, {
    get: (_target, key) => (typeof key === 'string' ? get(key) : undefined),
    has: (_target, key) => typeof key === 'string' && table.index.has(key)
  })
}

export interface EldResult {
  language: string
  isReliable(): boolean
}
interface EldModule {
  createEld(): { instance: { detect(text: string): EldResult }; loadData(data: unknown): string }
}

/** eld's own detector, loaded with the compact table. */
export async function loadCompactEld(folder = eldFolder()): Promise<(text: string) => EldResult> {
  const table = parseNgramTable(readFileSync(join(folder, TABLE_FILE), 'utf8'))
  const { createEld } = (await import(/* @vite-ignore */ pathToFileURL(join(folder, DETECTOR_FILE)).href)) as EldModule
  if (typeof createEld !== 'function') throw new Error(`language detector: ${DETECTOR_FILE} in ${folder} has no createEld`)
  const { instance, loadData } = createEld()
  if (!loadData({ type: table.type, languages: table.languages, isSubset: false, ngrams: ngramLookup(table) })) {
    throw new Error(`language detector: eld did not take the table from ${TABLE_FILE}`)
  }
  return (text) => instance.detect(text)
}
