import type { Readable } from 'node:stream'
import { AUDIO_EXTENSIONS, extensionAt } from '../archive/kind'
import { kindOf as kindOfEntry, partOf, pathOf as pathOfEntry, type ArchiveEntry, type OpenedArchive, type PlainShape } from '../archive/types'
import { FNV_PRIME, NAME_HASH_START } from '../fnv'
import { lowerAscii } from '../ascii'
import { hashOf } from './norm-index'
import { FolderRuns, type FolderRun } from './per-folder'
import { withoutTrailing } from '../trim'

// Read once into this module: an imported binding read in the per-character loop is a call of a
// getter wherever modules are compiled to CommonJS (tsx, the benches), twice the view's cost.
const START = NAME_HASH_START
const PRIME = FNV_PRIME
// So are these: every entry's path is read several times as the view is made and passed over.
const pathOf = pathOfEntry
const kindOf = kindOfEntry

/** One entry as providers match it: names normalised once, so no provider hard-codes spelling. */
export interface ViewEntry {
  /** Unique within the export even when two parts hold the same path. */
  readonly key: string
  readonly entry: ArchiveEntry
  /** The path as the archive engine names it; what reports and problems quote. */
  readonly path: string
  readonly part: string | null
  /**
   * NFC, U+00A0 as a space, '/' separators, lower-case; a nested archive's 'x.zip!' segment reads
   * 'x.zip'. Made on each ask for a plain path (see `plain`): a reader that passes over every entry
   * compares through normLength, normCodeAt and normHas instead, which make no string.
   */
  readonly norm: string
  /**
   * The path is printable ASCII without a backslash or '!/' (nearly every path of an export), so
   * its norm is the path with A-Z lower-cased, character for character: same length, same places.
   */
  readonly plain: boolean
  /**
   * The norm itself, or for a plain path the path: either way a string whose characters, A-Z
   * lower-cased, are the norm's (a norm holds no A-Z). A reader that compares many characters
   * reads this once and lower-cases as it goes, rather than asking normCodeAt for each.
   */
  readonly normSource: string
  /** norm.length. */
  readonly normLength: number
  /** norm.charCodeAt(i). */
  normCodeAt(i: number): number
  /** norm.startsWith(text, at), false for an `at` below 0. */
  normHas(text: string, at: number): boolean
  readonly segments: readonly string[]
  /** Last segment of `norm`. */
  readonly base: string
  /** norm.lastIndexOf('/'), found while the view was made: passes over every entry judge its folder by it without a search of their own. */
  readonly cut: number
  readonly ext: string
  readonly audio: boolean
  /** Where the entry is in the view's `entries`: per-read marks (claims) are kept by it, in a byte each. */
  readonly index: number
}

export interface ExportView {
  readonly archive: OpenedArchive
  /** Every entry except re-zipping debris (__MACOSX, AppleDouble '._x', .DS_Store). */
  readonly entries: readonly ViewEntry[]
  /** The audio entries among them, in the same order: a reader of audio need not pass over every entry. */
  readonly audio: readonly ViewEntry[]
  /**
   * `entries` as runs of one folder each, in order (per-folder.ts): a provider that judges entries
   * by their folder judges each run once instead of asking about every entry's folder.
   */
  readonly folders: readonly FolderRun[]
  byBase(base: string): readonly ViewEntry[]
  /** hashOf(entry.norm, '') (norm-index.ts), worked out while the view was made: the audio lookup's index reads no name for it. */
  normHash(entry: ViewEntry): number
  byKey(key: string): ViewEntry | undefined
  open(entry: ViewEntry): Promise<Readable>
}

export const normalizeName = (s: string): string => s.normalize('NFC').replace(/\u00a0/g, ' ').replace(/\\/g, '/').toLowerCase()

// Printable ASCII without a backslash: NFC and the U+00A0 rule leave it as it is, so lower-casing is all it needs.
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/

