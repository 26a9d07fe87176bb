import type { OpenProgress } from '../core/archive/types'
import type { ParseProgress } from '../core/providers'
import { bytes, count, printable } from './format'
import type { CliStream } from './io'

export interface Progress {
  opening(p: OpenProgress): void
  hashing(files: number, bytes: number, totalBytes: number): void
  /** The providers are reading: `what` names the provider (or the export), p says how far. */
  reading(what: string, p?: ParseProgress): void
  /** A phase ended: one line that stays. */
  done(line: string): void
  /** Removes the live line, so that an error is the only line left. */
  clear(): void
}

const REDRAW_MS = 100
const percent = (done: number, total: number) => (total > 0 ? ` (${Math.min(100, Math.floor((done / total) * 100))}%)` : '')
const PHASES: Record<OpenProgress['phase'], string> = { listing: 'listing', nested: 'reading nested archives', parts: 'finding the parts', done: 'listed' }

/**
 * On a terminal one live line is redrawn in place; anywhere else (a pipe, a CI log) only the
 * lines of finished phases are written, so logs stay short and an early failure leaves its
 * error as the only line.
 */
export function createProgress(stderr: CliStream, env: Record<string, string | undefined>): Progress {
  const live = stderr.isTTY === true && env.TERM !== 'dumb'
  let shown = false
  let lastDraw = 0

  const draw = (text: string) => {
    if (!live) return
    const now = Date.now()
    if (shown && now - lastDraw < REDRAW_MS) return
    lastDraw = now
    const width = Math.max(20, (stderr.columns || 80) - 1)
    // Escaped here too: a line may carry a name from the export (escaping is idempotent).
    const safe = printable(text)
    stderr.write(`\r\x1b[K${safe.length > width ? `${safe.slice(0, width - 1)}…` : safe}`)
    shown = true
  }
  const clear = () => {
    if (shown) stderr.write('\r\x1b[K')
    shown = false
  }

  return {
    opening(p) {
      draw(`exportscope: ${PHASES[p.phase]}… ${count(p.entries)} entries, ${bytes(p.bytes)}${percent(p.bytes, p.totalBytes)}`)
    },
    reading(what, p) {
      const recordings = p && p.recordings > 0 ? ` ${count(p.recordings)} recordings` : ''
      const file = p?.file ? ` (${printable(p.file)})` : ''
      draw(`exportscope: reading ${what}…${recordings}${file}`)
    },
    hashing(files, done, totalBytes) {
      draw(`exportscope: computing the SHA-256 of ${files === 1 ? 'the archive' : `${count(files)} parts`}… ${bytes(done)} of ${bytes(totalBytes)}${percent(done, totalBytes)}`)
    },
    done(line) {
      clear()
      stderr.write(`exportscope: ${printable(line)}\n`)
    },
    clear
  }
}

/** Ends a command with one line on stderr and its exit code, the live line cleared first. */
export const failWith =
  (progress: Progress, stderr: CliStream) =>
  (code: number, line: string): number => {
    progress.clear()
    stderr.write(`exportscope: ${printable(line)}\n`)
    return code
  }
