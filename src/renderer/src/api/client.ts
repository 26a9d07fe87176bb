import type { CallName, CallRequest, CallResponse } from '../../../shared/ipc/contract'
import type { EventName, EventPayload } from '../../../shared/ipc/events'
import type { AppError, Result } from '../../../shared/ipc/result'
import type { DroppedFile } from '../../../shared/ipc/bridge'

/** A contract call that answered with an error; `code` says which kind. */
export class ApiError extends Error {
  readonly code: AppError['code']
  constructor(error: AppError) {
    super(error.message)
    this.code = error.code
    this.name = 'ApiError'
  }
}

/** The renderer's only way to the engine: the bridge's Result turned into a value or an ApiError. */
export async function call<K extends CallName>(name: K, request: CallRequest<K>): Promise<CallResponse<K>> {
  const fn = window.exportscope[name] as unknown as (r: CallRequest<K>) => Promise<Result<CallResponse<K>>>
  const result = await fn(request)
  if (!result.ok) throw new ApiError(result.error)
  return result.value
}

export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  return window.exportscope.on(name, listener)
}

/** A dropped file's path and the token that opens it; null where it has none. */
export function tokenForFile(file: File): Promise<DroppedFile | null> {
  return window.exportscope.tokenForFile(file)
}
