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
  /**
   * Shows the host's save dialog: a file to write (with `defaultName`) or a folder to write into;
   * null when cancelled. Hosts without dialogs (the CLI, some tests) leave it out.
   */
  chooseSavePath?(request: SaveDialogRequest): Promise<string | null>
  /**
   * The URL the renderer plays a recording from, for an opaque token the services issued: the app's
   * media scheme, or the harness's loopback server. Hosts that play nothing (the CLI) leave it out.
   */
  mediaUrl?(token: string): string
}

export interface SaveDialogRequest {
  kind: 'file' | 'folder'
  title: string
  defaultName: string
  /** For a file: the extensions offered, without dots. */
  extensions?: string[]
}
