import type { EntryKind } from '../../shared/model/archive'

/** The one list of audio extensions: the archive's entry kind and the providers' export view both read it. */
export const AUDIO_EXTENSIONS: ReadonlySet<string> = new Set(['wav', 'mp3', 'ogg', 'opus', 'oga', 'm4a', 'aac', 'flac', 'amr', 'webm', '3gp', 'wma'])

// No prototype: an entry named 'x.constructor' must not find Object's own properties.
const kinds: Record<string, EntryKind | undefined> = Object.create(null)
const add = (kind: EntryKind, exts: Iterable<string>) => {
  for (const e of typeof exts === 'string' ? exts.split(' ') : exts) kinds[e] = kind
}
add('audio', AUDIO_EXTENSIONS)
add('document', 'pdf html htm txt')
add('data', 'csv json xml')
add('archive', 'zip tar tgz gz')
add('image', 'png jpg jpeg gif webp')

let lastExtension = ''
// The kind of lastExtension, so a run of one extension skips the lookup in a table of strings.
let lastKind: EntryKind | null = null

/**
 * The text after `dot` in `s`. Exports hold long runs of one extension, so the last one is
 * handed back when it matches instead of a new string for each of 100,000 entries.
 */
export function extensionAt(s: string, dot: number): string {
  if (s.length - dot - 1 === lastExtension.length && s.startsWith(lastExtension, dot + 1)) return lastExtension
  lastExtension = s.slice(dot + 1)
  lastKind = null
  return lastExtension
}

/** Ends in '.zip', any case; char codes, since this runs once for each of 100,000 entries. */
export const isZipName = (path: string): boolean => {
  const n = path.length
  return n >= 4 && path.charCodeAt(n - 4) === 0x2e && (path.charCodeAt(n - 3) | 0x20) === 0x7a && (path.charCodeAt(n - 2) | 0x20) === 0x69 && (path.charCodeAt(n - 1) | 0x20) === 0x70
}

/** What a file is, by its extension only: cheap, and the providers look closer where it matters. */
export function entryKind(path: string): EntryKind {
  // The last '/' and the last '.' after it, in one walk back from the end: lastIndexOf is a call
  // into the runtime, and it took two for each of 100,000 entries.
  let dot = -1
  let slash = path.length - 1
  for (; slash >= 0; slash--) {
    const c = path.charCodeAt(slash)
    if (c === 0x2f) break
    if (c === 0x2e && dot < 0) dot = slash
  }
  return kindAt(path, slash, dot)
}

/**
 * entryKind of `path` whose last '/' is at `slash` (-1: none) and whose last '.' after it is at
 * `dot` (-1: none), for a caller that found them already (the ZIP listing, on its walk over the name).
 */
export function kindAt(path: string, slash: number, dot: number, underscores = true): EntryKind {
  const start = slash + 1
  // Exports re-zipped on a Mac carry AppleDouble twins ('__MACOSX/…/._clip.wav'): metadata, not
  // audio. (`underscores` false: the caller knows the path holds no '__', so no such folder.)
  if (path.startsWith('._', start) || (underscores && (path.startsWith('__MACOSX/') || path.includes('/__MACOSX/')))) return 'other'
  // No dot in the name ('.wav' alone still reads as a WAV).
  if (dot < 0) return 'other'
  const ext = extensionAt(path, dot)
  if (ext === lastExtension && lastKind !== null) return lastKind
  const kind = kinds[ext] ?? kinds[ext.toLowerCase()] ?? 'other'
  lastKind = kind
  return kind
}
