/**
 * A run of consecutive entries of the export view that sit in one folder. Exports keep a folder's
 * entries together (100,000 clips of an Alexa export are one or a few runs), so a provider that
 * judges entries by their folder judges each run once, and passes over every entry only where its
 * base name matters, instead of asking about the folder of each entry.
 */
export interface FolderRun {
  /** The normalised folder without its last '/': `norm.slice(0, cut)` of each of its entries; '' at the root. */
  readonly folder: string
  /** Where the last '/' is in the norm of each of its entries (-1 at the root). */
  readonly cut: number
  /** The run is the view's entries[from, to). */
  readonly from: number
  readonly to: number
  /**
   * One entry whose norm ends in '/' (a name that ends in a backslash, say): its base is further
   * back, so the run's folder is not its folder. A provider judges such an entry whole.
   */
  readonly odd: boolean
}

interface OpenRun {
  folder: string
  cut: number
  from: number
  to: number
  odd: boolean
}

/**
 * Collects the runs as the view makes its entries, in order: `note` compares the entry with the
 * run at hand (its cut, then one startsWith), and slices a folder's name only where a run begins.
 * At most one run per entry (entries that alternate between folders), usually a handful.
 */
export class FolderRuns {
  readonly runs: FolderRun[] = []
  private last: OpenRun | null = null

  note(norm: string, cut: number, index: number): void {
    const last = this.last
    if (last !== null && !last.odd && last.to === index && cut === last.cut && cut !== norm.length - 1 && norm.startsWith(last.folder)) {
      last.to = index + 1
      return
    }
    const run: OpenRun = { folder: cut < 0 ? '' : norm.slice(0, cut), cut, from: index, to: index + 1, odd: cut >= 0 && cut === norm.length - 1 }
    this.runs.push(run)
    this.last = run
  }
}
