import { folderOf, normalizeName, type ExportView, type ViewEntry } from './export-view'

/** The audio entries of one base name, in the view's order. */
interface Carriers {
  readonly all: readonly ViewEntry[]
  /** Per part, per folder (a normalised prefix of a carrier's norm up to a '/', or ''): the first carrier under it. Made on the first ask, for names of more than one carrier. */
  firstUnder: Map<string | null, Map<string, ViewEntry>> | null
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
 * metadata file's folder in its part, else the first. Each name's entries are gathered once and
 * each folder's first found in a map: asked per row, filtering every entry of the name (and
 * normalising each one's folder) made 32,000 rows that all name one of 32,000 'rec.wav' files cost
 * 20 s.
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
    if (carriers === undefined) this.byBase.set(key, (carriers = { all: this.view.byBase(base).filter((e) => e.audio), firstUnder: null }))
    const { all } = carriers
    if (all.length === 0) return null
    if (all.length === 1 || relativeTo === null) return { entry: all[0]!, carriers: all.length, key }
    const firstUnder = (carriers.firstUnder ??= firstUnderEachFolder(all))
    return { entry: firstUnder.get(relativeTo.part)?.get(this.folderOf(relativeTo)) ?? all[0]!, carriers: all.length, key }
  }

  private folderOf(file: ViewEntry): string {
    if (file !== this.lastFile) {
      this.lastFile = file
      this.lastFolder = normalizeName(folderOf(file.path)).replace(/!\//g, '/')
    }
    return this.lastFolder
  }
}

/** For each part and each folder that holds one of `all` at any depth, the first of them there. */
function firstUnderEachFolder(all: readonly ViewEntry[]): Map<string | null, Map<string, ViewEntry>> {
  const out = new Map<string | null, Map<string, ViewEntry>>()
  for (const e of all) {
    let folders = out.get(e.part)
    if (folders === undefined) out.set(e.part, (folders = new Map()))
    const norm = e.norm
    if (!folders.has('')) folders.set('', e)
    for (let cut = norm.indexOf('/'); cut >= 0; cut = norm.indexOf('/', cut + 1)) {
      const folder = norm.slice(0, cut + 1)
      if (!folders.has(folder)) folders.set(folder, e)
    }
  }
  return out
}
