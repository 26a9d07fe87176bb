/// <reference path="./eld-detector.d.ts" />
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { tableFromBytes, type TableSource } from './eld-binary'

/**
 * eld's 'extrasmall' n-gram table, read as text into a few typed arrays instead of being evaluated.
 *
 * Importing `eld/extrasmall` makes V8 evaluate a 950 kB object literal: ~50,000 keys, each with an
 * object of its own, ~30 MB of heap to keep and more while parsing (~77 MB of RSS added to a process
 * holding 100,000 recordings, 0.2-0.6 s; bench:language). Here the same table is a few typed arrays
 * (~1.5 MB: key bytes, an open-addressing hash, the pairs; ~5 MB of RSS added, 50-100 ms), and eld's own
 * detector reads it through a Proxy that builds the small `{language: score}` object of an n-gram
 * when it is asked for (a command asks for a dozen). So the answers are eld's: the test compares
 * them, reliability included, with `eld/extrasmall` on every generated command.
 *
 * eld 2.1.0 (pinned in package.json) exports only its entries; its detector and table are read by
 * path inside the package. An eld whose files moved fails here with an error naming the file.
 */
export interface NgramTable {
  type: string
  languages: Record<number, string>
  /** How many n-grams. */
  size: number
  /** Entry i's key is `keyBytes[keyAt[i] .. keyAt[i] + keyLength[i]]` (eld's keys are Latin-1 characters). */
  keyBytes: Uint8Array
  keyAt: Uint32Array
  keyLength: Uint8Array
  /** Open addressing on the key's hash: entry + 1, or 0 for an empty slot; a power of two long. */
  slots: Int32Array
  /** Entry i's pairs are `lang[start[i]] .. lang[start[i + 1] - 1]`, with the same `score` slots. */
  start: Uint32Array
  lang: Uint8Array
  score: Uint16Array
}

export const TABLE_FILE = 'src/ngrams/extrasmall.js'
const DETECTOR_FILE = 'src/languageDetector.js'

