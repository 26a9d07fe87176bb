import { segmentsOf, type ExportView, type ViewEntry } from '../export-view'
import { normalizeHeader } from '../csv/columns'
import aliases from './aliases.json'

const VOICE_FILES = new Set(aliases.voiceHistoryFiles.map((n) => n.toLowerCase()))
const AUDIO_FOLDERS = new Set(aliases.audioFolders.map((n) => n.toLowerCase()))
// Amazon names its data categories 'Retail.OrderHistory.1', 'Devices.Registration.zip', …
// Matched against the whole normalised path: any segment's start.
const AMAZON_CATEGORY = /(?:^|\/)(?:retail|digital|devices|audible|kindle|alexa|amazon|appstore|primevideo)\.[a-z]/
// The same at one place only (a base name's start): a match never runs across a '/', so a path
// matches when its folder does or its base name does, and the folder's answer is kept per folder.
const CATEGORY_AT = /(?:retail|digital|devices|audible|kindle|alexa|amazon|appstore|primevideo)\.[a-z]/y
// CATEGORY_AT over a plain path (export-view.ts) as it is spelt: on ASCII, any case is its lower-cased norm's match.
const CATEGORY_AT_ANY_CASE = new RegExp(CATEGORY_AT.source, 'iy')
const VOICEISH = /voice|utterance|recording|sprach/

/** Where an Amazon export keeps what we read, found by name patterns (formats.md), never by one path. */
export interface AmazonFiles {
  voiceHistory: ViewEntry[]
  /** CSVs that may be voice history by where they sit or how they are named; their header decides. */
  maybeVoiceHistory: ViewEntry[]
  registration: ViewEntry[]
  customerAttributes: ViewEntry[]
  transcriptPdfs: ViewEntry[]
  /** Audio in Alexa's folders, or every WAV when the export has no voice-history table (2018). */
  audio: ViewEntry[]
  /** Files named like Amazon's data categories: evidence that this is an Amazon export at all. */
  categoryFiles: number
}

const alexaFolder = (segments: readonly string[]): boolean => segments.some((s) => s.startsWith('alexa') || AUDIO_FOLDERS.has(s))

/**
 * AMAZON_CATEGORY.test(e.norm) for an entry whose folder (before `start`) is not named like a
 * category: only a match at the base name's start is left. Every category name starts with one of
 * 'rdakp', so most base names ('20210701-000001.wav') are passed on their first character. A plain
 * path is matched as it is spelt, so its norm is not made.
 */
function baseIsCategory(e: ViewEntry, start: number): boolean {
  const c = e.normCodeAt(start)
  if (c !== 0x72 && c !== 0x64 && c !== 0x61 && c !== 0x6b && c !== 0x70) return false
  const re = e.plain ? CATEGORY_AT_ANY_CASE : CATEGORY_AT
  re.lastIndex = start
  return re.test(e.plain ? e.path : e.norm)
}

/** Puts one entry where it belongs, told whether it is named like a category and sits in an Alexa or audio folder. */
function sortEntry(files: AmazonFiles, wavs: ViewEntry[], e: ViewEntry, category: boolean, inAlexaFolder: boolean): void {
  if (category) files.categoryFiles++
  if (e.ext === 'csv') {
    const base = normalizeHeader(e.base)
    if (VOICE_FILES.has(base)) files.voiceHistory.push(e)
    else if (base === 'registration.csv' || /^devices\.registration(\.\d+)?\.csv$/.test(base)) files.registration.push(e)
    else if (/^digital\.customerattributes(\.\d+)?\.csv$/.test(base)) files.customerAttributes.push(e)
    else if (VOICEISH.test(base) || (inAlexaFolder && base.startsWith('alexa'))) files.maybeVoiceHistory.push(e)
  } else if (e.ext === 'pdf' && /transcript|transkript/.test(e.base) && !/description/.test(e.base)) {
    files.transcriptPdfs.push(e)
  } else if (e.audio) {
    if (inAlexaFolder) files.audio.push(e)
    else if (e.ext === 'wav') wavs.push(e)
  }
}

export function locateAmazonFiles(view: ExportView): AmazonFiles {
  const files: AmazonFiles = { voiceHistory: [], maybeVoiceHistory: [], registration: [], customerAttributes: [], transcriptPdfs: [], audio: [], categoryFiles: 0 }
  const wavs: ViewEntry[] = []
  const entries = view.entries
  // Whether an entry is named like a category and sits in an Alexa folder is judged once per run
  // of one folder (view.folders): 100,000 clips share a few folders.
  for (const run of view.folders) {
    if (run.odd) {
      // A name that ends in '/' has its base further back: judged whole, its folder from its segments.
      for (let i = run.from; i < run.to; i++) sortEntry(files, wavs, entries[i]!, AMAZON_CATEGORY.test(entries[i]!.norm), alexaFolder(entries[i]!.segments.slice(0, -1)))
      continue
    }
    // At the root (cut -1) the whole name is its base, and no folder is an Alexa folder.
    const category = AMAZON_CATEGORY.test(run.folder)
    const alexa = alexaFolder(segmentsOf(run.folder))
    const start = run.cut + 1
    for (let i = run.from; i < run.to; i++) {
      const e = entries[i]!
      sortEntry(files, wavs, e, category || baseIsCategory(e, start), alexa)
    }
  }
  if (files.voiceHistory.length === 0 && files.maybeVoiceHistory.length === 0) files.audio.push(...wavs)
  return files
}
