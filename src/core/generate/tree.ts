import type { Readable } from 'node:stream'

/** Bytes of one generated file: small ones held, big ones (the bench's metadata) produced on demand. */
export type GenContent = Buffer | string | (() => Readable)

/** A file of a generated export; `zip` makes it a nested archive holding more nodes. */
export type GenNode = { path: string; content: GenContent } | { path: string; zip: GenNode[] }

/** A generated export: one list of nodes per part (one part unless the layout splits it). */
export interface GenTree {
  parts: Array<{ name: string; nodes: GenNode[] }>
  /** The time every entry is stamped with, so the same seed gives the same bytes. */
  mtime: Date
}

export const bytesOf = (c: Buffer | string): Buffer => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)
