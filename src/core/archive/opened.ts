import type { Readable } from 'node:stream'
import type { ArchiveFormat, Problem } from '../../shared/model/archive'
import type { OpenContext } from './context'
import type { Container, IndexedEntry } from './entry'
import { EntryReadError } from './errors'
import { fingerprintOf } from './fingerprint'
import type { ArchiveEntry, ByteRange, OpenedArchive } from './types'

export interface OpenedInit {
  format: ArchiveFormat
  path: string
  parts: { path: string; bytes: number }[]
  entries: IndexedEntry[]
  problems: Problem[]
  ctx: OpenContext
}

/** The one OpenedArchive behind every format: it only reads entries it listed itself, and closes everything it opened. */
export class Opened implements OpenedArchive {
  readonly format: ArchiveFormat
  readonly path: string
  readonly parts: ReadonlyArray<{ path: string; bytes: number }>
  readonly bytes: number
  readonly entries: ReadonlyArray<IndexedEntry>
  readonly problems: Problem[]
  private fingerprint_: string | null = null
  private readonly containers: ReadonlySet<Container>
  private readonly ctx: OpenContext
  private closed = false

  constructor(init: OpenedInit) {
    this.format = init.format
    this.path = init.path
    this.parts = init.parts
    this.bytes = init.parts.reduce((sum, p) => sum + p.bytes, 0)
    this.entries = init.entries
    this.problems = init.problems
    this.ctx = init.ctx
    // The listings noted each container they made (OpenContext.contain): no pass over the entries to find them.
    this.containers = init.ctx.containers
  }

  /** Hashed when first asked for, not at open: a scan that does not print it does not wait for it. */
  get fingerprint(): string {
    this.fingerprint_ ??= fingerprintOf(this.parts, this.entries)
    return this.fingerprint_
  }

  async openEntry(entry: ArchiveEntry, range?: ByteRange): Promise<Readable> {
    const indexed = entry as Partial<IndexedEntry>
    const path = entry.info?.path ?? '(unknown)'
    if (!indexed.container || !this.containers.has(indexed.container)) {
      throw new EntryReadError('not-ours', path, `${path} is not an entry of the open export ${this.path}.`)
    }
    if (this.closed) throw new EntryReadError('not-ours', path, `The export ${this.path} was closed before ${path} was read.`)
    if (indexed.refused) throw indexed.refused
    return indexed.container.read(indexed as IndexedEntry, range)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    await this.ctx.release()
  }
}
