/** The few stream features the CLI uses, so tests can pass plain collectors instead of process streams. */
export interface CliStream {
  write(text: string): unknown
  isTTY?: boolean
  columns?: number
}

export interface CliIo {
  stdout: CliStream
  stderr: CliStream
  env: Record<string, string | undefined>
  /** Aborted on Ctrl-C: every long step stops and the CLI exits 130. */
  signal?: AbortSignal
}

export const EXIT_OK = 0
export const EXIT_BUG = 1
/** The archive could not be opened at all, or the command line was wrong. */
export const EXIT_CANNOT_OPEN = 2
export const EXIT_CANCELLED = 130
