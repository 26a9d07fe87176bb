import type { ViewEntry } from './export-view'
import { placesByText } from '../flood-budget'

/**
 * Entries' places sorted by normalised name (then place): NormIndex's answers once its table is
 * flooded (flood-budget.ts), in O(log n) string compares per name, whatever the names hash to.
 */
export class SortedNorms {
  private readonly norms: string[]
  /** Places, by norm; a norm's places in order (the sort is stable). */
  private readonly order: number[]

  constructor(entries: readonly ViewEntry[]) {
    this.norms = entries.map((e) => e.norm)
    this.order = placesByText(this.norms)
  }

  /** No two entries have one norm. */
  get unique(): boolean {
    for (let i = 1; i < this.order.length; i++) if (this.norms[this.order[i - 1]!] === this.norms[this.order[i]!]) return false
    return true
  }

  /** The place of the last entry whose norm is `norm`, or -1 (as the table answers). */
  find(norm: string): number {
    // The first place in the order whose norm sorts after `norm`; the one before it is the last of `norm` if any.
    let lo = 0
    let hi = this.order.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.norms[this.order[mid]!]! <= norm) lo = mid + 1
      else hi = mid
    }
    return lo > 0 && this.norms[this.order[lo - 1]!] === norm ? this.order[lo - 1]! : -1
  }
}
