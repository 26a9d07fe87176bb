import type { EventName, EventPayload } from '../shared/ipc/events'

/**
 * What the engine needs from whoever hosts it: the Electron shell, the e2e harness, or the CLI.
 * Keeping this small is what lets the same services run in all three.
 */
export interface Platform {
  readonly shell: 'electron' | 'harness' | 'cli'
  /** Where the app keeps its own files (see home.ts). */
  readonly home: string
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void
  /** Shows the host's open dialog; null when cancelled. */
  chooseArchive(kind: 'file' | 'folder'): Promise<string | null>
}
