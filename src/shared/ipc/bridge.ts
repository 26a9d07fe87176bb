import type { CallName, CallRequest, CallResponse } from './contract'
import type { EventName, EventPayload } from './events'
import type { Result } from './result'

/** What `window.exportscope` holds: the contract's calls, `on` for events, and `pathForFile` for drops. */
export type ExportscopeBridge = {
  [K in CallName]: (request: CallRequest<K>) => Promise<Result<CallResponse<K>>>
} & {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
  /** The file-system path of a file dropped on the window; '' where there is none. */
  pathForFile(file: unknown): string
}

/** Members of the bridge besides the calls; the isolation spec checks the bridge holds nothing else. */
export const bridgeExtras = ['on', 'pathForFile'] as const
