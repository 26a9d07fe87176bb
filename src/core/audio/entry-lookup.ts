import type { ArchiveEntry, OpenedArchive } from '../archive'
import type { Recording } from '../../shared/model/recording'

const entryKey = (part: string | null, path: string) => `${part ?? ''}\n${path}`

/**
 * Finds a recording's audio entry in the archive: one map over the listing, then one look-up per
 * recording. The audio handlers and the voice analysis both pair recordings with entries this way.
 */
export function audioEntryLookup(archive: Pick<OpenedArchive, 'entries'>): (recording: Pick<Recording, 'audio'>) => ArchiveEntry | null {
  const byPath = new Map<string, ArchiveEntry>()
  for (const e of archive.entries) byPath.set(entryKey(e.info.part, e.info.path), e)
  return (r) => (r.audio ? (byPath.get(entryKey(r.audio.part, r.audio.path)) ?? null) : null)
}
