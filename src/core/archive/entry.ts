import type { Readable } from 'node:stream'
import type { EntryReadError } from './errors'
import type { ByteSource } from './source'
import type { ArchiveEntry, ByteRange } from './types'

/** One format's way to read its entries (a ZIP, a tar, a folder). */
export interface Container {
  read(entry: IndexedEntry, range: ByteRange | undefined): Promise<Readable>
  /** The entry's bytes in place when stored uncompressed, so a nested archive is read without copying; else null. */
  storedSource(entry: IndexedEntry): Promise<ByteSource | null>
}

/** An entry as core keeps it: the JSON-safe info plus where its bytes are. Never the bytes themselves. */
export interface IndexedEntry extends ArchiveEntry {
  readonly container: Container
  /** Why reads of this entry are refused (encrypted, overlapping, damaged…); null when it can be read. */
  refused: EntryReadError | null
}
