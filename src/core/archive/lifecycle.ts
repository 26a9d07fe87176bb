import type { Problem } from '../../shared/model/problem'
import type { ExportReading } from '../../shared/model/recording'
import type { OpenedArchive } from './types'

/** What other areas (the review) learn about an open export's life, without reaching into the archive handlers. */
export interface ArchiveLifecycle {
  /** The export is read and about to be shown; problems returned are shown with the archive's own. */
  opened(archiveId: string, open: { archive: OpenedArchive; reading: ExportReading }): Promise<Problem[]>
  hashed(archiveId: string, sha256: string): void
  closed(archiveId: string): Promise<void>
}

export const NO_LIFECYCLE: ArchiveLifecycle = {
  opened: async () => [],
  hashed: () => undefined,
  closed: async () => undefined
}
