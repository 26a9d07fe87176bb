import type { ExportView, ViewEntry } from '../export-view'
import { perFolder } from '../per-folder'
import { normalizeHeader } from '../csv/columns'
import aliases from './aliases.json'

const VOICE_FILES = new Set(aliases.voiceHistoryFiles.map((n) => n.toLowerCase()))
const AUDIO_FOLDERS = new Set(aliases.audioFolders.map((n) => n.toLowerCase()))
// Amazon names its data categories 'Retail.OrderHistory.1', 'Devices.Registration.zip', …
// Matched against the whole normalised path: any segment's start.
const AMAZON_CATEGORY = /(?:^|\/)(?:retail|digital|devices|audible|kindle|alexa|amazon|appstore|primevideo)\.[a-z]/
// The same at one place only (a base name's start): a match never runs across a '/', so a path
// matches when its folder does or its base name does, and the folder's answer is kept per folder.
const CATEGORY_START = new Set(Array.from('rdakp', (c) => c.charCodeAt(0)))
const CATEGORY_AT = /(?:retail|digital|devices|audible|kindle|alexa|amazon|appstore|primevideo)\.[a-z]/y
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
 * Whether an entry sits in an Alexa or audio folder. Judged once per folder (100,000 clips share a
 * few), from the normalised path itself: asking each entry for its segments would make and keep
 * an array of them per entry.
 */
function folderJudge(): (e: ViewEntry) => boolean {
  const inAlexaFolder = perFolder((folder) => alexaFolder(folder.split('/').filter((s) => s.length > 0)))
  return (e) => {
    const { norm, cut } = e
    // A name that ends in '/' has its base further back: the segments know it.
    if (cut === norm.length - 1) return alexaFolder(e.segments.slice(0, -1))
    if (cut < 0) return false
    return inAlexaFolder(norm, cut)
  }
}

/** AMAZON_CATEGORY.test(e.norm), judged once per folder and then at the base name's start only (100,000 clips share a few folders). */
function categoryJudge(): (e: ViewEntry) => boolean {
  const folderIsCategory = perFolder((folder) => AMAZON_CATEGORY.test(folder))
  return (e) => {
    const { norm, cut } = e
    // A name that ends in '/' (or has none) is judged whole.
    if (cut < 0 || cut === norm.length - 1) return AMAZON_CATEGORY.test(norm)
    if (folderIsCategory(norm, cut)) return true
    // Every category name starts with one of these letters: most base names ('20210701-000001.wav') are passed at once.
    if (!CATEGORY_START.has(norm.charCodeAt(cut + 1))) return false
    CATEGORY_AT.lastIndex = cut + 1
    return CATEGORY_AT.test(norm)
  }
}

export function locateAmazonFiles(view: ExportView): AmazonFiles {
  const files: AmazonFiles = { voiceHistory: [], maybeVoiceHistory: [], registration: [], customerAttributes: [], transcriptPdfs: [], audio: [], categoryFiles: 0 }
  const wavs: ViewEntry[] = []
  const inAlexaFolder = folderJudge()
  const isCategory = categoryJudge()
  for (const e of view.entries) {
    if (isCategory(e)) files.categoryFiles++
    if (e.ext === 'csv') {
      const base = normalizeHeader(e.base)
      if (VOICE_FILES.has(base)) files.voiceHistory.push(e)
      else if (base === 'registration.csv' || /^devices\.registration(\.\d+)?\.csv$/.test(base)) files.registration.push(e)
      else if (/^digital\.customerattributes(\.\d+)?\.csv$/.test(base)) files.customerAttributes.push(e)
      else if (VOICEISH.test(base) || (inAlexaFolder(e) && base.startsWith('alexa'))) files.maybeVoiceHistory.push(e)
    } else if (e.ext === 'pdf' && /transcript|transkript/.test(e.base) && !/description/.test(e.base)) {
      files.transcriptPdfs.push(e)
    } else if (e.audio) {
      if (inAlexaFolder(e)) files.audio.push(e)
      else if (e.ext === 'wav') wavs.push(e)
    }
  }
  if (files.voiceHistory.length === 0 && files.maybeVoiceHistory.length === 0) files.audio.push(...wavs)
  return files
}