function normOf(path: string): string {
  const norm = PLAIN.test(path) ? path.toLowerCase() : normalizeName(path)
  return norm.includes('!/') ? norm.replace(/!\//g, '/') : norm
}

/** The non-empty segments of a normalised path or folder ('a//b/' has two). */
export const segmentsOf = (norm: string): string[] => norm.split('/').filter((s) => s.length > 0)

/** `start` is where the last segment (the base name) begins in `norm`. */
const isDebris = (norm: string, start: number, underscores = true): boolean =>
  norm.startsWith('._', start) ||
  (norm.length - start === 9 && norm.endsWith('.ds_store')) ||
  // (One scan for the folder's name first, none when the listing saw no '__': nearly no path holds it.)
  (underscores && norm.includes('__macosx') && (norm === '__macosx' || norm.startsWith('__macosx/') || norm.includes('/__macosx/') || norm.endsWith('/__macosx')))

/**
 * A 100,000-entry export makes 100,000 of these, so each holds only what every provider reads
 * (where its base name starts, extension, audio flag); the rest is derived when a provider asks.
 * The normalised path is kept only where it is not the path lower-cased (`own`, a path that is not
 * plain): a lower-cased copy of every path cost the view as much again as the rest of it, and the
 * readers that pass over every entry compare against the path, lower-casing as they go. The
 * segments are not kept: the few readers of them (Takeout paths) ask once per entry, and an array
 * of strings kept per entry weighed more than the entry.
 */
class Entry implements ViewEntry {
  constructor(
    readonly entry: ArchiveEntry,
    /** The normalised path of a path that is not plain; null for a plain one. */
    private readonly own: string | null,
    readonly cut: number,
    readonly ext: string,
    readonly audio: boolean,
    readonly index: number
  ) {}

  get path(): string {
    return pathOf(this.entry)
  }

  get part(): string | null {
    return partOf(this.entry)
  }

  get key(): string {
    const path = pathOf(this.entry)
    const part = partOf(this.entry)
    return part ? `${part}\u0000${path}` : path
  }

  get plain(): boolean {
    return this.own === null
  }

  get norm(): string {
    return this.own ?? pathOf(this.entry).toLowerCase()
  }

  get normSource(): string {
    return this.own ?? pathOf(this.entry)
  }

  get normLength(): number {
    return this.normSource.length
  }

  normCodeAt(i: number): number {
    const c = this.normSource.charCodeAt(i)
    return lowerAscii(c)
  }

  normHas(text: string, at: number): boolean {
    if (this.own !== null) return at >= 0 && this.own.startsWith(text, at)
    const path = pathOf(this.entry)
    if (at < 0 || at + text.length > path.length) return false
    for (let k = 0; k < text.length; k++) {
      const c = path.charCodeAt(at + k)
      if (lowerAscii(c) !== text.charCodeAt(k)) return false
    }
    return true
  }

  get segments(): readonly string[] {
    return segmentsOf(this.norm)
  }

  get base(): string {
    const { cut } = this
    // A name ending in '/' (or '//') has its base further back: the segments know it.
    if (cut === this.normLength - 1) {
      const segments = this.segments
      return segments[segments.length - 1]!
    }
    return this.own !== null ? this.own.slice(cut + 1) : pathOf(this.entry).slice(cut + 1).toLowerCase()
  }
}

const isAudio = (ext: string, entry: ArchiveEntry): boolean => kindOf(entry) === 'audio' || AUDIO_EXTENSIONS.has(ext)

/** viewEntry for any path that is not plain ASCII (see below): normalised the long way. */
function viewEntryOther(entry: ArchiveEntry, path: string, index: number, hashes: Int32Array): Entry | null {
  const norm = normOf(path)
  hashes[index] = hashOf(norm, '')
  const cut = norm.lastIndexOf('/')
  let start = cut + 1
  if (start === norm.length) {
    // The name ends in '/' only after normalising: its base is the last non-empty segment.
    const trimmed = withoutTrailing(norm, '/')
    if (trimmed === '') return null
    start = trimmed.lastIndexOf('/') + 1
    const base = trimmed.slice(start)
    const dot = base.lastIndexOf('.')
    if (isDebris(trimmed, start)) return null
    const ext = dot > 0 ? base.slice(dot + 1) : ''
    return new Entry(entry, norm, cut, ext, isAudio(ext, entry), index)
  }
  if (isDebris(norm, start)) return null
  const dot = norm.lastIndexOf('.')
  const ext = dot > start ? extensionAt(norm, dot) : ''
  return new Entry(entry, norm, cut, ext, isAudio(ext, entry), index)
}

// The extension handed out last: exports hold long runs of one, so a run shares one string (as kind.ts's extensionAt).
let lastExtension = ''

/** The lower-cased text after `dot` in the plain `path`, without a new string when it is the last one's. */
function lowerExtensionAt(path: string, dot: number): string {
  const length = path.length - dot - 1
  if (length === lastExtension.length) {
    let k = 0
    for (; k < length; k++) {
      const c = path.charCodeAt(dot + 1 + k)
      if (lowerAscii(c) !== lastExtension.charCodeAt(k)) break
    }
    if (k === length) return lastExtension
  }
  lastExtension = path.slice(dot + 1).toLowerCase()
  return lastExtension
}

/** isDebris of a plain path's norm (its lower-cased self), lower-casing only where a folder may be '__MACOSX'. */
const isPlainDebris = (path: string, start: number, underscores: boolean): boolean =>
  path.startsWith('._', start) ||
  (path.length - start === 9 && path.charCodeAt(start) === 0x2e && path.slice(start + 1).toLowerCase() === 'ds_store') ||
  (underscores && path.includes('__') && isDebris(path.toLowerCase(), start))

// Filled by the entry's plainShape (a ZIP's listing walked the name already): one object for all entries.
const shape: PlainShape = { hash: 0, slash: -1, dot: -1, underscores: true }

/** The entry at `index` of the view, its norm's hash put in `hashes[index]`; null for debris and folders. */
function viewEntry(entry: ArchiveEntry, index: number, hashes: Int32Array): Entry | null {
  const path = pathOf(entry)
  if (path.endsWith('/')) return null
  let cut = -1
  let dot = -1
  let h = START
  let underscores = true
  if (entry.plainShape !== undefined && entry.plainShape(shape)) {
    // The listing walked this name already and found it plain (see below): its facts are the same.
    cut = shape.slash
    dot = shape.dot
    h = shape.hash
    underscores = shape.underscores
  } else {
    // One walk over the path: printable ASCII without a backslash or a nested archive's '!/' (nearly
    // every path of an export) only needs lower-casing, which moves no character, so the last '/'
    // and '.' found here are those of the normalised path, and its hash is that of the lower-cased
    // characters. Any other path goes the long way.
    for (let i = 0; i < path.length; i++) {
      const c = path.charCodeAt(i)
      if (c < 0x20 || c > 0x7e || c === 0x5c || (c === 0x21 && path.charCodeAt(i + 1) === 0x2f)) return viewEntryOther(entry, path, index, hashes)
      if (c === 0x2f) cut = i
      else if (c === 0x2e) dot = i
      h = Math.imul(h ^ lowerAscii(c), PRIME)
    }
  }
  hashes[index] = h
  const start = cut + 1
  if (isPlainDebris(path, start, underscores)) return null
  // No slicing for the base name, nor a lower-cased copy of the path: 100,000 entries would make 100,000 strings nobody keeps.
  const ext = dot > start ? lowerExtensionAt(path, dot) : ''
  return new Entry(entry, null, cut, ext, isAudio(ext, entry), index)
}

export function createExportView(archive: OpenedArchive): ExportView {
  const entries: ViewEntry[] = []
  const audio: ViewEntry[] = []
  // One per entry of the archive, the view's never more: 4 bytes an entry.
  const hashes = new Int32Array(archive.entries.length)
  const folders = new FolderRuns()
  for (const entry of archive.entries) {
    const view = viewEntry(entry, entries.length, hashes)
    if (!view) continue
    folders.note(view, entries.length)
    entries.push(view)
    if (view.audio) audio.push(view)
  }
  // Built on first use: most scans look up a few names, and the maps cost as much as the entries.
  let bases: Map<string, ViewEntry[]> | null = null
  let keys: Map<string, ViewEntry> | null = null
  const basesOf = () => {
    if (bases) return bases
    bases = new Map()
    for (const view of entries) {
      const list = bases.get(view.base)
      if (list) list.push(view)
      else bases.set(view.base, [view])
    }
    return bases
  }
  const keysOf = () => {
    if (keys) return keys
    keys = new Map()
    for (const view of entries) keys.set(view.key, view)
    return keys
  }
  return {
    archive,
    entries,
    audio,
    folders: folders.runs,
    byBase: (base) => basesOf().get(normalizeName(base)) ?? [],
    normHash: (e) => (entries[e.index] === e ? hashes[e.index]! : hashOf(e.norm, '')),
    byKey: (key) => keysOf().get(key),
    open: (e) => archive.openEntry(e.entry)
  }
}

/** The folder part of an entry's archive path, with a trailing '/', or '' at the root. */
export const folderOf = (path: string): string => {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut < 0 ? '' : path.slice(0, cut + 1)
}
