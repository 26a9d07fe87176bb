import type { Container } from './entry'
import type { ByteSource } from './source'
import type { ArchiveLimits } from './types'
import { throwIfAborted } from './errors'
import type { ProblemLog } from './problems'
import type { ProgressMeter } from './progress'
import type { TempArea } from './temp'

/** What every reader shares while one export is opened: limits, cancellation, problems, progress, resources. */
export class OpenContext {
  /** Entries listed so far, nested ones included (limits.maxEntries counts these). */
  entries = 0
  private entryLimitHit = false
  readonly sources: ByteSource[] = []
  /** Every container a listing of this export made (see contain): the opened export reads through these only. */
  readonly containers = new Set<Container>()
  /** Other things an open export holds (a live gunzip of a tar.gz), ended at close. */
  private readonly enders: Array<() => void> = []

  constructor(
    readonly limits: ArchiveLimits,
    readonly signal: AbortSignal | undefined,
    readonly problems: ProblemLog,
    readonly meter: ProgressMeter,
    readonly temp: TempArea
  ) {}

  checkAbort(): void {
    throwIfAborted(this.signal)
  }

  /** Counts one more entry; false (with one problem line) once the limit is reached. */
  admit(): boolean {
    if (this.entries < this.limits.maxEntries) {
      this.entries++
      return true
    }
    if (!this.entryLimitHit) {
      this.entryLimitHit = true
      this.problems.add('limit', null, `The export lists more than ${this.limits.maxEntries} entries; only the first ${this.limits.maxEntries} are shown.`)
    }
    return false
  }

  get full(): boolean {
    return this.entries >= this.limits.maxEntries
  }

  /** Notes a container made by a listing of this export, so the opened export knows its entries as its own. */
  contain<C extends Container>(container: C): C {
    this.containers.add(container)
    return container
  }

  own<S extends ByteSource>(source: S): S {
    this.sources.push(source)
    return source
  }

  atRelease(end: () => void): void {
    this.enders.push(end)
  }

  async release(): Promise<void> {
    for (const end of this.enders.splice(0)) end()
    const sources = this.sources.splice(0)
    await Promise.allSettled(sources.map((s) => s.close()))
    await this.temp.dispose().catch(() => undefined)
  }
}
