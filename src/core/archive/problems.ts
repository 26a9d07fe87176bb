import type { Problem } from '../../shared/model/archive'

/** How many problems of one kind are listed one by one; a hostile archive can have millions. */
const PER_KIND = 500

/** Every issue found while opening, with its entry path and a sentence; capped per kind so memory stays bounded. */
export class ProblemLog {
  private readonly items: Problem[] = []
  private readonly counts = new Map<string, number>()
  /** The list handed out at open: problems found later (an entry's header checked on its first read) join it. */
  private published: Problem[] | null = null

  /** `offsets`: byte offsets in the archive the problem is about (both copies of a duplicate name). */
  add(kind: string, path: string | null, message: string, offsets?: number[]): void {
    const seen = (this.counts.get(kind) ?? 0) + 1
    this.counts.set(kind, seen)
    if (seen > PER_KIND) return
    const item = offsets ? { kind, path, message, offsets } : { kind, path, message }
    this.items.push(item)
    this.published?.push(item)
  }

  list(): Problem[] {
    const out = [...this.items]
    for (const [kind, count] of this.counts) {
      if (count > PER_KIND) out.push({ kind, path: null, message: `${count - PER_KIND} more problems of the kind "${kind}" were found and not listed one by one.` })
    }
    this.published = out
    return out
  }
}
