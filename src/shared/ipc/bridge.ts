import type { CallName, CallRequest, CallResponse } from './contract'
import type { EventName, EventPayload } from './events'
import type { Result } from './result'

/** What `window.exportscope` holds: the contract's calls, `on` for events, and `tokenForFile` for drops. */
export type ExportscopeBridge = {
  [K in CallName]: (request: CallRequest<K>) => Promise<Result<CallResponse<K>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /**
   * For a file dropped on the window: its path (to show) and the token openArchive takes, granted by
   * main for that path; null where the file has no path (one made by script, not dropped).
   */
  tokenForFile(file: unknown): Promise<DroppedFile | null>
}

/** Members of the bridge besides the calls; the isolation spec checks the bridge holds nothing else. */
export const bridgeExtras = ['on', 'tokenForFile'] as const

export interface DroppedFile {
  path: string
  token: string
}
