import type { Readable } from 'node:stream'
import type { ArchiveEntry, OpenedArchive } from '../archive/types'

const AUDIO_EXTENSIONS = new Set(['wav', 'mp3', 'opus', 'ogg', 'oga', 'm4a', 'aac', 'flac', 'amr', 'webm', 'wma'])

/** One entry as providers match it: names normalised once, so no provider hard-codes spelling. */
export interface ViewEntry {
  /** Unique within the export even when two parts hold the same path. */
  readonly key: string
  readonly entry: ArchiveEntry
  /** The path as the archive engine names it; what reports and problems quote. */
  readonly path: string
  readonly part: string | null
  /** NFC, U+00A0 as a space, '/' separators, lower-case; a nested archive's 'x.zip!' segment reads 'x.zip'. */
  readonly norm: string
  readonly segments: readonly string[]
  /** Last segment of `norm`. */
  readonly base: string
  readonly ext: string
  readonly audio: boolean
}

export interface ExportView {
  readonly archive: OpenedArchive
  /** Every entry except re-zipping debris (__MACOSX, AppleDouble '._x', .DS_Store). */
  readonly entries: readonly ViewEntry[]
  byBase(base: string): readonly ViewEntry[]
  byKey(key: string): ViewEntry | undefined
  open(entry: ViewEntry): Promise<Readable>
}

export const normalizeName = (s: string): string => s.normalize('NFC').replace(/\u00a0/g, ' ').replace(/\\/g, '/').toLowerCase()

const isDebris = (segments: readonly string[]): boolean =>
  segments.some((s) => s === '__macosx') || segments[segments.length - 1]!.startsWith('._') || segments[segments.length - 1] === '.ds_store'

export function createExportView(archive: OpenedArchive): ExportView {
  const entries: ViewEntry[] = []
  const bases = new Map<string, ViewEntry[]>()
  const keys = new Map<string, ViewEntry>()
  for (const entry of archive.entries) {
    const { path, part } = entry.info
    const norm = normalizeName(path).replace(/!\//g, '/')
    const segments = norm.split('/').filter((s) => s.length > 0)
    if (segments.length === 0 || isDebris(segments) || path.endsWith('/')) continue
    const base = segments[segments.length - 1]!
    const dot = base.lastIndexOf('.')
    const ext = dot > 0 ? base.slice(dot + 1) : ''
    const view: ViewEntry = {
      key: part ? `${part}\u0000${path}` : path,
      entry,
      path,
      part,
      norm,
      segments,
      base,
      ext,
      audio: AUDIO_EXTENSIONS.has(ext) || entry.info.kind === 'audio'
    }
    entries.push(view)
    keys.set(view.key, view)
    const list = bases.get(base)
    if (list) list.push(view)
    else bases.set(base, [view])
  }
  return {
    archive,
    entries,
    byBase: (base) => bases.get(normalizeName(base)) ?? [],
    byKey: (key) => keys.get(key),
    open: (e) => archive.openEntry(e.entry)
  }
}

/** The folder part of an entry's archive path, with a trailing '/', or '' at the root. */
export const folderOf = (path: string): string => {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return cut < 0 ? '' : path.slice(0, cut + 1)
}
