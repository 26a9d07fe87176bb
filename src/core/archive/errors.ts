/** Why an export could not be opened at all; everything less is a Problem in the result. */
export type OpenErrorReason = 'missing' | 'empty' | 'not-archive' | 'unreadable' | 'no-entries'

/** The export cannot be opened at all. The message is one sentence naming the file and what is wrong. */
export class ArchiveOpenError extends Error {
  override readonly name = 'ArchiveOpenError'
  constructor(
    readonly reason: OpenErrorReason,
    readonly path: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

export type EntryErrorReason =
  | 'encrypted'
  | 'unsupported-method'
  | 'refused'
  | 'crc-mismatch'
  | 'limit'
  | 'size-mismatch'
  | 'damaged'
  | 'range'
  | 'not-ours'

/** A read of one entry failed; the stream errors with this (or the open promise rejects with it). */
export class EntryReadError extends Error {
  override readonly name = 'EntryReadError'
  constructor(
    readonly reason: EntryErrorReason,
    readonly entryPath: string,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
  }
}

export function abortError(): Error {
  const err = new Error('Opening the export was cancelled.')
  err.name = 'AbortError'
  return err
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError()
}

export const isAbortError = (err: unknown): boolean => err instanceof Error && err.name === 'AbortError'

export const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err))
