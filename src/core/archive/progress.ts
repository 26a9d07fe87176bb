import type { OpenProgress } from './types'

const EVERY_ENTRIES = 1000
const EVERY_MS = 100

/** Reports progress often enough for a live bar (every 1000 entries or 100 ms) and no more. */
export class ProgressMeter {
  /** Bytes of parts already done; a multipart open counts on from here. */
  base = 0
  private lastEntries = 0
  private lastAt = 0
  private lastPhase: OpenProgress['phase'] | null = null
  private lastBytes = 0

  constructor(
    /** 0 when not known in advance (a folder is measured as it is walked). */
    readonly totalBytes: number,
    private readonly sink: ((p: OpenProgress) => void) | undefined
  ) {}

  report(phase: OpenProgress['phase'], entries: number, bytes: number, force = false): void {
    if (!this.sink) return
    const now = Date.now()
    if (!force && phase === this.lastPhase && entries - this.lastEntries < EVERY_ENTRIES && now - this.lastAt < EVERY_MS) return
    this.lastPhase = phase
    this.lastEntries = entries
    this.lastAt = now
    // Never backwards: a later phase may restart its own count at zero.
    const at = this.totalBytes > 0 ? Math.min(this.base + bytes, this.totalBytes) : this.base + bytes
    this.lastBytes = Math.max(this.lastBytes, at)
    this.sink({ phase, entries, bytes: this.lastBytes, totalBytes: this.totalBytes })
  }
}
