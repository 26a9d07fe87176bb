import { folderOf, normalizeName, type ExportView, type ViewEntry } from './export-view'

/** The audio entries of one base name, in the view's order. */
interface Carriers {
  readonly all: readonly ViewEntry[]
  /** Per part, per folder a metadata file naming it sits in: the first carrier under that folder, or null. Filled as files ask. */
  readonly firstUnder: Map<string | null, Map<string, ViewEntry | null>>
}

/** What a bare name found: the entry taken, and how many audio entries carry that name. */
export interface BareHit {
  readonly entry: ViewEntry
  readonly carriers: number
  /** The name, normalised. */
  readonly key: string
}

/**
 * Audio entries by base name, for a row that names its audio by file name only (formats.md: "a
 * bare name found elsewhere in the export"). Several entries of one name: the first under the
 * metadata file's folder in its part, else the first. Each name's entries are gathered once, and
 * the first under a folder looked for once per folder asked (the metadata files' folders, a few):
 * asked per row, filtering every entry of the name (and normalising each one's folder) made 32,000
 * rows that all name one of 32,000 'rec.wav' files cost 20 s. (Keying every folder of every
 * carrier instead cost the square of a path's depth: 50 carriers 8,000 folders deep took 6 s.)
 */
export class BareNames {
  private readonly byBase = new Map<string, Carriers>()
  /** The folder of the file asked about last, normalised as the carriers' norms are. */
  private lastFile: ViewEntry | null = null
  private lastFolder = ''

  constructor(private readonly view: ExportView) {}

  find(base: string, relativeTo: ViewEntry | null): BareHit | null {
    const key = normalizeName(base)
    let carriers = this.byBase.get(key)
    if (carriers === undefined) this.byBase.set(key, (carriers = { all: this.view.byBase(base).filter((e) => e.audio), firstUnder: new Map() }))
    const { all, firstUnder } = carriers
    if (all.length === 0) return null
    if (all.length === 1 || relativeTo === null) return { entry: all[0]!, carriers: all.length, key }
    const part = relativeTo.part
    const folder = this.folderOf(relativeTo)
    let folders = firstUnder.get(part)
    if (folders === undefined) firstUnder.set(part, (folders = new Map()))
    let first = folders.get(folder)
    if (first === undefined) folders.set(folder, (first = all.find((e) => e.part === part && e.norm.startsWith(folder)) ?? null))
    return { entry: first ?? all[0]!, carriers: all.length, key }
  }

  private folderOf(file: ViewEntry): string {
    if (file !== this.lastFile) {
      this.lastFile = file
      this.lastFolder = normalizeName(folderOf(file.path)).replace(/!\//g, '/')
    }
    return this.lastFolder
  }
}
