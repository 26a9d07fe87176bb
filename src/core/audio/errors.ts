/** Thrown inside the audio code; it reaches callers only as an AudioFailure's text. */
export class AudioReadError extends Error {
  override readonly name = 'AudioReadError'
}

const PREFIX = 'audio could not be read: '

/** The one sentence shape the issue asks for, so the UI and the CLI say the same thing. */
export function failure(reason: string): { error: string } {
  return { error: reason.startsWith(PREFIX) ? reason : PREFIX + reason }
}

export function reasonOf(err: unknown): string {
  if (err instanceof AudioReadError) return err.message
  if (err instanceof Error) return err.message
  return String(err)
}

export const fail = (reason: string): never => {
  throw new AudioReadError(reason)
}
