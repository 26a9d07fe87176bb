import type { Problem } from '../../shared/model/problem'
import type { Session } from './session'

/** What a lifecycle is told of an opened export: the session's archive and reading, and its hooks (absent where an archive is opened without a session, as in audio's unit tests). */
export type OpenedExport = Pick<Session, 'archive' | 'reading'> & Partial<Pick<Session, 'useMarks' | 'useVoices' | 'on' | 'alongside'>>

/** What other areas (the review, audio) learn about an open export's life, without reaching into the archive handlers. */
export interface ArchiveLifecycle {
  /**
   * The export is read and about to be analysed and shown; problems returned are shown with the
   * archive's own. The review restores the case here and hands the session its marks (useMarks).
   */
  opened(archiveId: string, session: OpenedExport): Promise<Problem[]>
  /**
   * A while has passed since the open answer (see BACKGROUND_AFTER_MS in handlers.ts): background
   * work (audio's header lengths and peaks) that no call has started yet may start now without
   * delaying the first screen. Called once per opened export, after `opened`.
   */
  shown?(archiveId: string): void
  hashed(archiveId: string, sha256: string): void
  closed(archiveId: string): Promise<void>
}

export const NO_LIFECYCLE: ArchiveLifecycle = {
  opened: async () => [],
  hashed: () => undefined,
  closed: async () => undefined
}
