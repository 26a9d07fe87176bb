import { z } from 'zod'

/** Every call answers with a Result: errors cross the bridge as data, never as exceptions. */
export const errorCodes = ['invalid-payload', 'unknown-call', 'forbidden-sender', 'forbidden-path', 'not-found', 'cannot-open', 'cancelled', 'internal'] as const
export type ErrorCode = (typeof errorCodes)[number]

export const AppErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Where the payload was wrong, one line per problem, for invalid-payload. */
  details: z.array(z.string()).optional()
})
export type AppError = z.infer<typeof AppErrorSchema>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, details?: string[]): Result<never> => ({
  ok: false,
  error: details ? { code, message, details } : { code, message }
})

/** Thrown inside services to answer with a specific code instead of `internal`. */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'CallError'
  }
}
