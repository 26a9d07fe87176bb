import type { ViewEntry } from './export-view'

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
  /** The folder as the first entry's path spells it (without its last '/'), when that path is plain; else null. */
  spelt: string | null
  cut: number
  from: number
  to: number
  odd: boolean
}

/** What FolderRuns reads of a view entry (export-view.ts, ViewEntry). */
export type RunMember = Pick<ViewEntry, 'path' | 'plain' | 'cut' | 'norm' | 'normLength' | 'normHas'>

/**
 * Collects the runs as the view makes its entries, in order: `note` compares the entry with the
 * run at hand (its cut, then its path against the run's first path, one startsWith), and makes a
 * folder's name only where a run begins. At most one run per entry (entries that alternate
 * between folders), usually a handful.
 */
export class FolderRuns {
  readonly runs: FolderRun[] = []
  private last: OpenRun | null = null

  note(e: RunMember, index: number): void {
    const last = this.last
    const cut = e.cut
    if (last !== null && !last.odd && last.to === index && cut === last.cut && cut !== e.normLength - 1 && this.inFolder(e, last)) {
      last.to = index + 1
      return
    }
    const odd = cut >= 0 && cut === e.normLength - 1
    const folder = cut < 0 ? '' : e.norm.slice(0, cut)
    const run: OpenRun = { folder, spelt: cut < 0 ? '' : e.plain ? e.path.slice(0, cut) : null, cut, from: index, to: index + 1, odd }
    this.runs.push(run)
    this.last = run
  }

  /** `e`, whose last '/' is where the run's entries have theirs, sits in the run's folder. */
  private inFolder(e: RunMember, run: OpenRun): boolean {
    // Spelt as the run's first path: that folder (the cut is where the folder ends in both).
    if (run.spelt !== null && e.plain && e.path.startsWith(run.spelt)) return true
    return e.normHas(run.folder, 0)
  }
}
