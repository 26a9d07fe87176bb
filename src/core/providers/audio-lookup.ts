import { basename } from 'node:path/posix'
import { folderOf, normalizeName, type ExportView, type ViewEntry } from './export-view'

// Printable ASCII without a backslash needs only lower-casing (as export-view's names).
const PLAIN = /^[\x20-\x5b\x5d-\x7e]*$/
const norm = (s: string): string => {
  const n = PLAIN.test(s) ? s.toLowerCase() : normalizeName(s)
  return n.includes('!/') ? n.replace(/!\//g, '/') : n
}

/** Finds the audio entry a metadata file names: relative to the file's folder, else by bare name. */
export class AudioLookup {
  private readonly byNorm = new Map<string, ViewEntry>()

  constructor(private readonly view: ExportView) {
    for (const e of view.entries) if (e.audio) this.byNorm.set(e.norm, e)
  }

  // The metadata file's folder, normalised once per file rather than once per row (100,000 rows name one folder).
  private readonly folders = new WeakMap<ViewEntry, string>()

  find(name: string, relativeTo: ViewEntry | null): ViewEntry | null {
    const clean = (name.includes('\\') ? name.replace(/\\/g, '/') : name).replace(/^\.\//, '')
    const cleanNorm = norm(clean)
    if (relativeTo) {
      let folder = this.folders.get(relativeTo)
      if (folder === undefined) this.folders.set(relativeTo, (folder = norm(folderOf(relativeTo.path))))
      // The folder ends with '/', so normalising the two halves apart gives the same name as normalising the whole.
      const hit = this.byNorm.get(folder + cleanNorm)
      if (hit) return hit
    }
    const direct = this.byNorm.get(cleanNorm)
    if (direct) return direct
    const candidates = this.view.byBase(basename(clean)).filter((e) => e.audio)
    if (candidates.length === 0) return null
    // Several files with one name: the one in the same part and nearest folder is the likely one.
    const sameFolder = relativeTo && candidates.find((c) => c.part === relativeTo.part && c.norm.startsWith(normalizeName(folderOf(relativeTo.path)).replace(/!\//g, '/')))
    return sameFolder || candidates[0]!
  }
}