/** The installed eld's folder, found the way Node finds a package (its exports hide package.json from require.resolve). */
export function eldFolder(searched: readonly string[] = require.resolve.paths('eld') ?? []): string {
  for (const dir of searched) {
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
  const entriesAtMost = (colons >> 1) + 1
  const start = new Uint32Array(entriesAtMost + 1)
  const keyAt = new Uint32Array(entriesAtMost)
  const keyLength = new Uint8Array(entriesAtMost)
  const keyBytes = new Uint8Array(text.length - open)
  const langCount = Object.keys(languages).length
  const end = text.length
  let size = 0
  let pairs = 0
  let bytes = 0
  let at = open + 'ngrams:{'.length
  // One flat loop with local state: closures over `at` made this 10x slower.
  while (at < end && text.charCodeAt(at) !== CLOSE) {
    let from = at
    let to: number
    let escaped = false
    const q = text.charCodeAt(at)
    if (q === QUOTE || q === DQUOTE) {
      from = ++at
      while (at < end && text.charCodeAt(at) !== q) at += text.charCodeAt(at) === BACKSLASH ? ((escaped = true), 2) : 1
      to = at++
    } else {
      while (at < end && text.charCodeAt(at) !== COLON) at++
      to = at
    }
    // Keys are copied as bytes, not kept as strings: 50,000 small strings and a Map of them cost more than the table.
    const key = escaped ? text.slice(from, to).replace(/\\(.)/g, '$1') : null
    const length = key ? key.length : to - from
    if (length === 0 || length > 255) fail(`a key of ${length} characters at character ${from}`)
    keyAt[size] = bytes
    keyLength[size] = length
    for (let i = 0; i < length; i++) {
      const c = key ? key.charCodeAt(i) : text.charCodeAt(from + i)
      if (c > 255) fail(`a key with a character beyond Latin-1 at character ${from}`)
      keyBytes[bytes++] = c
    }
    if (text.charCodeAt(at) !== COLON || text.charCodeAt(at + 1) !== OPEN) fail(`expected :{ after the key at character ${at}`)
    at += 2
    for (;;) {
      let l = 0
      let sc = 0
      let c = text.charCodeAt(at)
      const pairFrom = at
      for (; c >= 48 && c <= 57; c = text.charCodeAt(++at)) l = l * 10 + c - 48
      if (at === pairFrom || c !== COLON) fail(`expected language:score at character ${pairFrom}`)
      const scoreFrom = ++at
      for (c = text.charCodeAt(at); c >= 48 && c <= 57; c = text.charCodeAt(++at)) sc = sc * 10 + c - 48
      if (at === scoreFrom || l >= langCount || sc > 65535) fail(`the entry at character ${from} has an unreadable pair at character ${pairFrom}`)
      lang[pairs] = l
      score[pairs++] = sc
      if (c !== COMMA) break
      at++
    }
    if (text.charCodeAt(at) !== CLOSE) fail(`expected } at character ${at}`)
    at++
    start[++size] = pairs
    if (text.charCodeAt(at) === COMMA) at++
  }
  if (at >= end) fail('the table ends early')
  const table: NgramTable = {
    type,
    languages,
    size,
    keyBytes: keyBytes.slice(0, bytes),
    keyAt: keyAt.slice(0, size),
    keyLength: keyLength.slice(0, size),
    slots: new Int32Array(2 ** Math.ceil(Math.log2(size * 2 + 2))),
    start: start.slice(0, size + 1),
    lang: lang.slice(0, pairs),
    score: score.slice(0, pairs)
  }
  // A key given twice keeps its last entry, as the object literal does.
  const { slots } = table
  const mask = slots.length - 1
  for (let e = 0; e < size; e++) {
    const from = table.keyAt[e]!
    const length = table.keyLength[e]!
    let h = FNV_OFFSET
    for (let i = 0; i < length; i++) h = Math.imul(h ^ table.keyBytes[from + i]!, FNV_PRIME)
    let s = h & mask
    for (; slots[s] !== 0; s = (s + 1) & mask) {
      const other = slots[s]! - 1
      if (table.keyLength[other] !== length) continue
      const at = table.keyAt[other]!
      let i = 0
      while (i < length && table.keyBytes[at + i] === table.keyBytes[from + i]) i++
      if (i === length) break
    }
    slots[s] = e + 1
  }
  return table
}

const FNV_OFFSET = 0x811c9dc5
const FNV_PRIME = 0x01000193

/** The entry of an n-gram, or -1. */
export function entryOf(table: NgramTable, key: string): number {
  const length = key.length
  if (length === 0 || length > 255) return -1
  let h = FNV_OFFSET
  for (let i = 0; i < length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME)
  const { slots, keyAt, keyLength, keyBytes } = table
  const mask = slots.length - 1
  for (let s = h & mask; slots[s] !== 0; s = (s + 1) & mask) {
    const e = slots[s]! - 1
    if (keyLength[e] !== length) continue
    const at = keyAt[e]!
    let i = 0
    while (i < length && keyBytes[at + i] === key.charCodeAt(i)) i++
    if (i === length) return e
  }
  return -1
}

const MADE_AT_MOST = 8192

/** What eld's detector reads as `ngrams[key]`: the `{lang: score}` of an asked n-gram, nothing for others. */
export function ngramLookup(table: NgramTable): Record<string, Record<number, number> | undefined> {
  // Objects already made are kept, up to MADE_AT_MOST: making one per asked n-gram made detection ~25% slower than eld's.
  let made: (Record<number, number> | undefined)[] = new Array(table.size)
  let count = 0
  const get = (key: string): Record<number, number> | undefined => {
    const i = entryOf(table, key)
    if (i < 0) return undefined
    const known = made[i]
    if (known) return known
    const scores: Record<number, number> = {}
    for (let j = table.start[i]!; j < table.start[i + 1]!; j++) scores[table.lang[j]!] = table.score[j]!
    if (++count > MADE_AT_MOST) (made = new Array(table.size)), (count = 1)
    made[i] = scores
    return scores
  }
  return new Proxy({} as Record<string, Record<number, number> | undefined>, {
    get: (_target, key) => (typeof key === 'string' ? get(key) : undefined),
    has: (_target, key) => typeof key === 'string' && entryOf(table, key) >= 0
  })
}

export interface EldResult {
  language: string
  isReliable(): boolean
}
interface EldModule {
  createEld(): { instance: { detect(text: string): EldResult }; loadData(data: unknown): string }
}

/**
 * eld's detector module. The built engine carries it as a CommonJS chunk ('eld-detector', an alias in
 * electron.vite.config.ts): through Node's ES module loader it took ~20 ms of a scan. Elsewhere (tests,
 * `tsx`) it is eld's own file, an ES module: Node 20.19+ and 22.12+ load it with require, which spares
 * a CommonJS process starting the ES module loader; where require cannot load it, import does.
 */
async function detectorModule(file: string): Promise<EldModule> {
  try {
    return (await import('eld-detector')) as EldModule
  } catch {
    // Not built: eld's own file.
  }
  try {
    return require(file) as EldModule
  } catch {
    return (await import(/* @vite-ignore */ pathToFileURL(file).href)) as EldModule
  }
}

/** What the table in `folder` is made from: eld's version and the size of its table file. */
export function tableSource(folder: string): TableSource {
  const { version } = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { version?: unknown }
  return { eldVersion: String(version), sourceBytes: statSync(join(folder, TABLE_FILE)).size }
}

/** The file the build writes beside the built engine (electron.vite.config.ts); code split into chunks sits a folder below. */
export const TABLE_BINARY = 'eld-table.bin'
const binaryPlaces = () => [join(__dirname, TABLE_BINARY), join(__dirname, '..', TABLE_BINARY)]

/** The table from the build's binary file where it is there and made from this eld, else read from eld's text. */
export function readTable(folder: string, places: readonly string[] = binaryPlaces()): NgramTable {
  const place = places.find((p) => existsSync(p))
  if (place) {
    const table = tableFromBytes(readFileSync(place), tableSource(folder))
    if (table) return table
  }
  return parseNgramTable(readFileSync(join(folder, TABLE_FILE), 'utf8'))
}

/** eld's own detector, loaded with the compact table. */
export async function loadCompactEld(folder = eldFolder(), places?: readonly string[]): Promise<(text: string) => EldResult> {
  const table = readTable(folder, places)
  const { createEld } = await detectorModule(join(folder, DETECTOR_FILE))
  if (typeof createEld !== 'function') throw new Error(`language detector: ${DETECTOR_FILE} in ${folder} has no createEld`)
  const { instance, loadData } = createEld()
  if (!loadData({ type: table.type, languages: table.languages, isSubset: false, ngrams: ngramLookup(table) })) {
    throw new Error(`language detector: eld did not take the table from ${TABLE_FILE}`)
  }
  return (text) => instance.detect(text)
}
