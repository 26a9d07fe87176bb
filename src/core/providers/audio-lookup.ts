import { basename } from 'node:path/posix'
import { folderOf, normalizeName, type ExportView, type ViewEntry } from './export-view'

/** Finds the audio entry a metadata file names: relative to the file's folder, else by bare name. */
export class AudioLookup {
  private readonly byNorm = new Map<string, ViewEntry>()

  constructor(private readonly view: ExportView) {
    for (const e of view.entries) if (e.audio) this.byNorm.set(e.norm, e)
  }

  find(name: string, relativeTo: ViewEntry | null): ViewEntry | null {
    const clean = name.replace(/\\/g, '/').replace(/^\.\//, '')
    if (relativeTo) {
      const hit = this.byNorm.get(normalizeName(`${folderOf(relativeTo.path)}${clean}`).replace(/!\//g, '/'))
      if (hit) return hit
    }
    const direct = this.byNorm.get(normalizeName(clean))
    if (direct) return direct
    const candidates = this.view.byBase(basename(clean)).filter((e) => e.audio)
    if (candidates.length === 0) return null
    // Several files with one name: the one in the same part and nearest folder is the likely one.
    const sameFolder = relativeTo && candidates.find((c) => c.part === relativeTo.part && c.norm.startsWith(normalizeName(folderOf(relativeTo.path)).replace(/!\//g, '/')))
    return sameFolder || candidates[0]!
  }
}
