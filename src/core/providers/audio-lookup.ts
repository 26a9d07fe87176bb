import { basename } from 'node:path/posix'
import { folderOf, normalizeName, type ExportView, type ViewEntry } from './export-view'
import { NormIndex } from './norm-index'
import { BareNames, type BareHit } from './bare-names'
import type { ProblemLog } from './problem-log'
import { lowerAscii } from '../ascii'

// Printable ASCII without a backslash needs only lower-casing (as export-view's names).
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/
const norm = (s: string): string => {
  const n = PLAIN.test(s) ? s.toLowerCase() : normalizeName(s)
  return n.includes('!/') ? n.replace(/!\//g, '/') : n
}

/**
 * Whether `name`, normalised, is `target`'s norm from `at` on: `name` must be printable ASCII
 * without a backslash or '!' (so normalising it is lower-casing it), else the answer is no and the
 * caller normalises it the long way. Makes no string.
 */
function normalisesTo(name: string, target: ViewEntry, at: number): boolean {
  const norm = target.normSource
  if (norm.length - at !== name.length) return false
  for (let k = 0; k < name.length; k++) {
    const c = name.charCodeAt(k)
    if (c < 0x20 || c > 0x7e || c === 0x5c || c === 0x21) return false
    if (lowerAscii(c) !== lowerAscii(norm.charCodeAt(at + k))) return false
  }
  return true
}

/** Rows of one metadata file that named one bare name which several audio entries carry. */
interface Ambiguous {
  /** The name as the first such row wrote it. */
  readonly name: string
  rows: number
  readonly carriers: number
  readonly taken: ViewEntry
}

/** Finds the audio entry a metadata file names: relative to the file's folder, else by bare name. */
export class AudioLookup {
  /** The audio entries in the archive's order. */
  private readonly audio: readonly ViewEntry[]
  /** Each normalised name's place among them (the last entry of a name wins). */
  private readonly byNorm: NormIndex
  /** Where the last answer was: exports list audio in the order their metadata names it, so the next row's is usually the next entry. */
  private last = -1
  /** No two audio entries have one normalised name (so none shares a view key): an answer is the only entry of its name. */
  readonly uniqueNames: boolean

  /** Made on the first name that matches no path. */
  private bare: BareNames | null = null
  /** Per metadata file, per normalised bare name: the rows that took one of several entries (see reportAmbiguous). */
  private readonly ambiguous = new Map<ViewEntry | null, Map<string, Ambiguous>>()

  constructor(private readonly view: ExportView) {
    this.audio = view.audio
    this.byNorm = new NormIndex(this.audio, (e) => view.normHash(e))
    this.uniqueNames = this.byNorm.unique
  }

  // The metadata file's folder, normalised once per file rather than once per row (100,000 rows name one folder).
  private readonly folders = new WeakMap<ViewEntry, string>()

  // The last file asked about and its folder: 100,000 rows of one file ask without a WeakMap lookup each.
  private lastFile: ViewEntry | null = null
  private lastFolder = ''

  private folderNorm(file: ViewEntry): string {
    if (file === this.lastFile) return this.lastFolder
    let folder = this.folders.get(file)
    if (folder === undefined) this.folders.set(file, (folder = norm(folderOf(file.path))))
    this.lastFile = file
    this.lastFolder = folder
    return folder
  }

  /** The audio entry at `place` is the last of its normalised name (the one find's long way answers). */
  private lastOfItsName(e: ViewEntry, place: number): boolean {
    return this.byNorm.placeOf(e, this.view.normHash(e)) === place
  }

  private at(place: number): ViewEntry | undefined {
    if (place < 0) return undefined
    this.last = place
    return this.audio[place]
  }

  /**
   * find()'s first guess from the name's bytes in `buf` [start, end), one byte a character (a
   * plain CSV cell): the entry after the last answer when the name is its path relative to the
   * folder of `relativeTo`, else null, and the caller asks find() with the name as text. Makes no
   * string: 100,000 rows name their audio in the order the archive lists it.
   */
  nextByBytes(buf: Uint8Array, start: number, end: number, relativeTo: ViewEntry): ViewEntry | null {
    const next = this.last + 1
    const guess = this.audio[next]
    if (guess === undefined) return null
    const folder = this.folderNorm(relativeTo)
    // The norm, or the plain path it is the lower-cased form of: compared with A-Z lower-cased.
    const norm = guess.normSource
    if (norm.length - folder.length !== end - start || !guess.normHas(folder, 0)) return null
    // (A name starting './' is not its own path: find's long way cuts that off.)
    if (end - start >= 2 && buf[start] === 0x2e && buf[start + 1] === 0x2f) return null
    // As normalisesTo, over bytes.
    for (let k = start, at = folder.length; k < end; k++, at++) {
      const c = buf[k]!
      if (c < 0x20 || c > 0x7e || c === 0x5c || c === 0x21) return null
      if (lowerAscii(c) !== lowerAscii(norm.charCodeAt(at))) return null
    }
    if (!this.uniqueNames && !this.lastOfItsName(guess, next)) return null
    return this.at(next)!
  }

  find(name: string, relativeTo: ViewEntry | null): ViewEntry | null {
    // An export without audio (metadata only) answers every row at once.
    if (this.audio.length === 0) return null
    if (relativeTo) {
      // The entry after the last answer, checked against the normalised name the long way below would look up.
      const next = this.last + 1
      const guess = this.audio[next]
      if (guess !== undefined) {
        const folder = this.folderNorm(relativeTo)
        if (guess.normHas(folder, 0) && normalisesTo(name, guess, folder.length) && !name.startsWith('./') && (this.uniqueNames || this.lastOfItsName(guess, next))) return this.at(next)!
      }
    }
    const clean = (name.includes('\\') ? name.replace(/\\/g, '/') : name).replace(/^\.\//, '')
    const cleanNorm = norm(clean)
    if (relativeTo) {
      // The folder ends with '/', so normalising the two halves apart gives the same name as normalising the whole.
      const hit = this.at(this.byNorm.find(this.folderNorm(relativeTo), cleanNorm))
      if (hit) return hit
    }
    const direct = this.at(this.byNorm.find(cleanNorm, ''))
    if (direct) return direct
    // Several files with one name: the one in the same part and nearest folder is the likely one.
    const base = basename(clean)
    const hit = (this.bare ??= new BareNames(this.view)).find(base, relativeTo)
    if (hit === null) return null
    if (hit.carriers > 1) this.noteAmbiguous(base, hit, relativeTo)
    return hit.entry
  }

  private noteAmbiguous(name: string, hit: BareHit, file: ViewEntry | null): void {
    let names = this.ambiguous.get(file)
    if (names === undefined) this.ambiguous.set(file, (names = new Map()))
    const seen = names.get(hit.key)
    if (seen !== undefined) seen.rows++
    else names.set(hit.key, { name, rows: 1, carriers: hit.carriers, taken: hit.entry })
  }

  /**
   * Logs, once per name, the rows of `file` that named by bare name an audio file that several
   * entries carry: each such row was given one of them (find's guess), and the others show as
   * audio without metadata, so the report says so rather than nothing. A line per name, not per
   * row (the log caps them too).
   */
  reportAmbiguous(file: ViewEntry, log: ProblemLog): void {
    const names = this.ambiguous.get(file)
    if (names === undefined) return
    this.ambiguous.delete(file)
    for (const a of names.values()) {
      const rows = a.rows === 1 ? '1 row names' : `${a.rows} rows name`
      log.add('ambiguous-audio', `${rows} the audio file "${a.name}" without its folder, and ${a.carriers} audio files in the export have that name: ${a.rows === 1 ? 'it was' : 'all were'} matched to ${a.taken.path}, which may not be theirs`, null)
    }
  }
}
