import { partOf, pathOf, type ArchiveEntry, type OpenedArchive } from '../archive'
import type { Recording } from '../../shared/model/recording'

/**
 * The listing's entries by part and path, filed a range at a time so a caller can spread 100,000
 * entries over turns of the event loop. A part of '' and none are the same part; where two entries
 * share a part and path the later one is found, as one map over the whole listing found it.
 */
export class AudioEntryIndex {
  private readonly byPart = new Map<string, Map<string, ArchiveEntry>>()

  constructor(readonly entries: readonly ArchiveEntry[]) {}

  /** Files entries [from, to). */
  file(from: number, to: number): void {
    // Exports are mostly one part: keep its map at hand instead of a look-up per entry.
    let part: string | null = null
    let paths: Map<string, ArchiveEntry> | undefined
    for (let i = from; i < to; i++) {
      const e = this.entries[i]!
      const p = partOf(e) ?? ''
      if (p !== part || !paths) {
        part = p
        paths = this.byPart.get(p)
        if (!paths) this.byPart.set(p, (paths = new Map()))
      }
      paths.set(pathOf(e), e)
    }
  }

  /** The recording's audio entry among those filed; null when it names none of them. */
  find(r: Pick<Recording, 'audio'>): ArchiveEntry | null {
    if (!r.audio) return null
    return this.byPart.get(r.audio.part ?? '')?.get(r.audio.path) ?? null
  }
}

/**
 * Finds a recording's audio entry in the archive: one index over the listing, then one look-up per
 * recording. The audio handlers and the voice analysis both pair recordings with entries this way.
 */
export function audioEntryLookup(archive: Pick<OpenedArchive, 'entries'>): (recording: Pick<Recording, 'audio'>) => ArchiveEntry | null {
  const index = new AudioEntryIndex(archive.entries)
  index.file(0, archive.entries.length)
  return (r) => index.find(r)
}
